import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import { describeNextScoring } from './describeNextScoring';

/**
 * Says when an entity not scored yet gets its scorecard (from `GET /runs`:
 * the delta pass's interval and the next full run); a general sentence
 * while loading or when the backend does not say.
 *
 * @public
 */
export function NextScoring() {
  const api = useApi(readinessApiRef);
  const { value } = useAsync(async () => api.getRunSchedule?.(), [api]);
  return <>{describeNextScoring(value)}</>;
}
