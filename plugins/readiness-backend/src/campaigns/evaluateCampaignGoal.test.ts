import { ConfigReader } from '@backstage/config';
import {
  readCheckPackFromConfig,
  type CheckState,
} from '@prodready/plugin-readiness-common';
import { PackIndex } from '../pack/PackIndex';
import {
  campaignGoalCheckIds,
  evaluateCampaignGoal,
} from './evaluateCampaignGoal';

const pack = new PackIndex(readCheckPackFromConfig(new ConfigReader({})));
const checks = {
  type: 'checks' as const,
  checkIds: ['runbook.runbook', 'logging.logs'],
};

function states(entries: Record<string, CheckState>) {
  return new Map(Object.entries(entries));
}

describe('evaluateCampaignGoal', () => {
  it('meets a checks goal only when each check passes, is exempt or does not apply', () => {
    expect(
      evaluateCampaignGoal(
        checks,
        {},
        states({
          'runbook.runbook': 'exempt',
          'logging.logs': 'not-applicable',
        }),
        pack,
      ),
    ).toEqual({ done: true, missingCheckIds: [] });
    expect(
      evaluateCampaignGoal(
        checks,
        {},
        states({ 'runbook.runbook': 'pass', 'logging.logs': 'fail' }),
        pack,
      ),
    ).toEqual({ done: false, missingCheckIds: ['logging.logs'] });
  });

  it('does not count unknown, warning or not yet evaluated checks as done', () => {
    for (const state of ['unknown', 'warn', 'claimed'] as CheckState[]) {
      expect(
        evaluateCampaignGoal(
          checks,
          {},
          states({ 'runbook.runbook': state, 'logging.logs': 'pass' }),
          pack,
        ),
      ).toEqual({ done: false, missingCheckIds: ['runbook.runbook'] });
    }
    expect(evaluateCampaignGoal(checks, {}, undefined, pack)).toEqual({
      done: false,
      missingCheckIds: ['runbook.runbook', 'logging.logs'],
    });
  });

  it('meets a level goal at the level or above, and lists the blocking checks below it', () => {
    const goal = { type: 'level' as const, level: 'silver' };
    expect(
      evaluateCampaignGoal(goal, { level: 'gold' }, undefined, pack),
    ).toEqual({ done: true, missingCheckIds: [] });
    const silverChecks = campaignGoalCheckIds(goal, pack);
    expect(silverChecks).toContain('runbook.runbook');
    expect(
      silverChecks.every(
        id =>
          pack.levelRank(pack.checkInfo(id)!.level) <= pack.levelRank('silver'),
      ),
    ).toBe(true);
    expect(
      evaluateCampaignGoal(
        goal,
        { level: 'bronze' },
        states({ 'runbook.runbook': 'fail', 'logging.logs': 'unknown' }),
        pack,
      ),
    ).toEqual({ done: false, missingCheckIds: ['runbook.runbook'] });
  });
});
