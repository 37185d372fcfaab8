import fs from 'node:fs';

/**
 * The version of this package, read from its package.json (resolved through
 * the package name, so it works from the sources and from the built bundle
 * alike); `0.0.0` when it cannot be read.
 *
 * @public
 */
export function readCliVersion(): string {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(
        require.resolve('@prodready/readiness-cli/package.json'),
        'utf8',
      ),
    );
    return String(manifest.version);
  } catch {
    return '0.0.0';
  }
}
