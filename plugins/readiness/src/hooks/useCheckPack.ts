import { useApi } from '@backstage/core-plugin-api';
import type { CheckPackResponse } from '@prodready/plugin-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../api/ReadinessApi';

/**
 * The check pack in use (levels, categories, checks), loaded once and shared
 * through the client's cache.
 *
 * @public
 */
export function useCheckPack(): {
  checkPack?: CheckPackResponse;
  loading: boolean;
  error?: Error;
} {
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(() => api.getCheckPack(), [api]);
  return { checkPack: value, loading, error };
}
