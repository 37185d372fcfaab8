import type {
  PackChangePreview,
  PackChangeTransition,
} from '@prodready/plugin-readiness-common';
import { columns } from './columns';

/** Entities listed in detail at most; the rest are counted. */
const MAX_LISTED = 50;

function levelWord(level: string | undefined): string {
  return level ?? 'none';
}

function transitionText(t: PackChangeTransition): string {
  return `${levelWord(t.from)} → ${levelWord(t.to)}`;
}

function headline(preview: PackChangePreview): string {
  const undetermined = preview.undetermined.length;
  return `${preview.changed} of ${preview.entities} ${
    preview.entities === 1 ? 'entity' : 'entities'
  } would change level: ${preview.up} up, ${preview.down} down${
    undetermined > 0 ? `; ${undetermined} undetermined` : ''
  }.`;
}

function notificationLine(preview: PackChangePreview): string {
  const { enabled, owners } = preview.notifications;
  if (!enabled) {
    return 'Notifications: off (readiness.notifications.enabled), nobody would be notified.';
  }
  return owners.length > 0
    ? `Would notify: ${owners.join(', ')}.`
    : 'Would notify: nobody.';
}

/**
 * Formats a pack-change preview (`readiness plan`) as plain text: the
 * headline, the level pairs, the teams, the entities, the undetermined ones
 * with why, and who would be notified.
 *
 * @public
 */
export function formatPlanTable(preview: PackChangePreview): string {
  const lines = [headline(preview)];
  if (preview.transitions.length > 0) {
    lines.push('');
    lines.push(
      ...columns([
        ['CHANGE', 'DIRECTION', 'ENTITIES'],
        ...preview.transitions.map(t => [
          transitionText(t),
          t.direction,
          String(t.entities),
        ]),
      ]),
    );
  }
  if (preview.teams.length > 0) {
    lines.push('');
    lines.push(
      ...columns([
        ['TEAM', 'UP', 'DOWN', 'UNDETERMINED'],
        ...preview.teams.map(t => [
          t.owner ?? '(no owner)',
          String(t.up),
          String(t.down),
          String(t.undetermined),
        ]),
      ]),
    );
  }
  if (preview.changes.length > 0) {
    lines.push('');
    lines.push(
      ...columns([
        ['ENTITY', 'OWNER', 'FROM', 'TO'],
        ...preview.changes
          .slice(0, MAX_LISTED)
          .map(c => [
            c.entityRef,
            c.owner ?? '',
            levelWord(c.from),
            levelWord(c.to),
          ]),
      ]),
    );
    if (preview.changes.length > MAX_LISTED) {
      lines.push(`… and ${preview.changes.length - MAX_LISTED} more`);
    }
  }
  if (preview.undetermined.length > 0) {
    lines.push('', 'Undetermined:');
    for (const u of preview.undetermined.slice(0, MAX_LISTED)) {
      lines.push(`  ${u.entityRef} (now ${levelWord(u.from)}): ${u.reason}`);
    }
  }
  for (const check of preview.unevaluatedChecks) {
    lines.push(`Not evaluated: ${check.reason}`);
  }
  lines.push('', notificationLine(preview), '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Formats a pack-change preview as Markdown, for a pull-request comment on
 * an app-config change.
 *
 * @public
 */
export function formatPlanMarkdown(preview: PackChangePreview): string {
  const lines = ['### Readiness plan', '', headline(preview)];
  if (preview.transitions.length > 0) {
    lines.push('', '| Change | Direction | Entities |', '| --- | --- | --: |');
    for (const t of preview.transitions) {
      lines.push(`| ${transitionText(t)} | ${t.direction} | ${t.entities} |`);
    }
  }
  if (preview.teams.length > 0) {
    lines.push(
      '',
      '| Team | Up | Down | Undetermined |',
      '| --- | --: | --: | --: |',
    );
    for (const t of preview.teams) {
      lines.push(
        `| ${cell(t.owner ?? '(no owner)')} | ${t.up} | ${t.down} | ${
          t.undetermined
        } |`,
      );
    }
  }
  if (preview.changes.length > 0) {
    lines.push('', '<details><summary>Entities</summary>', '');
    for (const c of preview.changes.slice(0, MAX_LISTED)) {
      lines.push(
        `- \`${c.entityRef}\`${
          c.owner ? ` (${cell(c.owner)})` : ''
        }: ${levelWord(c.from)} → ${levelWord(c.to)}`,
      );
    }
    if (preview.changes.length > MAX_LISTED) {
      lines.push(`- … and ${preview.changes.length - MAX_LISTED} more`);
    }
    lines.push('', '</details>');
  }
  if (preview.undetermined.length > 0) {
    lines.push('', '**Undetermined:**', '');
    for (const u of preview.undetermined.slice(0, MAX_LISTED)) {
      lines.push(`- \`${u.entityRef}\`: ${cell(u.reason)}`);
    }
  }
  for (const check of preview.unevaluatedChecks) {
    lines.push('', `Not evaluated: ${cell(check.reason)}`);
  }
  lines.push('', notificationLine(preview), '');
  return lines.join('\n');
}
