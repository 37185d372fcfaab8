import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { RollupScopeResolver } from '../rollups/RollupScopeResolver';
import type { DigestTeams } from './DigestTeams';

/**
 * {@link DigestTeams} from config and the catalog: the configured group refs,
 * or every Group for `all`; members are the group and its descendants, as on
 * the Group Readiness tab. Read with the plugin's own credentials.
 *
 * @internal
 */
export class CatalogDigestTeams implements DigestTeams {
  static create(options: {
    teams: string[] | 'all';
    catalog: CatalogService;
    auth: AuthService;
    scopes: Pick<RollupScopeResolver, 'resolve'>;
  }): CatalogDigestTeams {
    return new CatalogDigestTeams(options);
  }

  private constructor(
    private readonly options: {
      teams: string[] | 'all';
      catalog: CatalogService;
      auth: AuthService;
      scopes: Pick<RollupScopeResolver, 'resolve'>;
    },
  ) {}

  async listTeams(): Promise<string[]> {
    const { teams, catalog, auth } = this.options;
    if (teams !== 'all') {
      return teams;
    }
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return items.map(entity => stringifyEntityRef(entity)).sort();
  }

  async membersOf(teamRef: string): Promise<string[]> {
    const { scopes, auth, catalog } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const group = await catalog.getEntityByRef(teamRef, { credentials });
    // A team gone from the catalog still owns what it owned when scored.
    return group
      ? (await scopes.resolve(group, credentials)).members
      : [teamRef];
  }
}
