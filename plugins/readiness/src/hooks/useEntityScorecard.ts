import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import type { EntityScorecardResponse } from '@prodready/plugin-readiness-common';
import { useCallback, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { readinessApiRef } from '../api/ReadinessApi';
import { errorMessage } from '../lib/errorMessage';

/**
 * The state of one entity's scorecard, with ways to reload it and to rescore
 * the entity.
 *
 * @public
 */
export interface EntityScorecardState {
  /** The scorecard once loaded; kept while reloading. */
  scorecard?: EntityScorecardResponse;
  /** True while the scorecard is being fetched. */
  loading: boolean;
  /** The load error; a `ResponseError` with status 404 means "not scored". */
  error?: Error;
  /** Fetches the stored scorecard again. */
  reload(): void;
  /** Rescores the entity now and shows the new scorecard. */
  rescore(): Promise<void>;
  /** True while a rescore requested by `rescore` runs. */
  rescoring: boolean;
}

/**
 * Loads one entity's scorecard.
 *
 * @public
 */
export function useEntityScorecard(entityRef: string): EntityScorecardState {
  const api = useApi(readinessApiRef);
  const alertApi = useApi(alertApiRef);
  const [rescored, setRescored] = useState<EntityScorecardResponse>();
  const [rescoring, setRescoring] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityScorecard(entityRef),
    [api, entityRef],
  );

  // A freshly loaded scorecard replaces the one a rescore returned.
  useEffect(() => setRescored(undefined), [value]);

  const rescore = useCallback(async () => {
    setRescoring(true);
    try {
      setRescored(await api.refreshEntity(entityRef));
      alertApi.post({
        message: 'Rescored: the scorecard is up to date.',
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      alertApi.post({
        message: `Could not rescore ${entityRef}: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setRescoring(false);
    }
  }, [api, alertApi, entityRef]);

  const scorecard = rescored ?? value;
  return {
    scorecard,
    loading: loading && !scorecard,
    error: scorecard ? undefined : error,
    reload: retry,
    rescore,
    rescoring,
  };
}
