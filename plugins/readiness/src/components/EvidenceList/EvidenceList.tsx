import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  isSafeUrl,
  type Evidence,
  type EvidenceStrength,
} from '@prodready/plugin-readiness-common';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  kind: {
    color: theme.palette.text.secondary,
    marginRight: theme.spacing(0.5),
  },
  value: { fontFamily: 'monospace', wordBreak: 'break-all' },
  strength: {
    marginLeft: theme.spacing(1),
    height: theme.spacing(2.5),
    fontSize: theme.typography.caption.fontSize,
  },
}));

/** What each strength means, as the chip's tooltip. */
const STRENGTH_TITLES: Record<EvidenceStrength, string> = {
  observed:
    'Observed: seen in reality (a file in the repository, live series or alert rules)',
  declared:
    'Declared: written in the catalog (an annotation, a field, a typed link or a link to a known tool)',
  hint: 'Hint: only a title or an icon; ignored, it never passes a check',
};

function StrengthChip(props: { strength: EvidenceStrength }) {
  const classes = useStyles();
  const { strength } = props;
  return (
    <Chip
      size="small"
      label={strength}
      title={STRENGTH_TITLES[strength]}
      color={strength === 'observed' ? 'primary' : 'default'}
      variant={strength === 'hint' ? 'outlined' : 'default'}
      className={classes.strength}
      data-testid={`evidence-strength-${strength}`}
    />
  );
}

/**
 * Props of {@link EvidenceList}.
 *
 * @public
 */
export interface EvidenceListProps {
  evidence: Evidence[];
}

/**
 * What made a check pass (or was looked at): each piece with its kind, what
 * it is, its value and a chip of its strength (`observed`, `declared`, or
 * `hint` for a link that was ignored), linked where it can be seen. Only
 * `http(s):` URLs become links; anything else (e.g. `javascript:`) is shown
 * as plain text.
 *
 * @public
 */
export function EvidenceList(props: EvidenceListProps) {
  const classes = useStyles();
  if (!props.evidence.length) {
    return null;
  }
  return (
    <ul className={classes.list}>
      {props.evidence.map((item, index) => (
        <li key={`${item.kind}-${item.label}-${index}`}>
          <Typography variant="body2" component="span" className={classes.kind}>
            {item.kind}
          </Typography>
          <Typography variant="body2" component="span">
            {/* The URL comes from another team's catalog entry: only http(s) is ever a link. */}
            {isSafeUrl(item.url) ? (
              <Link href={item.url} target="_blank" rel="noopener noreferrer">
                {item.label}
              </Link>
            ) : (
              item.label
            )}
            {item.value !== undefined && (
              <>
                {': '}
                <span className={classes.value}>{item.value}</span>
              </>
            )}
          </Typography>
          {item.strength && STRENGTH_TITLES[item.strength] && (
            <StrengthChip strength={item.strength} />
          )}
        </li>
      ))}
    </ul>
  );
}
