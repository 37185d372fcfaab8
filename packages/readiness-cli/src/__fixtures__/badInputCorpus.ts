/**
 * A corpus of bad catalog input, generated from compact tables: each case
 * is a file name, its content and a pattern of the message it must get.
 * Used by `runCli.corpus.test.ts`.
 */

/** One bad input and the message it must produce. */
export interface BadInputCase {
  name: string;
  /** File content (string) or raw bytes. */
  content: string | Buffer;
  /** What the problem line on stderr must contain. */
  expected: RegExp;
  /** Extra files the case needs, relative to its own file. */
  extraFiles?: Record<string, string>;
}

const HEAD = 'apiVersion: backstage.io/v1alpha1\n';

const DEFAULT_SPEC =
  '  type: service\n  lifecycle: production\n  owner: team-a\n';

function component(metadata: string, spec = DEFAULT_SPEC): string {
  return `${HEAD}kind: Component\nmetadata:\n${metadata}spec:\n${spec}`;
}

/** Invalid `metadata.name` values. */
const INVALID_NAMES = [
  'Payments API!',
  'has space',
  '-leading-dash',
  'trailing-dash-',
  'a'.repeat(64),
  'semi;colon',
  'ümlaut',
  'slash/name',
  'colon:name',
  'emoji-😀',
  '_underscore-start',
  'dot.',
  'a@b',
  'hash#tag',
  'percent%',
  'quote"d',
];

/** Invalid `metadata.namespace` values. */
const INVALID_NAMESPACES = [
  'Has Space',
  'UPPER_under',
  'x'.repeat(64),
  'ns!',
  '-ns',
  'ns-',
];

/** Invalid label / annotation keys. */
const INVALID_KEYS = [
  'bad key',
  '/leading',
  'a/b/c',
  'x'.repeat(300),
  'trailing/',
  'ümlaut/key',
];

/** `kind` / `apiVersion` / `metadata` shapes that are not entities. */
const SHAPES: Array<[string, string, RegExp]> = [
  ['no-kind', `${HEAD}metadata:\n  name: a\n`, /kind is missing/],
  [
    'no-api-version',
    'kind: Component\nmetadata:\n  name: a\n',
    /apiVersion is missing/,
  ],
  ['empty-kind', `${HEAD}kind: ""\nmetadata:\n  name: a\n`, /kind is missing/],
  ['kind-number', `${HEAD}kind: 42\nmetadata:\n  name: a\n`, /kind is missing/],
  [
    'no-metadata',
    `${HEAD}kind: Component\nspec:\n  type: service\n`,
    /Component entity has no metadata/,
  ],
  [
    'null-metadata',
    `${HEAD}kind: Component\nmetadata:\nspec: {}\n`,
    /has no metadata/,
  ],
  [
    'metadata-list',
    `${HEAD}kind: Component\nmetadata: [a, b]\n`,
    /metadata of the Component entity must be a mapping/,
  ],
  [
    'metadata-string',
    `${HEAD}kind: Component\nmetadata: payments\n`,
    /metadata of the Component entity must be a mapping/,
  ],
  [
    'spec-list',
    `${HEAD}kind: Component\nmetadata:\n  name: a\nspec: [1]\n`,
    /spec of the entity Component:a must be a mapping/,
  ],
  [
    'spec-string',
    `${HEAD}kind: Component\nmetadata:\n  name: a\nspec: nope\n`,
    /spec of the entity Component:a must be a mapping/,
  ],
  [
    'kind-list',
    `apiVersion: v1\nkind: List\nitems:\n  - ${HEAD.trim()}\n    kind: Component\n`,
    /kind: List \(a kubectl list of items\) is not a catalog entity/,
  ],
  ['kind-list-empty', 'apiVersion: v1\nkind: List\nitems: []\n', /kind: List/],
  ['scalar', 'just a string\n', /must be a YAML mapping/],
  ['number', '42\n', /must be a YAML mapping/],
  ['sequence', '- a\n- b\n', /must be a YAML mapping/],
  ['boolean', 'true\n', /must be a YAML mapping/],
  [
    'no-name',
    `${HEAD}kind: Component\nmetadata:\n  title: x\n`,
    /metadata\.name/,
  ],
  [
    'name-number',
    `${HEAD}kind: Component\nmetadata:\n  name: 12\n`,
    /metadata\.name/,
  ],
  [
    'name-list',
    `${HEAD}kind: Component\nmetadata:\n  name: [a]\n`,
    /invalid Component entity|metadata\.name/,
  ],
  [
    'annotations-list',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  annotations: [x]\n`,
    /invalid entity Component:a/,
  ],
  [
    'annotation-number',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  annotations:\n    x: 1\n`,
    /invalid entity Component:a/,
  ],
  [
    'labels-string',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  labels: x\n`,
    /invalid entity Component:a/,
  ],
  [
    'tags-string',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  tags: x\n`,
    /invalid entity Component:a/,
  ],
  [
    'tag-invalid',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  tags: ['Not Valid!']\n`,
    /invalid entity Component:a/,
  ],
  [
    'links-string',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  links: x\n`,
    /invalid entity Component:a/,
  ],
  [
    'link-no-url',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n  links:\n    - title: x\n`,
    /invalid entity Component:a/,
  ],
  [
    'foreign-root',
    `${HEAD}kind: Component\nmetadata:\n  name: a\nextra: 1\n`,
    /invalid entity Component:a/,
  ],
  [
    'component-no-spec',
    `${HEAD}kind: Component\nmetadata:\n  name: a\n`,
    /invalid entity Component:a/,
  ],
  [
    'component-no-owner',
    component('  name: a\n', '  type: service\n  lifecycle: production\n'),
    /spec\.owner is required/,
  ],
  [
    'component-no-type',
    component('  name: a\n', '  lifecycle: production\n  owner: t\n'),
    /spec\.type is required/,
  ],
  [
    'component-no-lifecycle',
    component('  name: a\n', '  type: service\n  owner: t\n'),
    /spec\.lifecycle is required/,
  ],
  [
    'component-owner-number',
    component('  name: a\n', '  type: service\n  lifecycle: p\n  owner: 1\n'),
    /spec\.owner must be/,
  ],
  [
    'api-no-definition',
    `${HEAD}kind: API\nmetadata:\n  name: a\nspec:\n  type: openapi\n  lifecycle: production\n  owner: t\n`,
    /spec\.definition is required/,
  ],
  [
    'group-no-type',
    `${HEAD}kind: Group\nmetadata:\n  name: g\nspec:\n  children: []\n`,
    /spec\.type is required/,
  ],
  [
    'group-no-children',
    `${HEAD}kind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n`,
    /spec\.children is required/,
  ],
  [
    'user-member-of-string',
    `${HEAD}kind: User\nmetadata:\n  name: u\nspec:\n  memberOf: team\n`,
    /spec\.memberOf must be/,
  ],
  [
    'system-no-owner',
    `${HEAD}kind: System\nmetadata:\n  name: s\nspec: {}\n`,
    /spec\.owner is required/,
  ],
  [
    'location-no-target',
    `${HEAD}kind: Location\nmetadata:\n  name: l\nspec:\n  type: url\n  targets: 3\n`,
    /invalid entity Location:l/,
  ],
  [
    'location-missing-file',
    `${HEAD}kind: Location\nmetadata:\n  name: l\nspec:\n  targets: [./missing.yaml]\n`,
    /Location target \.\/missing\.yaml: File not found/,
  ],
  [
    'location-glob-nothing',
    `${HEAD}kind: Location\nmetadata:\n  name: l\nspec:\n  target: ./nothing/*.yaml\n`,
    /Location target \.\/nothing\/\*\.yaml: No file matches/,
  ],
];

/** YAML that cannot be read at all. */
const YAML_ERRORS: Array<[string, string, RegExp]> = [
  ['unclosed-flow', 'a: [unclosed\nb: 1\n', /YAML syntax error/],
  ['unclosed-map', 'a: {x: 1\n', /YAML syntax error/],
  ['bad-indent', 'a:\n  b: 1\n c: 2\n', /YAML syntax error/],
  ['tab-indent', 'a:\n\tb: 1\n', /YAML syntax error/],
  ['duplicate-key', 'a: 1\na: 2\n', /Map keys must be unique/],
  ['unclosed-quote', 'a: "never closed\n', /YAML syntax error/],
  ['bad-alias', 'a: *nowhere\n', /the alias \*nowhere refers to no anchor/],
  ['directive-garbage', '%FOO bar\n---\na: 1\n', /apiVersion is missing/],
  ['colon-in-key', 'a: b: c\n', /YAML syntax error/],
  [
    'cyclic-alias',
    `${HEAD}kind: Component\nmetadata:\n  name: a\nspec: &s\n  type: service\n  custom: *s\n`,
    /a cyclic alias/,
  ],
  [
    'cyclic-alias-list',
    `${HEAD}kind: Component\nmetadata:\n  name: a\nspec:\n  items: &l\n    - *l\n`,
    /a cyclic alias/,
  ],
  [
    'alias-bomb',
    `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
    /too many aliases \(an "alias bomb"/,
  ],
  [
    'deep-flow',
    `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
    /nested too deeply/,
  ],
  [
    'deep-block',
    `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join(
      '\n',
    )} 1\n`,
    /nested too deeply/,
  ],
  [
    'deep-but-parsable',
    `${HEAD}kind: Component\nmetadata:\n  name: a\nspec: ${'['.repeat(
      80,
    )}${']'.repeat(80)}\n`,
    /nested more than 64 levels deep/,
  ],
];

/** Placeholders whose file is missing or unreadable. */
const PLACEHOLDERS: Array<[string, string, RegExp]> = [
  [
    'text-missing',
    '$text: ./missing.md',
    /\$text file not found for spec\.definition: \.\/missing\.md/,
  ],
  ['json-missing', '$json: ./missing.json', /\$json file not found/],
  ['yaml-missing', '$yaml: ./missing.yaml', /\$yaml file not found/],
  [
    'json-broken',
    '$json: ./broken.json',
    /\$json file \.\/broken\.json for spec\.definition cannot be parsed/,
  ],
  [
    'yaml-broken',
    '$yaml: ./broken.yaml',
    /\$yaml file \.\/broken\.yaml for spec\.definition cannot be parsed/,
  ],
  ['text-directory', '$text: ./', /\$text file not found/],
];

/** Every case of the corpus. */
export function badInputCorpus(): BadInputCase[] {
  const cases: BadInputCase[] = [];
  INVALID_NAMES.forEach((name, i) =>
    cases.push({
      name: `invalid-name-${i}`,
      content: component(`  name: ${JSON.stringify(name)}\n`),
      expected: /invalid entity Component:.*"metadata\.name" is not valid/,
    }),
  );
  INVALID_NAMESPACES.forEach((namespace, i) =>
    cases.push({
      name: `invalid-namespace-${i}`,
      content: component(
        `  name: a\n  namespace: ${JSON.stringify(namespace)}\n`,
      ),
      expected: /"metadata\.namespace" is not valid/,
    }),
  );
  INVALID_KEYS.forEach((key, i) => {
    cases.push({
      name: `invalid-label-key-${i}`,
      content: component(
        `  name: a\n  labels:\n    ${JSON.stringify(key)}: x\n`,
      ),
      expected: /"metadata\.labels\..*" is not valid/,
    });
    cases.push({
      name: `invalid-annotation-key-${i}`,
      content: component(
        `  name: a\n  annotations:\n    ${JSON.stringify(key)}: x\n`,
      ),
      expected: /"metadata\.annotations\..*" is not valid/,
    });
  });
  for (const [name, content, expected] of [...SHAPES, ...YAML_ERRORS]) {
    cases.push({ name, content, expected });
  }
  for (const [name, placeholder, expected] of PLACEHOLDERS) {
    cases.push({
      name: `placeholder-${name}`,
      content: `${HEAD}kind: API\nmetadata:\n  name: a\nspec:\n  type: openapi\n  lifecycle: production\n  owner: t\n  definition:\n    ${placeholder}\n`,
      expected,
      extraFiles: { 'broken.json': '{ nope', 'broken.yaml': 'a: [x\n' },
    });
  }
  const binaries: Array<[string, Buffer]> = [
    ['nul-bytes', Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x02])],
    [
      'png-header',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
    ],
    ['invalid-utf8', Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0xff, 0xfe])],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00])],
  ];
  for (const [name, content] of binaries) {
    cases.push({
      name: `binary-${name}`,
      content,
      expected: /not a text file \(binary content\)/,
    });
  }
  // Each bad document again after a good one in the same file: the good
  // one is read and the bad one still reported.
  for (const [name, content, expected] of SHAPES.slice(0, 20)) {
    cases.push({
      name: `after-good-${name}`,
      content: `${component('  name: good-one\n')}---\n${content}`,
      expected,
    });
  }
  return cases;
}
