import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { CampaignProgress } from '@prodready/plugin-readiness-common';
import { progressPercent } from '../../lib/describeDeadline';

/**
 * Props of {@link CampaignProgressBar}.
 *
 * @public
 */
export interface CampaignProgressBarProps {
  progress: CampaignProgress;
  /** What the bar measures, for screen readers; default `Progress`. */
  label?: string;
}

/**
 * How many entities of a campaign's scope meet its goal: a bar and
 * `done/entities`.
 *
 * @public
 */
export function CampaignProgressBar(props: CampaignProgressBarProps) {
  const { progress, label = 'Progress' } = props;
  const percent = progressPercent(progress);
  return (
    <Box display="flex" alignItems="center" minWidth={140}>
      <Box flexGrow={1} mr={1}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={label}
          aria-valuetext={`${progress.done} of ${progress.entities} done`}
        />
      </Box>
      <Typography
        variant="body2"
        component="span"
        data-testid="campaign-progress"
        style={{ whiteSpace: 'nowrap' }}
      >
        {progress.done}/{progress.entities}
      </Typography>
    </Box>
  );
}
