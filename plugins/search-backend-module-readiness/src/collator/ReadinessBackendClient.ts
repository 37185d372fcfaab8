import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ReadinessApiClient,
  type CheckPackResponse,
  type EntityScorecardResponse,
  type EntitySummary,
  type SearchResponse,
} from '@prodready/plugin-readiness-common';

/**
 * An item of `GET /search`, with the ids of its failing checks when the
 * backend includes them (`include=failing`).
 *
 * @public
 */
export type ReadinessSearchItem = EntitySummary & {
  failingCheckIds?: string[];
};

/**
 * Options of {@link ReadinessBackendClient.create}.
 *
 * @public
 */
export interface ReadinessBackendClientOptions {
  /** Finds the readiness backend's URL. */
  discovery: DiscoveryService;
  /** Issues the plugin-to-plugin tokens the requests carry. */
  auth: AuthService;
}

/**
 * Reads the readiness backend's REST API (`/api/readiness`) as the search
 * plugin itself: every request carries a plugin-to-plugin token issued for
 * the search plugin's own service credentials. The requests are those of
 * `ReadinessApiClient` from `@prodready/plugin-readiness-common`.
 *
 * @public
 */
export class ReadinessBackendClient {
  private readonly client: ReadinessApiClient;
  private readonly auth: AuthService;

  /** Creates a client. */
  static create(
    options: ReadinessBackendClientOptions,
  ): ReadinessBackendClient {
    return new ReadinessBackendClient(options);
  }

  private constructor(options: ReadinessBackendClientOptions) {
    this.client = new ReadinessApiClient({ discoveryApi: options.discovery });
    this.auth = options.auth;
  }

  /** `GET /checks`: the check pack (titles, categories, levels). */
  async getChecks(): Promise<CheckPackResponse> {
    return this.client.getCheckPack(await this.requestOptions());
  }

  /**
   * `GET /search`: one page of scored entities. With `includeFailing`, asks
   * for the failing check ids of each item too (`include=failing`).
   */
  async search(options: {
    limit: number;
    cursor?: string;
    includeFailing?: boolean;
  }): Promise<SearchResponse & { items: ReadinessSearchItem[] }> {
    return this.client.search(
      {
        limit: options.limit,
        cursor: options.cursor,
        include: options.includeFailing ? ['failing'] : undefined,
      },
      await this.requestOptions(),
    );
  }

  /** `GET /entities/{kind}/{namespace}/{name}`: one entity's scorecard. */
  async getScorecard(entityRef: string): Promise<EntityScorecardResponse> {
    return this.client.getEntityScorecard(
      entityRef,
      await this.requestOptions(),
    );
  }

  /** A token for the readiness plugin, on behalf of this plugin. */
  private async requestOptions(): Promise<{ token: string }> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'readiness',
    });
    return { token };
  }
}
