import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import WarningIcon from '@material-ui/icons/Warning';
import {
  describeEvidence,
  describeMinStrength,
  isSafeUrl,
  passingEvidence,
  type EntityScorecardResponse,
  type LevelDefinition,
  type RemediationSubject,
} from '@prodready/plugin-readiness-common';
import { useEffect, useState } from 'react';
import { EvidenceList } from '../EvidenceList';
import {
  ExemptionDialog,
  type ExemptionDialogValues,
} from '../ExemptionDialog';
import {
  AttestationDialog,
  type AttestationDialogValues,
} from '../AttestationDialog';
import { LearnFromList } from '../LearnFromList';
import { levelTitle } from '../LevelBadge';
import { RemediationContent } from '../RemediationContent';
import { RemoveExemptionDialog } from '../RemoveExemptionDialog';
import { StateIcon } from '../StateIcon';

/**
 * One check's result in a scorecard, with the check and, for failing checks,
 * the learn-from exemplars.
 *
 * @public
 */
export type ScorecardResult = EntityScorecardResponse['results'][number];

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    width: '100%',
  },
  title: { fontWeight: 500 },
  reason: { flexBasis: '100%', color: theme.palette.text.secondary },
  details: { display: 'block' },
  section: { marginTop: theme.spacing(1.5) },
  blocks: {
    borderColor: theme.palette.warning.main,
    color: theme.palette.text.primary,
  },
}));

/**
 * Props of {@link CheckResultItem}.
 *
 * @public
 */
export interface CheckResultItemProps {
  result: ScorecardResult;
  levels?: LevelDefinition[];
  /** The level this check keeps the entity from, when it blocks one. */
  blocksLevel?: string;
  /**
   * Whether the details start open; the user opens and closes them after.
   * Turning it on later (a link to the check was followed) opens them again.
   */
  defaultExpanded?: boolean;
  /** The entity the check is shown for: remediation snippets name it. */
  subject?: RemediationSubject;
  /** Where to edit the entity's `catalog-info.yaml`, when known. */
  editUrl?: string;
  /** Creates an exemption; the action is hidden when absent. */
  onCreateExemption?(values: ExemptionDialogValues): Promise<void>;
  /** Removes the result's exemption; the action is hidden when absent. */
  onRemoveExemption?(exemptionId: string): Promise<void>;
  /**
   * Records an attestation of an attested check; the action is shown on
   * attested checks only, and hidden when absent.
   */
  onRecordAttestation?(values: AttestationDialogValues): Promise<void>;
}

/**
 * One check of a scorecard: state, title, level and reason in a row; the
 * evidence, remediation, learn-from exemplars and exemption in its details.
 *
 * @public
 */
export function CheckResultItem(props: CheckResultItemProps) {
  const {
    result,
    levels,
    blocksLevel,
    defaultExpanded,
    subject,
    editUrl,
    onCreateExemption,
    onRemoveExemption,
    onRecordAttestation,
  } = props;
  const classes = useStyles();
  // Controlled, so that a check stays open or closed while its state changes.
  const [expanded, setExpanded] = useState(Boolean(defaultExpanded));
  useEffect(() => {
    if (defaultExpanded) {
      setExpanded(true);
    }
  }, [defaultExpanded]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [attesting, setAttesting] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { check, exemption } = result;
  const needsWork =
    result.state === 'fail' ||
    result.state === 'warn' ||
    result.state === 'unknown';
  // What a pass rests on, strongest first, shown without opening the item.
  const strongest =
    result.state === 'pass' ? passingEvidence(result, 1)[0] : undefined;
  const restsOn = strongest ? describeEvidence(strongest) : undefined;
  const headingId = `readiness-check-${check.id}-heading`;

  return (
    <Accordion
      expanded={expanded}
      onChange={(_event, isExpanded) => setExpanded(isExpanded)}
      id={`readiness-check-${check.id}`}
      data-testid={`check-${check.id}`}
      TransitionProps={{ unmountOnExit: false }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />} id={headingId}>
        <div className={classes.summary}>
          <StateIcon state={result.state} />
          <Typography className={classes.title}>{check.title}</Typography>
          <Chip
            size="small"
            variant="outlined"
            label={levelTitle(check.level, levels)}
          />
          {check.advisory && (
            <Tooltip title="Advisory: shown and searched, not counted in levels or the score until it is promoted">
              <Chip
                size="small"
                variant="outlined"
                label="Advisory"
                data-testid="advisory-marker"
              />
            </Tooltip>
          )}
          {blocksLevel && (
            <Chip
              size="small"
              variant="outlined"
              className={classes.blocks}
              icon={<WarningIcon />}
              label={`Blocks ${levelTitle(blocksLevel, levels)}`}
            />
          )}
          <Typography variant="body2" className={classes.reason}>
            {result.reason}
          </Typography>
          {restsOn && (
            <Typography
              variant="caption"
              color="textSecondary"
              data-testid="evidence-rests-on"
            >
              {`on ${restsOn}`}
            </Typography>
          )}
        </div>
      </AccordionSummary>
      <AccordionDetails className={classes.details}>
        {check.description && (
          <Typography variant="body2">{check.description}</Typography>
        )}
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="readiness-min-strength"
        >
          {describeMinStrength(check.minStrength)}
        </Typography>
        {result.evidence.length > 0 && (
          <Box className={classes.section}>
            <Typography variant="subtitle2">
              {result.state === 'pass' || result.state === 'exempt'
                ? 'What made it pass'
                : 'Evidence'}
            </Typography>
            <EvidenceList evidence={result.evidence} />
          </Box>
        )}
        {needsWork && (
          <Box className={classes.section}>
            <Typography variant="subtitle2">How to fix it</Typography>
            <RemediationContent
              markdown={check.remediation.markdown}
              subject={subject}
              editUrl={editUrl}
            />
            {check.remediation.links
              ?.filter(link => isSafeUrl(link.url))
              .map(link => (
                <div key={link.url}>
                  <Link
                    href={link.url}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {link.title}
                  </Link>
                </div>
              ))}
          </Box>
        )}
        {result.state === 'fail' && result.learnFrom && (
          <Box className={classes.section}>
            <LearnFromList exemplars={result.learnFrom} />
          </Box>
        )}
        {exemption && (
          <Box className={classes.section}>
            <Typography variant="subtitle2">Exemption</Typography>
            <Typography variant="body2">
              {exemption.reason} — granted by {exemption.author} on{' '}
              {new Date(exemption.createdAt).toLocaleDateString()}
              {exemption.expiresAt
                ? `, until ${new Date(
                    exemption.expiresAt,
                  ).toLocaleDateString()}`
                : ', without expiry'}
              .
            </Typography>
            {onRemoveExemption && (
              <Button
                size="small"
                color="secondary"
                disabled={removing}
                onClick={() => setConfirmRemove(true)}
              >
                Remove exemption
              </Button>
            )}
            {onRemoveExemption && (
              <RemoveExemptionDialog
                open={confirmRemove}
                checkTitle={check.title}
                idBase={headingId}
                onClose={() => setConfirmRemove(false)}
                onRemove={async () => {
                  setRemoving(true);
                  try {
                    await onRemoveExemption(exemption.id);
                  } finally {
                    setRemoving(false);
                  }
                }}
              />
            )}
          </Box>
        )}
        {needsWork && onCreateExemption && (
          <Box className={classes.section}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => setDialogOpen(true)}
            >
              Exempt from this check
            </Button>
            <ExemptionDialog
              open={dialogOpen}
              checkTitle={check.title}
              onCancel={() => setDialogOpen(false)}
              onSubmit={async values => {
                await onCreateExemption(values);
                setDialogOpen(false);
              }}
            />
          </Box>
        )}
        {check.attested && onRecordAttestation && (
          <Box className={classes.section}>
            <Button
              size="small"
              variant="outlined"
              color="primary"
              onClick={() => setAttesting(true)}
            >
              Record attestation
            </Button>
            <AttestationDialog
              open={attesting}
              checkTitle={check.title}
              expiresAfterDays={check.attested.expiresAfterDays}
              onCancel={() => setAttesting(false)}
              onSubmit={async values => {
                await onRecordAttestation(values);
                setAttesting(false);
              }}
            />
          </Box>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
