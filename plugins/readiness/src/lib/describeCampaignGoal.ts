import type {
  CampaignGoal,
  CheckPackResponse,
} from '@prodready/plugin-readiness-common';

/** A campaign's goal in words, with the pack's titles of its checks and level. */
export function describeCampaignGoal(
  goal: CampaignGoal,
  checkPack?: CheckPackResponse,
): string {
  if (goal.type === 'level') {
    const level = checkPack?.levels.find(l => l.id === goal.level);
    return `Reach ${level?.title ?? goal.level}`;
  }
  const titles = goal.checkIds.map(id => checkTitle(id, checkPack));
  return `Pass ${titles.join(', ')}`;
}

/** A check's title from the pack, or its id when the pack does not know it. */
export function checkTitle(id: string, checkPack?: CheckPackResponse): string {
  return checkPack?.checks.find(c => c.id === id)?.title ?? id;
}
