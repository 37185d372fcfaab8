import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import { levelWord } from '@prodready/plugin-readiness-common';
import type { PackIndex } from '../pack/PackIndex';
import type { CampaignDeadline } from './CampaignDeadlineSource';
import type { DigestLevelChange, DigestNewPass } from './DigestsStore';

/** Items named per section; the team's Readiness tab has the rest. */
const MAX_ITEMS = 5;

/**
 * What one team's weekly digest tells.
 *
 * @internal
 */
export interface TeamDigestContent {
  teamRef: string;
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  levelChanges: DigestLevelChange[];
  deadlines: CampaignDeadline[];
  /** Other teams' entities that started passing a check the team fails. */
  exemplars: DigestNewPass[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

function section(title: string, lines: string[]): string {
  const shown = lines.slice(0, MAX_ITEMS);
  const more =
    lines.length > MAX_ITEMS ? [`…and ${lines.length - MAX_ITEMS} more`] : [];
  return [`${title}:`, ...shown.map(line => `- ${line}`), ...more].join('\n');
}

/**
 * The notification of a team's weekly digest; `undefined` when there is
 * nothing to tell (no digest is better than an empty one).
 *
 * @internal
 */
export function buildTeamDigest(
  content: TeamDigestContent,
  pack: PackIndex,
): NotificationPayload | undefined {
  const { levelChanges, deadlines, exemplars } = content;
  if (levelChanges.length + deadlines.length + exemplars.length === 0) {
    return undefined;
  }
  const level = (id: string | undefined) => levelWord(id, pack.pack.levels);
  const sections: string[] = [];
  const counts: string[] = [];
  if (levelChanges.length > 0) {
    counts.push(plural(levelChanges.length, 'level change'));
    sections.push(
      section(
        'Level changes this week',
        levelChanges.map(change => {
          const rose = pack.levelRank(change.to) > pack.levelRank(change.from);
          return `${change.title ?? nameOf(change.entityRef)} ${
            rose ? 'rose' : 'dropped'
          } from ${level(change.from)} to ${level(change.to)}`;
        }),
      ),
    );
  }
  if (deadlines.length > 0) {
    counts.push(plural(deadlines.length, 'campaign deadline'));
    sections.push(
      section(
        'Campaign deadlines within 14 days',
        deadlines.map(d => `${d.title}: due ${d.deadline.slice(0, 10)}`),
      ),
    );
  }
  if (exemplars.length > 0) {
    counts.push(plural(exemplars.length, 'new exemplar'));
    sections.push(
      section(
        'Teams that just solved one of your gaps (ask them how)',
        exemplars.map(
          e =>
            `${nameOf(e.entityRef)}${
              e.owner ? ` (${nameOf(e.owner)})` : ''
            } now passes ${pack.checkInfo(e.checkId)?.title ?? e.checkId}`,
        ),
      ),
    );
  }
  const team = parseEntityRef(content.teamRef);
  return {
    title: `Readiness this week for ${team.name}: ${counts.join(', ')}`,
    description: sections.join('\n\n'),
    link: `/catalog/${team.namespace}/${team.kind}/${team.name}/readiness`,
    severity: 'low',
    topic: 'Production readiness',
    scope: `readiness-digest:${content.teamRef}:${content.week}`,
  };
}
