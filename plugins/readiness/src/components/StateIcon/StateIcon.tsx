import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { darken, makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import VisibilityOffIcon from '@material-ui/icons/VisibilityOff';
import WarningIcon from '@material-ui/icons/ReportProblem';
import type { CheckState } from '@prodready/plugin-readiness-common';

const useStyles = makeStyles(theme => {
  // The palette's main colours are too light for text on white (the error
  // red is 3.7:1); darkened they pass WCAG AA (4.5:1).
  const text = (color: string) =>
    theme.palette.type === 'dark' ? color : darken(color, 0.3);
  return {
    pass: { color: text(theme.palette.success.main) },
    fail: { color: text(theme.palette.error.main) },
    // Claimed, not observed: neither a plain fail nor an unknown.
    claimed: { color: text(theme.palette.warning.dark) },
    warn: { color: text(theme.palette.warning.main) },
    unknown: { color: theme.palette.text.secondary },
    exempt: { color: text(theme.palette.info.main) },
    'not-applicable': { color: theme.palette.text.secondary },
    label: { marginLeft: theme.spacing(0.5), fontWeight: 500 },
  };
});

const LABELS: Record<CheckState, string> = {
  pass: 'Pass',
  fail: 'Fail',
  claimed: 'Claimed, not observed',
  warn: 'Warning',
  unknown: 'Unknown',
  exempt: 'Exempt',
  'not-applicable': 'Not applicable',
};

const ICONS: Record<CheckState, typeof CheckCircleIcon> = {
  pass: CheckCircleIcon,
  fail: CancelIcon,
  claimed: VisibilityOffIcon,
  warn: WarningIcon,
  unknown: HelpOutlineIcon,
  exempt: VerifiedUserIcon,
  'not-applicable': RemoveCircleOutlineIcon,
};

/**
 * The label of a check state, e.g. `Pass`.
 *
 * @public
 */
export function stateLabel(state: CheckState): string {
  return LABELS[state];
}

/**
 * Props of {@link StateIcon}.
 *
 * @public
 */
export interface StateIconProps {
  /** The check state shown. */
  state: CheckState;
  /** Hide the text label (it stays available to screen readers). */
  hideLabel?: boolean;
}

/**
 * A check state as an icon with its name, so that it is never told by colour
 * alone.
 *
 * @public
 */
export function StateIcon(props: StateIconProps) {
  const { state, hideLabel } = props;
  const classes = useStyles();
  const Icon = ICONS[state];
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      data-testid={`state-${state}`}
    >
      <Icon
        className={classes[state]}
        fontSize="small"
        titleAccess={hideLabel ? LABELS[state] : undefined}
        aria-hidden={hideLabel ? undefined : true}
      />
      {!hideLabel && (
        <Typography
          component="span"
          variant="body2"
          className={`${classes.label} ${classes[state]}`}
        >
          {LABELS[state]}
        </Typography>
      )}
    </Box>
  );
}
