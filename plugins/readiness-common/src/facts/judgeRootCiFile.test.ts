import { judgeRootCiFile } from './judgeRootCiFile';

const siblings = ['cart', 'payments', 'search'];

function judge(path: string, lines: string[], subdirectory = 'services/cart') {
  return judgeRootCiFile({
    path,
    content: lines.join('\n'),
    subdirectory,
    siblings,
  });
}

describe('judgeRootCiFile', () => {
  it('counts a workflow whose paths filter includes the subdirectory', () => {
    expect(
      judge('.github/workflows/build.yml', [
        'on:',
        '  push:',
        '    paths:',
        "      - 'services/cart/**'",
        "      - 'libs/**'",
        'jobs: {}',
      ]),
    ).toEqual({
      counts: true,
      reason: "its paths filter 'services/cart/**' includes services/cart/",
    });
  });

  it('counts a filter on a parent directory or a wildcard start', () => {
    expect(
      judge('.github/workflows/all.yml', [
        'on:',
        '  pull_request:',
        '    paths: [services/**]',
      ]).counts,
    ).toBe(true);
    expect(
      judge('.github/workflows/go.yml', [
        'on:',
        '  push:',
        '    paths:',
        "    - '**/*.go'",
      ]).counts,
    ).toBe(true);
  });

  it('does not count a workflow whose paths filter names only another service', () => {
    expect(
      judge('.github/workflows/build.yml', [
        'on:',
        '  push:',
        '    paths:',
        '      - services/payments/**',
        '      - services/pay*/**',
        'jobs:',
        '  build:',
        '    steps:',
        '      - run: make -C services/cart test # a stray mention does not win over the filter',
      ]),
    ).toEqual({
      counts: false,
      reason:
        "its paths filter ('services/payments/**', 'services/pay*/**') does not include services/cart/",
    });
  });

  it('does not count a workflow whose paths-ignore covers the subdirectory', () => {
    expect(
      judge('.github/workflows/ci.yml', [
        'on:',
        '  push:',
        '    paths-ignore:',
        '      - "services/cart/**"',
      ]),
    ).toEqual({
      counts: false,
      reason:
        "its paths-ignore filter 'services/cart/**' excludes services/cart/",
    });
    expect(
      judge('.github/workflows/ci.yml', [
        'on:',
        '  push:',
        '    paths-ignore: ["**/*.md"]',
      ]).counts,
    ).toBe(true);
  });

  it('reads GitLab rules: changes, in list and paths forms', () => {
    const gitlab = [
      'cart:',
      '  script: make test',
      '  rules:',
      '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
      '      changes:',
      '        - services/cart/**/*',
      'payments:',
      '  rules:',
      '    - changes:',
      '        paths:',
      '          - services/payments/**/*',
    ];
    expect(judge('.gitlab-ci.yml', gitlab).counts).toBe(true);
    expect(judge('.gitlab-ci.yml', gitlab, 'services/search')).toEqual({
      counts: false,
      reason:
        "its paths filter ('services/cart/**/*', 'services/payments/**/*') does not include services/search/",
    });
  });

  it('counts a file that names the subdirectory, without filters', () => {
    expect(
      judge('Jenkinsfile', [
        'pipeline {',
        "  stages { stage('cart') { steps { dir('services/cart') { sh 'make test' } } } }",
        '}',
      ]),
    ).toEqual({ counts: true, reason: 'it names services/cart' });
    expect(judge('.github/workflows/cart-ci.yml', ['on: push']).reason).toBe(
      'it names services/cart',
    );
  });

  it('does not count a file that names only another service', () => {
    expect(
      judge('.github/workflows/deploy.yml', [
        'on: push',
        'jobs:',
        '  deploy:',
        '    defaults:',
        '      run:',
        '        working-directory: ./services/payments',
      ]),
    ).toEqual({
      counts: false,
      reason:
        'it names services/payments, another directory, not services/cart',
    });
    expect(
      judge('.github/workflows/payments-release.yml', ['on: push']).counts,
    ).toBe(false);
  });

  it('recognises siblings of a top-level subdirectory only as directory references', () => {
    expect(
      judge(
        '.github/workflows/ci.yml',
        ['jobs:', '  t:', '    steps:', '      - run: cd payments/ && make'],
        'cart',
      ).counts,
    ).toBe(false);
    // "payments" as a plain word is not a reference to the directory
    expect(
      judge(
        '.github/workflows/ci.yml',
        ['name: build payments and more', 'on: push'],
        'cart',
      ).counts,
    ).toBe(true);
  });

  it('counts a repository-wide workflow and says so', () => {
    expect(
      judge('.github/workflows/ci.yml', [
        'on: [push, pull_request]',
        'jobs:',
        '  test:',
        '    steps:',
        '      - run: npm test --workspaces',
      ]),
    ).toEqual({
      counts: true,
      reason:
        'it runs for the whole repository (no paths filter, no single service named)',
    });
  });

  it('does not mistake a longer sibling name for the subdirectory', () => {
    expect(
      judge('.github/workflows/ci.yml', [
        'on: push',
        'run: make -C services/cart-legacy',
      ]).counts,
    ).toBe(true); // names no sibling in the list, so repository-wide
    expect(
      judgeRootCiFile({
        path: '.github/workflows/ci.yml',
        content: 'run: make -C services/cart-legacy',
        subdirectory: 'services/cart',
        siblings: ['cart', 'cart-legacy'],
      }),
    ).toEqual({
      counts: false,
      reason:
        'it names services/cart-legacy, another directory, not services/cart',
    });
  });
});
