import { parseDependencyManifest } from './parseDependencyManifest';

function names(path: string, content: string): string[] | undefined {
  return parseDependencyManifest(path, content)?.map(d => d.name);
}

describe('parseDependencyManifest', () => {
  it('reads dependencies and devDependencies of package.json', () => {
    const content = JSON.stringify({
      name: 'payments-web',
      dependencies: {
        '@opentelemetry/sdk-node': '^0.52.0',
        pino: '^9.0.0',
      },
      devDependencies: { jest: '^29.0.0' },
      peerDependencies: { react: '^18' },
    });
    expect(parseDependencyManifest('web/package.json', content)).toEqual([
      {
        ecosystem: 'npm',
        name: '@opentelemetry/sdk-node',
        manifest: 'web/package.json',
      },
      { ecosystem: 'npm', name: 'pino', manifest: 'web/package.json' },
      { ecosystem: 'npm', name: 'jest', manifest: 'web/package.json' },
    ]);
  });

  it('reads go.mod require blocks and single requires', () => {
    const content = [
      'module github.com/example/orders',
      '',
      'go 1.22',
      '',
      'require github.com/rs/zerolog v1.33.0',
      '',
      'require (',
      '\tgo.opentelemetry.io/otel v1.28.0 // tracing',
      '\tgo.opentelemetry.io/otel/sdk v1.28.0',
      '\tgithub.com/getsentry/sentry-go v0.28.1 // indirect',
      ')',
      '',
      'replace github.com/foo/bar => ../bar',
    ].join('\n');
    expect(names('go.mod', content)).toEqual([
      'github.com/rs/zerolog',
      'go.opentelemetry.io/otel',
      'go.opentelemetry.io/otel/sdk',
      'github.com/getsentry/sentry-go',
    ]);
    expect(parseDependencyManifest('go.mod', content)?.[0].ecosystem).toBe(
      'go',
    );
  });

  it('reads requirements files, skipping options, comments and URLs without an egg', () => {
    const content = [
      '# runtime',
      'Flask==3.0.3',
      'opentelemetry_sdk>=1.25  # tracing',
      'sentry-sdk[flask]~=2.5 ; python_version >= "3.9"',
      '-r requirements-base.txt',
      '--index-url https://pypi.example.com/simple',
      '-e ./libs/shared',
      'git+https://github.com/example/structlog-ext.git#egg=structlog_ext',
      'https://example.com/wheels/private.whl',
      'requests \\',
      '    >=2.31',
    ].join('\n');
    expect(names('requirements-prod.txt', content)).toEqual([
      'flask',
      'opentelemetry-sdk',
      'sentry-sdk',
      'structlog-ext',
      'requests',
    ]);
  });

  it('reads PEP 621 and Poetry dependencies from pyproject.toml', () => {
    const content = `
[build-system]
requires = ["hatchling"]

[project]
name = "inventory"
dependencies = [
  "fastapi>=0.110",  # web
  'opentelemetry-instrumentation-fastapi',
  "structlog",
]

[project.optional-dependencies]
dev = ["pytest>=8"]

[tool.poetry.dependencies]
python = "^3.11"
Sentry_SDK = { version = "^2.0", extras = ["fastapi"] }

[tool.poetry.group.dev.dependencies]
ruff = "^0.4"

[tool.ruff]
line-length = 100
`;
    expect(names('pyproject.toml', content)).toEqual([
      'fastapi',
      'opentelemetry-instrumentation-fastapi',
      'structlog',
      'pytest',
      'sentry-sdk',
      'ruff',
    ]);
  });

  it('reads groupId:artifactId from pom.xml, ignoring comments', () => {
    const content = `<?xml version="1.0"?>
<project>
  <groupId>com.example</groupId>
  <artifactId>billing</artifactId>
  <dependencies>
    <dependency>
      <groupId>io.opentelemetry</groupId>
      <artifactId>opentelemetry-api</artifactId>
    </dependency>
    <!-- <dependency><groupId>old</groupId><artifactId>gone</artifactId></dependency> -->
    <dependency>
      <groupId>net.logstash.logback</groupId>
      <artifactId>logstash-logback-encoder</artifactId>
      <version>7.4</version>
    </dependency>
  </dependencies>
  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId></plugin></plugins></build>
</project>`;
    expect(names('pom.xml', content)).toEqual([
      'io.opentelemetry:opentelemetry-api',
      'net.logstash.logback:logstash-logback-encoder',
      'org.apache.maven.plugins:maven-surefire-plugin',
    ]);
  });

  it('reads Groovy and Kotlin Gradle builds in string and map notation', () => {
    const groovy = `
dependencies {
    implementation 'io.micrometer:micrometer-registry-prometheus:1.13.0'
    implementation platform("io.opentelemetry:opentelemetry-bom:1.40.0")
    testImplementation "org.junit.jupiter:junit-jupiter:$junitVersion"
    runtimeOnly group: 'ch.qos.logback', name: 'logback-classic', version: '1.5.6'
    // implementation 'commented:out:1.0'
}`;
    expect(names('build.gradle', groovy)).toEqual([
      'io.micrometer:micrometer-registry-prometheus',
      'io.opentelemetry:opentelemetry-bom',
      'org.junit.jupiter:junit-jupiter',
      'ch.qos.logback:logback-classic',
    ]);
    const kotlin = `
dependencies {
    implementation("io.sentry:sentry-spring-boot-starter-jakarta:7.10.0")
    implementation(libs.otel.api)
    api(group = "com.example", name = "shared", version = "1.0")
}`;
    expect(names('service/build.gradle.kts', kotlin)).toEqual([
      'io.sentry:sentry-spring-boot-starter-jakarta',
      'com.example:shared',
    ]);
  });

  it('reads Gradle version catalogs', () => {
    const content = `
[versions]
otel = "1.40.0"

[libraries]
otel-api = { module = "io.opentelemetry:opentelemetry-api", version.ref = "otel" }
logback = { group = "ch.qos.logback", name = "logback-classic", version = "1.5.6" }
guava = "com.google.guava:guava:33.2.1-jre"

[plugins]
spring-boot = { id = "org.springframework.boot", version = "3.3.0" }
`;
    expect(names('gradle/libs.versions.toml', content)).toEqual([
      'io.opentelemetry:opentelemetry-api',
      'ch.qos.logback:logback-classic',
      'com.google.guava:guava',
      'org.springframework.boot',
    ]);
  });

  it('returns undefined for files that are not manifests', () => {
    expect(parseDependencyManifest('README.md', '# hi')).toBeUndefined();
  });

  it.each([
    ['package.json', '{ "dependencies": { "a": '],
    ['package.json', '[1, 2, 3]'],
    ['package.json', '{ "dependencies": ["not", "an", "object"] }'],
    ['go.mod', 'require (\n"unterminated'],
    ['requirements.txt', '===\n!!!\n'],
    ['pyproject.toml', '[project\ndependencies = ["a"'],
    ['pom.xml', '<project><dependency><groupId>x</groupId>'],
    ['build.gradle', 'dependencies { implementation('],
    ['libs.versions.toml', '[libraries]\nbroken = {'],
  ])('tolerates a malformed %s', (path, content) => {
    expect(() => parseDependencyManifest(path, content)).not.toThrow();
    expect(parseDependencyManifest(path, content)).toEqual([]);
  });

  it('dedupes dependencies declared twice in one manifest', () => {
    const content = JSON.stringify({
      dependencies: { pino: '1' },
      devDependencies: { pino: '1' },
    });
    expect(names('package.json', content)).toEqual(['pino']);
  });

  it('strips a byte order mark', () => {
    expect(names('package.json', '\ufeff{"dependencies":{"a":"1"}}')).toEqual([
      'a',
    ]);
  });
});
