import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import { PackIndex } from '../pack/PackIndex';
import { buildTeamDigest } from './buildTeamDigest';

const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));
const base = {
  teamRef: 'group:default/team-a',
  week: '2026-12-07',
  levelChanges: [],
  deadlines: [],
  exemplars: [],
};

describe('buildTeamDigest', () => {
  it('sends nothing when there is nothing to tell', () => {
    expect(buildTeamDigest(base, pack)).toBeUndefined();
  });

  it("links to the team's Readiness tab, one digest per week, and names at most five of each", () => {
    const payload = buildTeamDigest(
      {
        ...base,
        levelChanges: Array.from({ length: 7 }, (_, i) => ({
          entityRef: `component:default/svc-${i}`,
          from: 'silver',
          to: 'bronze',
        })),
      },
      pack,
    )!;
    expect(payload).toMatchObject({
      link: '/catalog/default/group/team-a/readiness',
      scope: 'readiness-digest:group:default/team-a:2026-12-07',
      title: 'Readiness this week for team-a: 7 level changes',
    });
    expect(payload.description).toContain(
      'svc-0 dropped from Silver to Bronze',
    );
    expect(payload.description).not.toContain('svc-5');
    expect(payload.description).toContain('…and 2 more');
  });
});
