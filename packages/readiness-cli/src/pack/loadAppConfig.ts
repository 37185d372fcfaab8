import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigReader, type Config } from '@backstage/config';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { parseYamlDocuments } from '../files/parseYamlDocuments';

/**
 * Reads app-config files the way the backend does, with Backstage's own
 * config loader, so `${VAR}` substitution, `$include`, `$file` and `$env`
 * work as in the backend, and later files override earlier ones (a list
 * such as `readiness.checks` in a later file replaces the earlier list).
 *
 * @param configFiles - app-config YAML files; none gives an empty config
 * @param cwd - directory relative paths are resolved against
 * @throws InputError for a missing or unparsable file
 * @public
 */
export async function loadAppConfig(
  configFiles: string[],
  cwd: string,
): Promise<Config> {
  const paths: string[] = [];
  for (const file of configFiles) {
    const absolute = path.resolve(cwd, file);
    let text: string;
    try {
      text = await fs.readFile(absolute, 'utf8');
    } catch {
      throw new InputError(`Config file not found: ${file}`);
    }
    // Read once here for errors that name the line and column.
    const { documents, problems } = parseYamlDocuments(text, file);
    if (problems.length > 0) {
      const [first] = problems;
      throw new InputError(
        `${first.file}:${first.line}:${first.column}: ${first.message}`,
      );
    }
    if (documents.length > 1) {
      throw new InputError(
        `${file}:${documents[1].line}: an app-config file holds one YAML document`,
      );
    }
    const data = documents[0]?.data ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new InputError(
        `${file}: an app-config file must be a YAML mapping`,
      );
    }
    paths.push(absolute);
  }

  if (paths.length === 0) {
    return new ConfigReader({});
  }
  const where = configFiles.join(', ');
  let config;
  try {
    config = await ConfigSources.toConfig(
      ConfigSources.merge(
        paths.map(p => FileConfigSource.create({ path: p, watch: false })),
      ),
    );
  } catch (error) {
    // e.g. a `$include` of a missing file
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${where}: ${message}`);
  }
  try {
    return new ConfigReader(config.getOptional<JsonObject>() ?? {});
  } finally {
    config.close();
  }
}
