import Typography from '@material-ui/core/Typography';
import type {
  EntitySummary,
  LevelDefinition,
} from '@prodready/plugin-readiness-common';
import { targetLabel } from './targetLabel';

/**
 * Props of {@link TargetText}.
 *
 * @public
 */
export interface TargetTextProps {
  entity: Pick<EntitySummary, 'target' | 'levelsToTarget' | 'tier'>;
  levels?: LevelDefinition[];
  /** Checks in the way of the target, named after the count when given. */
  blockingCount?: number;
}

/**
 * The target level of an entity's tier and how far it is:
 * `Target Gold (tier-1) — 1 level to go`. Renders nothing without a target.
 *
 * @public
 */
export function TargetText(props: TargetTextProps) {
  const { entity, levels, blockingCount } = props;
  const label = targetLabel(entity, levels);
  if (!label) {
    return null;
  }
  const met = (entity.levelsToTarget ?? 0) === 0;
  return (
    <Typography
      variant="body2"
      color={met ? 'textSecondary' : 'textPrimary'}
      data-testid="readiness-target"
    >
      {label}
      {!met && blockingCount
        ? ` · ${blockingCount} ${
            blockingCount === 1 ? 'check' : 'checks'
          } in the way`
        : ''}
    </Typography>
  );
}
