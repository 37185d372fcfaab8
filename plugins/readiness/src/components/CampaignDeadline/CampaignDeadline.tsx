import Typography from '@material-ui/core/Typography';
import type { CampaignStatus } from '@prodready/plugin-readiness-common';
import { describeDeadline } from '../../lib/describeDeadline';

/**
 * Props of {@link CampaignDeadline}.
 *
 * @public
 */
export interface CampaignDeadlineProps {
  /** ISO day. */
  deadline: string;
  status: CampaignStatus;
}

/**
 * A campaign's deadline with the days left, or how late it is (in the error
 * colour); closed campaigns show the date only.
 *
 * @public
 */
export function CampaignDeadline(props: CampaignDeadlineProps) {
  const { deadline, status } = props;
  const day = deadline.slice(0, 10);
  if (status === 'closed') {
    return (
      <Typography variant="body2" component="span">
        {day}
      </Typography>
    );
  }
  const { text, overdue } = describeDeadline(day);
  return (
    <Typography variant="body2" component="span">
      {day}{' '}
      <Typography
        variant="body2"
        component="span"
        color={overdue ? 'error' : 'textSecondary'}
        style={{ whiteSpace: 'nowrap' }}
      >
        ({text})
      </Typography>
    </Typography>
  );
}
