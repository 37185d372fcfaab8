import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCheckPack } from '../../hooks/useCheckPack';
import { errorMessage } from '../../lib/errorMessage';
import { LevelBadge } from '../LevelBadge';

/**
 * Props of {@link ReadinessLevelCell}.
 *
 * @public
 */
export interface ReadinessLevelCellProps {
  entityRef: string;
  /** Show the score beside the badge; default true. */
  showScore?: boolean;
}

/**
 * One entity's level badge and score for a table cell. Cells rendered
 * together share one batched summary request.
 *
 * @public
 */
export function ReadinessLevelCell(props: ReadinessLevelCellProps) {
  const { entityRef, showScore = true } = props;
  const api = useApi(readinessApiRef);
  const { checkPack } = useCheckPack();
  const { value, loading, error } = useAsync(
    () => api.getSummary(entityRef),
    [api, entityRef],
  );
  if (loading) {
    return (
      <Typography variant="caption" color="textSecondary">
        …
      </Typography>
    );
  }
  if (error) {
    return (
      <Tooltip title={errorMessage(error)}>
        <Typography variant="caption" color="error">
          Unavailable
        </Typography>
      </Tooltip>
    );
  }
  if (!value) {
    return (
      <Typography variant="caption" color="textSecondary">
        Not scored
      </Typography>
    );
  }
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <LevelBadge level={value.level} levels={checkPack?.levels} />
      {showScore && (
        <Typography
          variant="body2"
          aria-label={`Score ${Math.round(value.score)}`}
        >
          {Math.round(value.score)}
        </Typography>
      )}
    </Box>
  );
}
