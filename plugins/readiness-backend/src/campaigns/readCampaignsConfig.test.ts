import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readCheckPackFromConfig } from '@prodready/plugin-readiness-common';
import YAML from 'yaml';
import { PackIndex } from '../pack/PackIndex';
import { readCampaignsConfig } from './readCampaignsConfig';

const pack = new PackIndex(readCheckPackFromConfig(new ConfigReader({})));

const campaign = {
  id: 'tier1-runbooks',
  title: 'Runbooks for every tier-1 service',
  owner: 'sre-platform',
  goal: { checks: ['runbook.runbook'] },
  scope: { owners: ['commerce'], kinds: ['Component'], tiers: ['Tier 1'] },
  startsAt: '2026-12-01',
  deadline: '2027-01-15',
};

function read(...campaigns: JsonObject[]) {
  return readCampaignsConfig(
    new ConfigReader({ readiness: { campaigns } }),
    pack,
  );
}

describe('readCampaignsConfig', () => {
  it('reads campaigns normalised, as read-only config campaigns', () => {
    expect(read(campaign)).toEqual([
      {
        id: 'tier1-runbooks',
        title: 'Runbooks for every tier-1 service',
        owner: 'group:default/sre-platform',
        goal: { type: 'checks', checkIds: ['runbook.runbook'] },
        scope: {
          owners: ['group:default/commerce'],
          kinds: ['component'],
          tiers: ['tier-1'],
        },
        startsAt: '2026-12-01',
        deadline: '2027-01-15',
        source: 'config',
        createdAt: '2026-12-01T00:00:00.000Z',
        updatedAt: '2026-12-01T00:00:00.000Z',
      },
    ]);
    expect(read({ ...campaign, goal: { level: 'silver' } })[0].goal).toEqual({
      type: 'level',
      level: 'silver',
    });
    expect(readCampaignsConfig(new ConfigReader({}), pack)).toEqual([]);
  });

  it.each([
    [
      { ...campaign, goal: { checks: ['no.such'] } },
      "Invalid readiness.campaigns[0].goal.checks 'no.such': not a check of the check pack",
    ],
    [
      { ...campaign, goal: { checks: ['runbook.runbook'], level: 'gold' } },
      /^Invalid readiness\.campaigns\[0\]\.goal '.*': expected exactly one of checks/,
    ],
    [
      { ...campaign, goal: { level: 'mythril' } },
      /^Invalid readiness\.campaigns\[0\]\.goal\.level 'mythril': not a level of the check pack \(bronze, silver, gold\)$/,
    ],
    [
      { ...campaign, deadline: '2026-11-30' },
      "Invalid readiness.campaigns[0].deadline '2026-11-30': before startsAt '2026-12-01'",
    ],
    [
      { ...campaign, startsAt: '12/01/2026' },
      "Invalid readiness.campaigns[0].startsAt '12/01/2026': expected a day as YYYY-MM-DD",
    ],
    [
      { ...campaign, startsAt: undefined },
      "Invalid readiness.campaigns[0].startsAt 'undefined': required for config campaigns",
    ],
    [
      { ...campaign, id: 'Tier 1!' },
      "Invalid readiness.campaigns[0].id 'Tier 1!': expected a slug of lower-case letters, digits and -",
    ],
    [
      { ...campaign, scope: { tiers: ['TODO'] } },
      "Invalid readiness.campaigns[0].scope.tiers 'TODO': not a tier (e.g. tier-1, 1, critical)",
    ],
    [
      { ...campaign, scope: { teams: ['x'] } },
      /^Invalid readiness\.campaigns\[0\]\.scope\.teams '\["x"\]': unknown scope key/,
    ],
    [
      { ...campaign, owner: 'component:default/x' },
      "Invalid readiness.campaigns[0].owner 'component:default/x': expected a group or user entity ref",
    ],
  ])('refuses %j naming the key and value', (input, message) => {
    expect(() => read(input)).toThrow(message);
  });

  it('refuses an id declared twice', () => {
    expect(() => read(campaign, campaign)).toThrow(
      "Invalid readiness.campaigns[1].id 'tier1-runbooks': declared twice",
    );
  });

  it("accepts the example app's campaigns", () => {
    const appConfig = YAML.parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../../../app-config.yaml'),
        'utf8',
      ),
    );
    const campaigns = readCampaignsConfig(
      new ConfigReader(appConfig),
      new PackIndex(readCheckPackFromConfig(new ConfigReader(appConfig))),
    );
    expect(campaigns.map(c => c.id)).toContain('tier1-runbooks');
  });
});
