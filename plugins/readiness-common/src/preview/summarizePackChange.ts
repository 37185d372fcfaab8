import type { CheckPack } from '../pack/CheckPack';
import type {
  LevelChangeDirection,
  PackChangeEntity,
  PackChangePreview,
  PackChangeTeam,
  PackChangeTransition,
  PackChangeUndetermined,
  PackChangeUnevaluatedCheck,
} from '../types';

/**
 * One entity's level with the current pack and with the proposed one.
 *
 * @public
 */
export interface PackChangeOutcome {
  /** The entity. */
  entityRef: string;
  /** Owner entity ref; absent when the entity has none. */
  owner?: string;
  /** The level with the current pack; absent for none. */
  from?: string;
  /** The level with the proposed pack; absent for none. */
  to?: string;
  /** Set when the level with the proposed pack cannot be told: why. */
  undetermined?: string;
}

/**
 * Options of {@link summarizePackChange}.
 *
 * @public
 */
export interface SummarizePackChangeOptions {
  /** The current pack (its levels rank `from`). */
  base: Pick<CheckPack, 'levels'>;
  /** The proposed pack (its levels rank `to`). */
  proposed: Pick<CheckPack, 'levels'>;
  /** Checks the preview could not evaluate. */
  unevaluatedChecks?: PackChangeUnevaluatedCheck[];
  /** Whether level changes are notified (`readiness.notifications.enabled`). */
  notificationsEnabled: boolean;
}

function rankOf(pack: Pick<CheckPack, 'levels'>, level?: string): number {
  if (level === undefined) {
    return 0;
  }
  return pack.levels.findIndex(l => l.id === level) + 1;
}

function byRef<T extends { entityRef: string }>(a: T, b: T): number {
  return a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef);
}

/**
 * The preview of a pack change from each entity's level with both packs:
 * level changes by direction, per pair of levels and per owning team, and
 * whom a notification would reach. Levels compare by their position in
 * their own pack, so renaming a level moves nobody.
 *
 * @public
 */
export function summarizePackChange(
  outcomes: readonly PackChangeOutcome[],
  options: SummarizePackChangeOptions,
): PackChangePreview {
  const changes: PackChangeEntity[] = [];
  const undetermined: PackChangeUndetermined[] = [];
  const transitions = new Map<string, PackChangeTransition>();
  const teams = new Map<string, PackChangeTeam>();
  const team = (owner: string | undefined) => {
    const key = owner ?? '';
    let entry = teams.get(key);
    if (!entry) {
      entry = { ...(owner && { owner }), up: 0, down: 0, undetermined: 0 };
      teams.set(key, entry);
    }
    return entry;
  };
  let up = 0;
  let down = 0;
  for (const outcome of outcomes) {
    const { entityRef, owner, from } = outcome;
    if (outcome.undetermined !== undefined) {
      undetermined.push({
        entityRef,
        ...(owner && { owner }),
        ...(from !== undefined && { from }),
        reason: outcome.undetermined,
      });
      team(owner).undetermined += 1;
      continue;
    }
    const before = rankOf(options.base, from);
    const after = rankOf(options.proposed, outcome.to);
    if (before === after) {
      continue;
    }
    const direction: LevelChangeDirection = after > before ? 'up' : 'down';
    if (direction === 'up') {
      up += 1;
      team(owner).up += 1;
    } else {
      down += 1;
      team(owner).down += 1;
    }
    changes.push({
      entityRef,
      ...(owner && { owner }),
      ...(from !== undefined && { from }),
      ...(outcome.to !== undefined && { to: outcome.to }),
      direction,
    });
    const key = `${from ?? ''}\u0000${outcome.to ?? ''}`;
    const transition = transitions.get(key);
    if (transition) {
      transition.entities += 1;
    } else {
      transitions.set(key, {
        ...(from !== undefined && { from }),
        ...(outcome.to !== undefined && { to: outcome.to }),
        direction,
        entities: 1,
      });
    }
  }
  const owners = options.notificationsEnabled
    ? [...new Set(changes.flatMap(c => (c.owner ? [c.owner] : [])))].sort()
    : [];
  const moved = (t: PackChangeTeam) => t.up + t.down + t.undetermined;
  return {
    entities: outcomes.length,
    changed: up + down,
    up,
    down,
    transitions: [...transitions.values()].sort(
      (a, b) =>
        b.entities - a.entities ||
        rankOf(options.base, a.from) - rankOf(options.base, b.from) ||
        rankOf(options.proposed, a.to) - rankOf(options.proposed, b.to),
    ),
    teams: [...teams.values()].sort(
      (a, b) =>
        moved(b) - moved(a) ||
        (a.owner ?? '').localeCompare(b.owner ?? '', 'en'),
    ),
    changes: changes.sort(byRef),
    undetermined: undetermined.sort(byRef),
    unevaluatedChecks: [...(options.unevaluatedChecks ?? [])],
    notifications: { enabled: options.notificationsEnabled, owners },
  };
}
