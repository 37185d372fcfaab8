import fs from 'node:fs/promises';
import path from 'node:path';
import { AppConfig, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CheckPack,
  readCheckPackFromConfig,
} from '@prodready/plugin-readiness-common';
import type { JsonObject } from '@backstage/types';
import { parseYamlDocuments } from '../files/parseYamlDocuments';

/**
 * Builds the check pack the way the backend does: the default pack plus the
 * `readiness.checks` and `readiness.levels` of the given app-config files
 * (later files override earlier ones, like Backstage's `--config`: a list
 * such as `readiness.checks` in a later file replaces the earlier list).
 * Environment substitution (`${VAR}`) and `$include` are not processed.
 *
 * @param configFiles - app-config YAML files; none gives the default pack
 * @param cwd - directory relative paths are resolved against
 * @throws InputError for a missing or unparsable file, or an invalid check
 * @public
 */
export async function loadCheckPack(
  configFiles: string[],
  cwd: string,
): Promise<CheckPack> {
  const configs: AppConfig[] = [];
  for (const file of configFiles) {
    let text: string;
    try {
      text = await fs.readFile(path.resolve(cwd, file), 'utf8');
    } catch {
      throw new InputError(`Config file not found: ${file}`);
    }
    const documents = parseYamlDocuments(text, file);
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
    configs.push({ context: file, data: data as JsonObject });
  }

  try {
    return readCheckPackFromConfig(ConfigReader.fromConfigs(configs));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = configFiles.length > 0 ? configFiles.join(', ') : 'config';
    throw new InputError(`${where}: ${message}`);
  }
}
