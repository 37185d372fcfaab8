import { mockServices } from '@backstage/backend-test-utils';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { PackIndex } from '../pack/PackIndex';
import type { CampaignDeadlineSource } from './CampaignDeadlineSource';
import type { DigestsStore } from './DigestsStore';
import { TeamDigestSender } from './TeamDigestSender';

const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));
const TEAM_A = 'group:default/team-a';
const TEAM_QUIET = 'group:default/quiet';

/** A store that keeps claims in memory and answers canned data. */
function fakeStore(): DigestsStore & { claims: Map<string, boolean> } {
  const claims = new Map<string, boolean>();
  return {
    claims,
    claimDigest: async (team, week) => {
      const key = `${team}@${week}`;
      if (claims.has(key)) return false;
      claims.set(key, false);
      return true;
    },
    completeDigest: async (team, week) => {
      claims.set(`${team}@${week}`, true);
    },
    releaseDigest: async (team, week) => {
      if (claims.get(`${team}@${week}`) === false) {
        claims.delete(`${team}@${week}`);
      }
    },
    listLevelChanges: async owners =>
      owners.includes(TEAM_A)
        ? [{ entityRef: 'component:default/pay', from: 'bronze', to: 'silver' }]
        : [],
    listFailingCheckIds: async owners =>
      owners.includes(TEAM_A) ? ['runbook.runbook'] : [],
    listNewPasses: async (checkIds, _since, exclude) =>
      checkIds.includes('runbook.runbook') &&
      !exclude.includes('group:default/b')
        ? [
            {
              entityRef: 'component:default/search',
              checkId: 'runbook.runbook',
              owner: 'group:default/b',
              at: '2026-12-03T00:00:00.000Z',
            },
          ]
        : [],
  };
}

function setup(options: { failFirstSend?: boolean } = {}) {
  let now = new Date('2026-12-07T08:00:00.000Z');
  const store = fakeStore();
  const sent: Array<{
    entityRef: string;
    title: string;
    description?: string;
  }> = [];
  let failures = options.failFirstSend ? 1 : 0;
  const deadlineQueries: Array<{ from: Date; to: Date }> = [];
  const deadlines: CampaignDeadlineSource = {
    listDeadlines: async query => {
      deadlineQueries.push(query);
      return query.teamRef === TEAM_A
        ? [
            {
              campaignId: 'c1',
              title: 'Runbooks for every tier-1',
              deadline: '2026-12-15',
            },
          ]
        : [];
    },
  };
  const sender = TeamDigestSender.create({
    store,
    teams: {
      listTeams: async () => [TEAM_A, TEAM_QUIET],
      membersOf: async team =>
        team === TEAM_A ? [TEAM_A, 'group:default/a-child'] : [team],
    },
    deadlines,
    notifications: {
      send: async ({ recipients, payload }) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('notifications backend unavailable');
        }
        if (recipients.type === 'entity') {
          sent.push({
            entityRef: String(recipients.entityRef),
            title: payload.title,
            description: payload.description,
          });
        }
      },
    },
    pack,
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return {
    sender,
    sent,
    store,
    deadlineQueries,
    advance: (days: number) => {
      now = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    },
  };
}

describe('TeamDigestSender', () => {
  it('sends a team its week: level changes, deadlines within 14 days, and who solved its gaps', async () => {
    const { sender, sent, deadlineQueries } = setup();
    const outcome = await sender.sendDue();
    expect(outcome).toEqual({
      sent: [TEAM_A],
      empty: [TEAM_QUIET],
      skipped: [],
      failed: [],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].entityRef).toBe(TEAM_A);
    expect(sent[0].title).toBe(
      'Readiness this week for team-a: 1 level change, 1 campaign deadline, 1 new exemplar',
    );
    expect(sent[0].description).toContain('pay rose from Bronze to Silver');
    expect(sent[0].description).toContain(
      'Runbooks for every tier-1: due 2026-12-15',
    );
    expect(sent[0].description).toMatch(/search \(b\) now passes/);
    expect(deadlineQueries[0].to.toISOString()).toBe(
      '2026-12-21T08:00:00.000Z',
    );
  });

  it('sends once per team and week, however often it runs', async () => {
    const { sender, sent, advance } = setup();
    await sender.sendDue();
    advance(3);
    const again = await sender.sendDue();
    expect(again.skipped).toEqual([TEAM_A, TEAM_QUIET]);
    expect(sent).toHaveLength(1);
    // Monday next week: a new digest.
    advance(4);
    expect((await sender.sendDue()).sent).toEqual([TEAM_A]);
    expect(sent).toHaveLength(2);
  });

  it('gives a failed send back, so the next run sends it', async () => {
    const { sender, sent, advance } = setup({ failFirstSend: true });
    expect((await sender.sendDue()).failed).toEqual([TEAM_A]);
    expect(sent).toHaveLength(0);
    advance(0.25);
    expect((await sender.sendDue()).sent).toEqual([TEAM_A]);
    expect(sent).toHaveLength(1);
  });
});
