import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import type {
  EntityScorecardResponse,
  LevelDefinition,
} from '@prodready/plugin-readiness-common';
import { FixNext } from '../FixNext';
import { LevelBadge, levelTitle } from '../LevelBadge';
import { TargetText } from '../TargetText';
import { exemptedAtReachedLevel, levelProgress } from './levelProgress';

const useStyles = makeStyles(theme => ({
  headline: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  score: { fontSize: '2.5rem', fontWeight: 700, lineHeight: 1 },
  progress: { height: 8, borderRadius: 4, margin: theme.spacing(1, 0) },
}));

/**
 * Props of {@link ReadinessSummary}.
 *
 * @public
 */
export interface ReadinessSummaryProps {
  scorecard: EntityScorecardResponse;
  levels?: LevelDefinition[];
  /** Rescores the entity; the button is hidden when absent. */
  onRescore?(): void;
  rescoring?: boolean;
}

/**
 * The headline of a scorecard: level, score, the progress to the next level
 * and, first of all, what to fix next and whom to ask ({@link FixNext}).
 *
 * @public
 */
export function ReadinessSummary(props: ReadinessSummaryProps) {
  const { scorecard, levels, onRescore, rescoring } = props;
  const classes = useStyles();
  const { entity } = scorecard;
  // An API, a System…: no operational check applies, so no level is shown.
  const noLevel = scorecard.levelApplicable === false;
  const progress = noLevel ? undefined : levelProgress(scorecard, levels);
  const exempted = noLevel ? 0 : exemptedAtReachedLevel(scorecard, levels);
  const noLevelText = (
    <Typography variant="body2">
      {scorecard.levelReason ??
        'No operational check applies, so no level is given'}
      {'. The score covers '}
      {scorecard.categories
        .map(c => `${c.category} (${c.passed} of ${c.applicable})`)
        .join(', ') || 'nothing'}
      . Levels measure operational readiness (monitoring, logging, tracing,
      runbook, delivery), which the components that run it prove.
    </Typography>
  );
  const topText = (
    <Typography variant="body2">
      {entity.level
        ? 'The highest level is reached. Keep it there.'
        : 'No level to reach: the check pack defines none.'}
    </Typography>
  );
  const progressOrTop = progress ? (
    <>
      <Typography variant="body2">
        Progress to {levelTitle(progress.nextLevel, levels)}: {progress.done} of{' '}
        {progress.total} checks done
      </Typography>
      <LinearProgress
        variant="determinate"
        className={classes.progress}
        value={progress.total ? (100 * progress.done) / progress.total : 0}
        aria-label={`Progress to ${levelTitle(progress.nextLevel, levels)}`}
      />
      <FixNext scorecard={scorecard} levels={levels} />
    </>
  ) : (
    topText
  );
  return (
    <Box>
      <div className={classes.headline}>
        {noLevel ? (
          <Typography variant="subtitle2" data-testid="readiness-no-level">
            No level
          </Typography>
        ) : (
          <LevelBadge level={entity.level} levels={levels} size="medium" />
        )}
        {exempted > 0 && (
          <Typography variant="body2" data-testid="readiness-level-exempted">
            {levelTitle(entity.level!, levels)}, {exempted}{' '}
            {exempted === 1 ? 'check' : 'checks'} exempted
          </Typography>
        )}
        <Typography
          component="div"
          aria-label={`Score ${Math.round(entity.score)} of 100`}
        >
          <span className={classes.score}>{Math.round(entity.score)}</span>
          <Typography component="span" color="textSecondary">
            {' '}
            / 100
          </Typography>
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {entity.gaps === 1
            ? '1 failing check'
            : `${entity.gaps} failing checks`}
          {' · scored '}
          {new Date(entity.evaluatedAt).toLocaleString()}
        </Typography>
        <TargetText
          entity={entity}
          levels={levels}
          blockingCount={scorecard.targetGap?.blockingCheckIds.length}
        />
        {onRescore && (
          <Button
            variant="outlined"
            size="small"
            startIcon={
              rescoring ? <CircularProgress size={16} /> : <RefreshIcon />
            }
            onClick={onRescore}
            disabled={rescoring}
          >
            Rescore now
          </Button>
        )}
      </div>
      <Box mt={2}>{noLevel ? noLevelText : progressOrTop}</Box>
    </Box>
  );
}
