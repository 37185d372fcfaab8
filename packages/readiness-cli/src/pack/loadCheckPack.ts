import { InputError } from '@backstage/errors';
import {
  CheckPack,
  readCheckPackFromConfig,
} from '@prodready/plugin-readiness-common';
import { loadAppConfig } from './loadAppConfig';

/**
 * Builds the check pack the way the backend does: the default pack plus the
 * `readiness.checks` and `readiness.levels` of the given app-config files,
 * read as {@link loadAppConfig} reads them.
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
  const config = await loadAppConfig(configFiles, cwd);
  if (configFiles.length === 0) {
    return readCheckPackFromConfig(config);
  }
  try {
    return readCheckPackFromConfig(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${configFiles.join(', ')}: ${message}`);
  }
}
