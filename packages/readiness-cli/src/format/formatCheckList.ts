import type { CheckPack } from '@prodready/plugin-readiness-common';
import { columns } from './columns';

/**
 * Formats the checks of a pack for `readiness checks`: id, level, category
 * and title in aligned columns, lowest level first; advisory checks are
 * marked next to their level.
 *
 * @public
 */
export function formatCheckList(pack: CheckPack): string {
  const levelOrder = new Map(pack.levels.map((l, i) => [l.id, i]));
  const checks = [...pack.checks].sort(
    (a, b) =>
      (levelOrder.get(a.level) ?? levelOrder.size) -
        (levelOrder.get(b.level) ?? levelOrder.size) ||
      pack.checks.indexOf(a) - pack.checks.indexOf(b),
  );
  const rows = [
    ['ID', 'LEVEL', 'CATEGORY', 'TITLE'],
    ...checks.map(c => [
      c.id,
      c.advisory ? `${c.level} (advisory)` : c.level,
      String(c.category),
      c.title,
    ]),
  ];
  return `${columns(rows).join('\n')}\n`;
}
