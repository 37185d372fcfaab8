import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Snackbar from '@material-ui/core/Snackbar';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { CheckInfo, Exemption } from '@prodready/plugin-readiness-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../../api/ReadinessApi';
import { useReadinessPermissions } from '../../hooks/useReadinessPermissions';
import { errorMessage } from '../../lib/errorMessage';
import { refLabel } from '../GapSearchFilters';
import { RemoveExemptionDialog } from '../RemoveExemptionDialog';
import {
  EXPIRING_SOON_DAYS,
  exemptionStatus,
  type ExemptionStatus,
} from './exemptionStatus';

/**
 * Props of {@link ExemptionsOverview}.
 *
 * @internal
 */
export interface ExemptionsOverviewProps {
  /** The pack's checks, for titles. */
  checks: CheckInfo[];
  /** Bumped when the page's data should reload. */
  dataVersion?: number;
  now?: () => Date;
}

const STATUS_WORDS: Record<ExemptionStatus, string> = {
  active: 'Active',
  expiring: `Expires within ${EXPIRING_SOON_DAYS} days`,
  expired: 'Expired',
};

/**
 * Every exemption the caller can see across the organisation, expired ones
 * included: who granted it, why and until when, linked to the entity's
 * check; filterable by owner, check and status (expiring soon, expired).
 * Removal asks first and can be undone, as on the entity tab.
 *
 * @internal
 */
export function ExemptionsOverview(props: ExemptionsOverviewProps) {
  const { checks, dataVersion = 0, now = () => new Date() } = props;
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const { canManageExemptions } = useReadinessPermissions();
  const [owner, setOwner] = useState('');
  const [checkId, setCheckId] = useState('');
  const [status, setStatus] = useState<'' | ExemptionStatus>('');
  const [confirming, setConfirming] = useState<Exemption>();
  const [removed, setRemoved] = useState<Exemption>();

  const state = useAsyncRetry(async () => {
    const exemptions = await api.getExemptions({ includeExpired: true });
    const refs = [...new Set(exemptions.map(e => e.entityRef))];
    const summaries = refs.length ? await api.getSummaries(refs) : [];
    const owners = new Map(summaries.map(s => [s.entityRef, s.owner ?? '']));
    return exemptions.map(e => ({
      exemption: e,
      owner: owners.get(e.entityRef) ?? '',
    }));
  }, [api, dataVersion]);

  const titles = useMemo(
    () => new Map(checks.map(check => [check.id, check.title])),
    [checks],
  );
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.loading && !state.value) return <Progress />;
  const rows = state.value ?? [];
  const today = now();
  const owners = [...new Set(rows.map(r => r.owner).filter(Boolean))].sort();
  const checkIds = [...new Set(rows.map(r => r.exemption.checkId))].sort();
  const shown = rows.filter(
    r =>
      (!owner || r.owner === owner) &&
      (!checkId || r.exemption.checkId === checkId) &&
      (!status || exemptionStatus(r.exemption, today) === status),
  );

  const remove = async (exemption: Exemption) => {
    try {
      await api.deleteExemption(exemption.id);
      setRemoved(exemption);
      state.retry();
    } catch (e) {
      alertApi.post({
        message: `Could not remove the exemption: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  };
  const undo = async () => {
    if (!removed) return;
    setRemoved(undefined);
    try {
      await api.createExemption({
        entityRef: removed.entityRef,
        checkId: removed.checkId,
        reason: removed.reason,
        expiresAt: removed.expiresAt,
      });
      alertApi.post({
        message: 'Exemption restored.',
        severity: 'success',
        display: 'transient',
      });
      state.retry();
    } catch (e) {
      alertApi.post({
        message: `Could not restore the exemption: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  };

  const tabLink = (exemption: Exemption) => {
    const ref = parseEntityRef(exemption.entityRef);
    return `${entityRoute({
      kind: ref.kind.toLocaleLowerCase('en-US'),
      namespace: ref.namespace,
      name: ref.name,
    })}/readiness`;
  };
  const checkLink = (exemption: Exemption) =>
    `${tabLink(exemption)}#readiness-check-${encodeURIComponent(
      exemption.checkId,
    )}`;

  return (
    <>
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
        <TextField
          select
          id="readiness-exemptions-owner"
          label="Owner"
          value={owner}
          onChange={e => setOwner(e.target.value)}
          style={{ minWidth: 200 }}
        >
          <MenuItem value="">Any owner</MenuItem>
          {owners.map(o => (
            <MenuItem key={o} value={o}>
              {refLabel(o)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="readiness-exemptions-check"
          label="Check"
          value={checkId}
          onChange={e => setCheckId(e.target.value)}
          style={{ minWidth: 240 }}
        >
          <MenuItem value="">Any check</MenuItem>
          {checkIds.map(id => (
            <MenuItem key={id} value={id}>
              {titles.get(id) ?? id}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="readiness-exemptions-status"
          label="Status"
          value={status}
          onChange={e => setStatus(e.target.value as '' | ExemptionStatus)}
          style={{ minWidth: 220 }}
        >
          <MenuItem value="">Any status</MenuItem>
          {(Object.keys(STATUS_WORDS) as ExemptionStatus[]).map(s => (
            <MenuItem key={s} value={s}>
              {STATUS_WORDS[s]}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {shown.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {rows.length === 0
            ? 'No exemptions: every check counts by its own result.'
            : 'No exemption matches these filters.'}
        </Typography>
      ) : (
        <Box overflow="auto">
          <Table size="small" aria-label="Exemptions">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Check</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Why</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>Until</TableCell>
                {canManageExemptions && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(({ exemption, owner: rowOwner }) => {
                const rowStatus = exemptionStatus(exemption, today);
                return (
                  <TableRow key={exemption.id} data-testid="exemption-row">
                    <TableCell>
                      <Link to={tabLink(exemption)}>
                        {refLabel(exemption.entityRef)}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <Link to={checkLink(exemption)}>
                        {titles.get(exemption.checkId) ?? exemption.checkId}
                      </Link>
                    </TableCell>
                    <TableCell>{rowOwner ? refLabel(rowOwner) : '—'}</TableCell>
                    <TableCell>{exemption.reason}</TableCell>
                    <TableCell>
                      {refLabel(exemption.author)},{' '}
                      {new Date(exemption.createdAt).toLocaleDateString()}
                    </TableCell>
                    <TableCell>
                      {exemption.expiresAt
                        ? new Date(exemption.expiresAt).toLocaleDateString()
                        : 'No expiry'}
                      {rowStatus !== 'active' &&
                        ` (${STATUS_WORDS[rowStatus]})`}
                    </TableCell>
                    {canManageExemptions && (
                      <TableCell>
                        {rowStatus !== 'expired' && (
                          <Button
                            size="small"
                            color="secondary"
                            onClick={() => setConfirming(exemption)}
                          >
                            Remove
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      {confirming && (
        <RemoveExemptionDialog
          open
          checkTitle={titles.get(confirming.checkId) ?? confirming.checkId}
          entityName={refLabel(confirming.entityRef)}
          idBase={`org-exemption-${confirming.id}`}
          onClose={() => setConfirming(undefined)}
          onRemove={() => remove(confirming)}
        />
      )}
      <Snackbar
        open={removed !== undefined}
        autoHideDuration={10000}
        onClose={(_event, why) => {
          if (why !== 'clickaway') setRemoved(undefined);
        }}
        message="Exemption removed."
        action={
          <Button color="secondary" size="small" onClick={undo}>
            Undo
          </Button>
        }
      />
    </>
  );
}
