import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { InputError } from '@backstage/errors';
import { readTargetsByTier } from '@prodready/plugin-readiness-common';

/**
 * Reads `readiness.targets.byTier` from the app-config files the way the
 * backend does (same key, same defaults, same validation): the target level
 * per normalised tier. Call after {@link loadCheckPack}, which has reported
 * any problem with the files themselves.
 *
 * @param configFiles - app-config YAML files; none gives the defaults
 * @param cwd - directory relative paths are resolved against
 * @param levelIds - the pack's level ids, lowest first
 * @throws InputError naming the files, the key and the value when a target
 *   is not a level of the pack
 * @public
 */
export async function loadTargets(
  configFiles: string[],
  cwd: string,
  levelIds: string[],
): Promise<Record<string, string>> {
  if (configFiles.length === 0) {
    return readTargetsByTier(new ConfigReader({}), levelIds);
  }
  const where = configFiles.join(', ');
  let config;
  try {
    config = await ConfigSources.toConfig(
      ConfigSources.merge(
        configFiles.map(file =>
          FileConfigSource.create({
            path: path.resolve(cwd, file),
            watch: false,
          }),
        ),
      ),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${where}: ${message}`);
  }
  try {
    return readTargetsByTier(config, levelIds);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${where}: ${message}`);
  } finally {
    config.close();
  }
}
