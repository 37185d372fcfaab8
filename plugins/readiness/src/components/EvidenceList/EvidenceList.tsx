import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { isSafeUrl, type Evidence } from '@prodready/plugin-readiness-common';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  kind: {
    color: theme.palette.text.secondary,
    marginRight: theme.spacing(0.5),
  },
  value: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

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
 * it is and its value, linked where it can be seen. Only `http(s):` URLs
 * become links; anything else (e.g. `javascript:`) is shown as plain text.
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
        </li>
      ))}
    </ul>
  );
}
