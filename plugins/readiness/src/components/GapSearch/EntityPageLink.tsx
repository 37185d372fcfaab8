import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { refLabel } from '../GapSearchFilters';

/**
 * A link to an entity's page from what a summary already holds (ref and
 * title). Unlike `EntityRefLink` it fetches nothing, which keeps a page of
 * results cheap to draw.
 */
export function EntityPageLink(props: { entityRef: string; title?: string }) {
  const { entityRef, title } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const ref = parseEntityRef(entityRef);
  return (
    <Link
      underline="always"
      to={entityRoute({
        kind: ref.kind.toLocaleLowerCase('en-US'),
        namespace: ref.namespace,
        name: ref.name,
      })}
    >
      {title ?? refLabel(entityRef)}
    </Link>
  );
}
