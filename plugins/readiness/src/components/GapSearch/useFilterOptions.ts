import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api/ReadinessApi';
import type { GapSearchListFilter } from '../GapSearchFilters';

const FACETS: Array<[string, GapSearchListFilter]> = [
  ['kind', 'kind'],
  ['spec.type', 'type'],
  ['spec.lifecycle', 'lifecycle'],
];

/**
 * Suggested values of the list filters: owners, systems and domains from the
 * readiness roll-ups (scored entities only), kinds, types and lifecycles
 * from the catalog's facets when a catalog API is installed. A failing source
 * only leaves its suggestions empty. Nothing is loaded until `enabled`, so
 * that the page's first requests are the ones that show results.
 */
export function useFilterOptions(
  enabled: boolean,
): Partial<Record<GapSearchListFilter, string[]>> {
  const api = useApi(readinessApiRef);
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!enabled) {
      return undefined;
    }
    const [owners, systems, domains, facets] = await Promise.all([
      api.getRollups('owner').catch(() => undefined),
      api.getRollups('system').catch(() => undefined),
      api.getRollups('domain').catch(() => undefined),
      catalogApi
        ?.getEntityFacets({ facets: FACETS.map(([facet]) => facet) })
        .catch(() => undefined),
    ]);
    const keys = (r: typeof owners) =>
      (r?.groups.map(g => g.key) ?? []).sort((a, b) => a.localeCompare(b));
    const options: Partial<Record<GapSearchListFilter, string[]>> = {
      owner: keys(owners),
      system: keys(systems),
      domain: keys(domains),
    };
    for (const [facet, filter] of FACETS) {
      options[filter] = Array.from(
        new Set(
          (facets?.facets[facet] ?? []).map(f =>
            filter === 'kind' ? f.value.toLocaleLowerCase('en-US') : f.value,
          ),
        ),
      ).sort((a, b) => a.localeCompare(b));
    }
    return options;
  }, [api, catalogApi, enabled]);
  return value ?? {};
}
