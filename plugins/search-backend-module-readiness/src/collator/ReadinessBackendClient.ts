import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  CheckPackResponse,
  EntityScorecardResponse,
  EntitySummary,
  SearchResponse,
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
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * Reads the readiness backend's REST API (`/api/readiness`) as the search
 * plugin itself: every request carries a plugin-to-plugin token issued for
 * the search plugin's own service credentials.
 *
 * @public
 */
export class ReadinessBackendClient {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;

  /** Creates a client. */
  static create(
    options: ReadinessBackendClientOptions,
  ): ReadinessBackendClient {
    return new ReadinessBackendClient(options);
  }

  private constructor(options: ReadinessBackendClientOptions) {
    this.discovery = options.discovery;
    this.auth = options.auth;
  }

  /** `GET /checks`: the check pack (titles, categories, levels). */
  async getChecks(): Promise<CheckPackResponse> {
    return this.request<CheckPackResponse>('/checks');
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
    const params = new URLSearchParams({ limit: String(options.limit) });
    if (options.cursor) {
      params.set('cursor', options.cursor);
    }
    if (options.includeFailing) {
      params.set('include', 'failing');
    }
    return this.request(`/search?${params}`);
  }

  /** `GET /entities/{kind}/{namespace}/{name}`: one entity's scorecard. */
  async getScorecard(entityRef: string): Promise<EntityScorecardResponse> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [kind, namespace, name]
      .map(part => encodeURIComponent(part))
      .join('/');
    return this.request<EntityScorecardResponse>(`/entities/${path}`);
  }

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discovery.getBaseUrl('readiness');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'readiness',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
