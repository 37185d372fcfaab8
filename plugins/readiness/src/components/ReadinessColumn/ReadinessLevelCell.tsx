import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { LEVEL_WORDS } from '@prodready/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useCheckPack } from '../../hooks/useCheckPack';
import { errorMessage } from '../../lib/errorMessage';
import { LevelBadge } from '../LevelBadge';
import { rememberScore } from './shownScores';

/**
 * Props of {@link ReadinessLevelCell}.
 *
 * @public
 */
export interface ReadinessLevelCellProps {
  /**
   * Full ref of the row's entity; its summary is fetched in a batch with the
   * other rows'.
   */
  entityRef: string;
  /** Show the score beside the badge; default true. */
  showScore?: boolean;
}

/** Kinds that are not scored themselves: their entities are. */
const ROLL_UP_KINDS = ['group', 'user', 'system', 'domain'];

function kindOf(entityRef: string): string | undefined {
  try {
    return parseEntityRef(entityRef).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
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
  const kind = kindOf(entityRef);
  const rollUp = kind !== undefined && ROLL_UP_KINDS.includes(kind);
  const { value, loading, error } = useAsync(async () => {
    if (rollUp) {
      return undefined;
    }
    const summary = await api.getSummary(entityRef);
    rememberScore(entityRef, summary?.score);
    return summary;
  }, [api, entityRef, rollUp]);
  if (rollUp) {
    return (
      <Typography
        variant="caption"
        color="textSecondary"
        title={`${LEVEL_WORDS.notScorable}: ${LEVEL_WORDS.notScorableReason}`}
      >
        — {LEVEL_WORDS.notScorable}: {kind === 'user' ? 'their' : 'its'}{' '}
        entities are
      </Typography>
    );
  }
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
        {LEVEL_WORDS.notScoredYet}
      </Typography>
    );
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 8, whiteSpace: 'nowrap' }}
    >
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
