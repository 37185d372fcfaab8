import type { ReadinessBackendConfig } from '../config';
import { CatalogDigestTeams } from '../digests/CatalogDigestTeams';
import {
  noCampaignDeadlines,
  type CampaignDeadlineSource,
} from '../digests/CampaignDeadlineSource';
import { DatabaseDigestsStore } from '../digests/DatabaseDigestsStore';
import { TeamDigestSender } from '../digests/TeamDigestSender';
import type { PackIndex } from '../pack/PackIndex';
import { RollupScopeResolver } from '../rollups/RollupScopeResolver';
import type { ReadinessInitDeps } from './ReadinessInitDeps';

/** The global task that sends the weekly team digests. */
const DIGEST_TASK_ID = 'readiness-team-digests';

/**
 * Schedules the weekly team digests when `readiness.digests.enabled`: one
 * replica at a time, and once per team and week whatever the schedule.
 * Campaign deadlines come from `deadlines` (none when not given).
 *
 * @internal
 */
export async function scheduleTeamDigests(options: {
  deps: Pick<
    ReadinessInitDeps,
    'scheduler' | 'logger' | 'catalog' | 'auth' | 'notifications' | 'database'
  >;
  settings: ReadinessBackendConfig;
  pack: PackIndex;
  deadlines?: CampaignDeadlineSource;
}): Promise<void> {
  const { deps, settings } = options;
  if (!settings.digests.enabled) {
    return;
  }
  const { catalog, auth } = deps;
  const sender = TeamDigestSender.create({
    store: await DatabaseDigestsStore.create({ database: deps.database }),
    teams: CatalogDigestTeams.create({
      teams: settings.digests.teams,
      catalog,
      auth,
      scopes: RollupScopeResolver.create({ catalog }),
    }),
    deadlines: options.deadlines ?? noCampaignDeadlines,
    notifications: deps.notifications,
    pack: options.pack,
    logger: deps.logger,
  });
  await deps.scheduler.scheduleTask({
    id: DIGEST_TASK_ID,
    ...settings.digests.schedule,
    scope: 'global',
    fn: async () => {
      await sender.sendDue();
    },
  });
}
