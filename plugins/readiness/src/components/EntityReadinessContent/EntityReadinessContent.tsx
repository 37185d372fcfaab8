import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Snackbar from '@material-ui/core/Snackbar';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import {
  CHECK_STATES,
  LEVEL_WORDS,
  type EntityScorecardResponse,
} from '@prodready/plugin-readiness-common';
import { readinessApiRef } from '../../api/ReadinessApi';
import { asSentence, errorMessage } from '../../lib/errorMessage';
import { catalogEditUrl } from '../../lib/catalogEditUrl';
import { useCheckPack } from '../../hooks/useCheckPack';
import { SetupNotice } from '../SetupNotice';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import { useReadinessPermissions } from '../../hooks/useReadinessPermissions';
import { CheckResultItem, type ScorecardResult } from '../CheckResultItem';
import { ContactLinks } from '../ContactLinks';
import { EntityCampaigns } from '../EntityCampaigns';
import { NextScoring } from '../NextScoring';
import { ReadinessHistory } from '../ReadinessHistory';
import { ReadinessSummary } from '../ReadinessSummary';
import { ScoreSparkline } from '../ScoreSparkline';

/**
 * Props of {@link EntityReadinessContent}.
 *
 * @public
 */
export interface EntityReadinessContentProps {
  /**
   * The entity to show; by default the entity of the surrounding entity page.
   */
  entityRef?: string;
}

/** Groups results by category, in the pack's order, failing checks first. */
function groupByCategory(
  scorecard: EntityScorecardResponse,
  categoryOrder: string[],
): Array<{ category: string; results: ScorecardResult[] }> {
  const groups = new Map<string, ScorecardResult[]>();
  for (const category of categoryOrder) {
    groups.set(category, []);
  }
  for (const result of scorecard.results) {
    const list = groups.get(result.check.category) ?? [];
    list.push(result);
    groups.set(result.check.category, list);
  }
  return Array.from(groups, ([category, results]) => ({
    category,
    results: [...results].sort(
      (a, b) => CHECK_STATES.indexOf(a.state) - CHECK_STATES.indexOf(b.state),
    ),
  })).filter(group => group.results.length > 0);
}

/** The check a `#readiness-check-<id>` link in the address points at. */
function targetedCheckId(hash: string): string | undefined {
  const match = /^#readiness-check-(.+)$/.exec(hash);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

/** The body of the tab once the entity ref is known. */
function ReadinessContentForEntity(props: {
  entityRef: string;
  entity?: Entity;
}) {
  const { entityRef, entity } = props;
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const { checkPack } = useCheckPack();
  const { canRefreshEntity, canManageExemptions } = useReadinessPermissions();
  const { scorecard, loading, error, reload, rescore, rescoring } =
    useEntityScorecard(entityRef);
  const { hash } = useLocation();
  const targeted = targetedCheckId(hash);
  // The exemption just removed, for the undo snackbar.
  const [removed, setRemoved] = useState<
    { checkId: string; reason: string; expiresAt?: string } | undefined
  >();

  // After in-app navigation the browser does not scroll to an anchor that
  // renders only once the scorecard has loaded: scroll to it here.
  useEffect(() => {
    if (scorecard && targeted) {
      document
        .getElementById(`readiness-check-${targeted}`)
        ?.scrollIntoView?.({ block: 'start' });
    }
  }, [scorecard, targeted]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    if (ResponseError.is(error) && error.statusCode === 404) {
      return (
        <EmptyState
          missing="data"
          title={LEVEL_WORDS.notScoredYet}
          description={
            <>
              {asSentence(errorMessage(error))} <NextScoring />
            </>
          }
          action={
            canRefreshEntity ? (
              <Button
                variant="contained"
                color="primary"
                startIcon={<RefreshIcon />}
                onClick={rescore}
                disabled={rescoring}
              >
                Rescore now
              </Button>
            ) : undefined
          }
        />
      );
    }
    return <ResponseErrorPanel error={error} />;
  }
  if (!scorecard) {
    return null;
  }

  const levels = checkPack?.levels;
  const subject = {
    name: scorecard.entity.name,
    namespace: scorecard.entity.namespace,
    ownerRef: scorecard.owner?.ref ?? scorecard.entity.owner,
    system: scorecard.entity.system,
  };
  const editUrl = entity ? catalogEditUrl(entity) : undefined;
  const blocking = new Set(scorecard.blockingCheckIds);
  const categorySummaries = new Map(
    scorecard.categories.map(c => [c.category, c]),
  );
  const groups = groupByCategory(
    scorecard,
    checkPack?.categories ?? scorecard.categories.map(c => c.category),
  );

  const createExemption = canManageExemptions
    ? async (
        checkId: string,
        values: { reason: string; expiresAt?: string },
      ) => {
        await api.createExemption({ entityRef, checkId, ...values });
        alertApi.post({
          message: 'Exemption saved.',
          severity: 'success',
          display: 'transient',
        });
        reload();
      }
    : undefined;
  // Whether the caller may attest is decided by the backend (owner-team
  // membership or readiness.attestation.manage); a refusal shows in the dialog.
  const recordAttestation = async (
    checkId: string,
    values: { evidenceUrl: string; note?: string },
  ) => {
    await api.recordAttestation({ entityRef, checkId, ...values });
    alertApi.post({
      message: 'Attestation recorded.',
      severity: 'success',
      display: 'transient',
    });
    reload();
  };
  const removeExemption = canManageExemptions
    ? async (exemptionId: string) => {
        const exemption = scorecard.results.find(
          r => r.exemption?.id === exemptionId,
        )?.exemption;
        try {
          await api.deleteExemption(exemptionId);
          if (exemption) {
            setRemoved({
              checkId: exemption.checkId,
              reason: exemption.reason,
              expiresAt: exemption.expiresAt,
            });
          }
          reload();
        } catch (e) {
          alertApi.post({
            message: `Could not remove the exemption: ${errorMessage(e)}`,
            severity: 'error',
          });
        }
      }
    : undefined;

  const undoRemoval = async () => {
    if (!removed) {
      return;
    }
    setRemoved(undefined);
    try {
      await api.createExemption({ entityRef, ...removed });
      alertApi.post({
        message: 'Exemption restored.',
        severity: 'success',
        display: 'transient',
      });
      reload();
    } catch (e) {
      alertApi.post({
        message: `Could not restore the exemption: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  };

  return (
    <Grid container spacing={3}>
      <Snackbar
        open={removed !== undefined}
        autoHideDuration={10000}
        onClose={(_event, why) => {
          if (why !== 'clickaway') {
            setRemoved(undefined);
          }
        }}
        message="Exemption removed."
        action={
          <Button color="secondary" size="small" onClick={undoRemoval}>
            Undo
          </Button>
        }
      />
      <Grid item xs={12} md={8}>
        <InfoCard title="Production readiness">
          <ReadinessSummary
            scorecard={scorecard}
            levels={levels}
            onRescore={canRefreshEntity ? rescore : undefined}
            rescoring={rescoring}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Owner and trend">
          {scorecard.owner ? (
            <Box mb={2}>
              <Typography variant="body2" gutterBottom>
                Owned by{' '}
                <EntityRefLink
                  entityRef={scorecard.owner.ref}
                  title={scorecard.owner.displayName}
                />
              </Typography>
              <ContactLinks
                contacts={scorecard.owner.contacts}
                emptyText="The owner has no contact details in the catalog."
              />
            </Box>
          ) : (
            <Typography variant="body2" color="textSecondary" paragraph>
              No owner is known for this entity.
            </Typography>
          )}
          <ScoreSparkline points={scorecard.trend} />
        </InfoCard>
      </Grid>
      <EntityCampaigns
        entityRef={entityRef}
        checkPack={checkPack}
        version={scorecard.entity.evaluatedAt}
      />
      {groups.map(group => {
        const summary = categorySummaries.get(group.category);
        return (
          <Grid item xs={12} key={group.category}>
            <Box
              component="section"
              aria-label={capitalize(group.category)}
              data-testid={`category-${group.category}`}
            >
              <Box
                display="flex"
                alignItems="baseline"
                mb={1}
                style={{ gap: 16 }}
              >
                <Typography variant="h5" component="h2">
                  {capitalize(group.category)}
                </Typography>
                {summary && (
                  // Primary text: on the page background the theme's
                  // secondary grey is just under a 4.5:1 contrast.
                  <Typography variant="body2">
                    {summary.passed} of {summary.applicable} passing
                    {summary.unknown ? `, ${summary.unknown} unknown` : ''}
                  </Typography>
                )}
              </Box>
              {group.results.map(result => (
                <CheckResultItem
                  key={result.checkId}
                  result={result}
                  levels={levels}
                  blocksLevel={
                    blocking.has(result.checkId)
                      ? scorecard.nextLevel
                      : undefined
                  }
                  // Fix next (above) already says what to do; every check
                  // starts closed unless a link points at it.
                  defaultExpanded={targeted === result.checkId}
                  subject={subject}
                  editUrl={editUrl}
                  onCreateExemption={
                    createExemption &&
                    (values => createExemption(result.checkId, values))
                  }
                  onRemoveExemption={removeExemption}
                  onRecordAttestation={values =>
                    recordAttestation(result.checkId, values)
                  }
                />
              ))}
            </Box>
          </Grid>
        );
      })}
      <Grid item xs={12}>
        {/* Below the checks: "Fix next" stays above the fold. */}
        <SetupNotice
          setup={checkPack?.setup}
          checks={checkPack?.checks ?? []}
          relevantCheckIds={
            new Set(
              scorecard.results
                .filter(r => r.state === 'unknown' || r.state === 'fail')
                .map(r => r.checkId),
            )
          }
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Change history">
          <ReadinessHistory
            events={scorecard.history}
            checks={scorecard.results.map(r => r.check)}
            results={scorecard.results}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/** Reads the entity of the surrounding entity page. */
function ReadinessContentForCurrentEntity() {
  const { entity } = useEntity();
  return (
    <ReadinessContentForEntity
      entityRef={stringifyEntityRef(entity)}
      entity={entity}
    />
  );
}

/**
 * The Readiness tab of an entity page: level, score and progress; every check
 * grouped by category with its state, reason, evidence and remediation; for
 * each gap, the teams that solved it and how to reach them; the owner's
 * contacts; the score trend and the change history; exemptions and rescoring
 * where the user is permitted.
 *
 * @public
 */
export function EntityReadinessContent(props: EntityReadinessContentProps) {
  return props.entityRef ? (
    <ReadinessContentForEntity entityRef={props.entityRef} />
  ) : (
    <ReadinessContentForCurrentEntity />
  );
}
