import fs from 'node:fs/promises';
import { fixturePack } from './__fixtures__/fixturePack';
import {
  createFixtureRepository,
  writeFixtureFile,
} from './__testUtils__/createFixtureRepository';
import { runCliForTest } from './__testUtils__/runCliForTest';

const NOTHING = 'readiness: nothing to score: 1 problem above\n';

/** A pattern matching exactly `text`. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * Bad input never crashes: one clear line on stderr, nothing on stdout, and
 * exit code 2 (distinct from 1, "below the bar").
 */
describe('readiness with bad input', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await createFixtureRepository();
    await writeFixtureFile(
      repo,
      'bad/syntax.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\nspec: {}\n',
    );
    await writeFixtureFile(
      repo,
      'bad/invalid-name.yaml',
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: team-x',
        'spec:',
        '  type: team',
        '  children: []',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: Payments API!',
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: team-x',
        '',
      ].join('\n'),
    );
    await writeFixtureFile(
      repo,
      'bad/missing-owner.yaml',
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: payments',
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '',
      ].join('\n'),
    );
    await writeFixtureFile(
      repo,
      'bad/duplicate-key.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  name: b\n',
    );
    await writeFixtureFile(repo, 'bad/scalar.yaml', 'just a string\n');
    await writeFixtureFile(
      repo,
      'bad/duplicate.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-payments\nspec:\n  type: team\n  children: []\n',
    );
    await writeFixtureFile(
      repo,
      'bad/placeholder.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-x\n  definition:\n    $text: ./missing-openapi.yaml\n',
    );
    await writeFixtureFile(
      repo,
      'bad/only-groups.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-y\nspec:\n  type: team\n  children: []\n',
    );
    await writeFixtureFile(repo, 'not-a-dir', 'a file\n');
  });

  afterAll(async () => {
    await fs.rm(repo, { recursive: true, force: true });
  });

  it.each([
    [
      'a missing file',
      ['score', 'nope.yaml'],
      `nope.yaml: error: file not found\n${NOTHING}`,
    ],
    [
      'the default file missing',
      ['score'],
      `catalog-info.yaml: error: file not found\n${NOTHING}`,
      'bad',
    ],
    [
      'a glob matching nothing',
      ['score', 'services/**/*.yaml'],
      `services/**/*.yaml: error: No file matches "services/**/*.yaml"\n${NOTHING}`,
    ],
    [
      'a YAML syntax error, with line and column',
      ['score', 'bad/syntax.yaml'],
      /^bad\/syntax\.yaml:5:1: error: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]\n/,
    ],
    [
      'a duplicate key, with line and column',
      ['score', 'bad/duplicate-key.yaml'],
      `bad/duplicate-key.yaml:5:3: error: YAML syntax error: Map keys must be unique\n${NOTHING}`,
    ],
    [
      'an entity failing validation, with the field',
      ['score', 'bad/invalid-name.yaml'],
      /^bad\/invalid-name\.yaml:12:9: error: invalid entity Component:Payments API!: "metadata\.name" is not valid; .*"Payments API!"\nreadiness: nothing to score/,
    ],
    [
      'an entity of a built-in kind missing a required field',
      ['score', 'bad/missing-owner.yaml'],
      `bad/missing-owner.yaml:6:3: error: invalid entity Component:payments: spec.owner is required\n${NOTHING}`,
    ],
    [
      'a document that is not a mapping',
      ['score', 'bad/scalar.yaml'],
      `bad/scalar.yaml:1:1: error: a catalog entity must be a YAML mapping with apiVersion, kind and metadata\n${NOTHING}`,
    ],
    [
      'a placeholder whose file is missing',
      ['score', 'bad/placeholder.yaml'],
      `bad/placeholder.yaml:10:5: error: $text file not found for spec.definition: ./missing-openapi.yaml (relative to the catalog file)\n${NOTHING}`,
    ],
    [
      'files without an entity to score',
      ['score', 'bad/only-groups.yaml'],
      'readiness: No entity to score in bad/only-groups.yaml (Group, User, Location and Template entities are not scored)\n',
    ],
    [
      'an unknown check id in --fail-on',
      ['score', '--fail-on', 'runbook.linked,runbook.missing'],
      'readiness: Unknown check id "runbook.missing" in --fail-on; run "readiness checks" to list the check ids\n',
    ],
    [
      'a misspelt check id in --explain',
      ['score', '--explain', 'linked'],
      'readiness: Unknown check id "linked" in --explain; did you mean runbook.linked?\n',
    ],
    [
      'an unknown format',
      ['score', '--format', 'xml'],
      'readiness: Unknown format "xml" for --format; expected one of table, json, markdown, sarif\n',
    ],
    [
      'an unknown level',
      ['score', '--min-level', 'platinum'],
      'readiness: Unknown level "platinum" in --min-level; expected one of bronze, silver, gold\n',
    ],
    [
      'a --repo that is not a directory',
      ['score', '--repo', 'not-a-dir'],
      /^readiness: Not a directory for --repo: .*not-a-dir\n$/,
    ],
    [
      'an unknown option',
      ['score', '--colour'],
      "error: unknown option '--colour'\n",
    ],
    ['an unknown command', ['grade'], /^error: unknown command 'grade'\n/],
  ])(
    'reports %s',
    async (...row: [string, string[], string | RegExp, string?]) => {
      const [, args, expected, subdirectory] = row;
      const { code, stdout, stderr } = await runCliForTest(args, {
        cwd: subdirectory ? `${repo}/${subdirectory}` : repo,
        pack: fixturePack,
      });

      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        typeof expected === 'string' ? exactly(expected) : expected,
      );
    },
  );

  it('warns about an entity defined twice, keeps the first and scores the rest', async () => {
    const { code, stdout, stderr } = await runCliForTest(
      ['score', 'catalog-info.yaml', 'bad/duplicate.yaml', '--format', 'json'],
      { cwd: repo, pack: fixturePack },
    );

    expect(code).toBe(0);
    expect(stderr).toBe(
      'bad/duplicate.yaml:1:1: warning: group:default/team-payments is already defined at catalog-info.yaml:3; the first definition is kept\n',
    );
    expect(JSON.parse(stdout).entities.length).toBeGreaterThan(0);
  });

  it('reports every problem at once and scores the rest, with exit code 2', async () => {
    const { code, stdout, stderr } = await runCliForTest(
      [
        'score',
        'catalog-info.yaml',
        'bad/syntax.yaml',
        'bad/missing-owner.yaml',
        'nope.yaml',
        '--format',
        'json',
      ],
      { cwd: repo, pack: fixturePack },
    );

    expect(code).toBe(2);
    expect(stderr.split('\n')).toEqual([
      'nope.yaml: error: file not found',
      expect.stringMatching(/^bad\/syntax\.yaml:5:1: error: YAML syntax error/),
      'bad/missing-owner.yaml:6:3: error: invalid entity Component:payments: spec.owner is required',
      'readiness: 3 problems in the input (listed above): what could be read was scored',
      '',
    ]);
    expect(
      JSON.parse(stdout).entities.map(
        (e: { entityRef: string }) => e.entityRef,
      ),
    ).toContain('component:default/payments-api');
  });

  it('reports a missing config file and an invalid check in a config file', async () => {
    await writeFixtureFile(
      repo,
      'bad-config.yaml',
      'readiness:\n  checks:\n    - id: security.sbom\n      title: SBOM published\n      level: platinum\n      rule: { annotation: example.com/sbom }\n      remediation: { markdown: Publish an SBOM. }\n',
    );

    const missing = await runCliForTest(['score', '--config', 'nope.yaml'], {
      cwd: repo,
    });
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'readiness: Config file not found: nope.yaml\n',
    });

    const invalid = await runCliForTest(
      ['score', '--config', 'bad-config.yaml'],
      { cwd: repo },
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(
      /^readiness: bad-config\.yaml: .*readiness\.checks\[0\]\.level.*platinum.*\n$/,
    );
  });
});
