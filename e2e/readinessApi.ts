/*
 * Talks to the running readiness backend as the guest user, to compare what
 * the browser shows with what the API answers.
 */
import type {
  EntityScorecardResponse,
  EntitySummary,
  SearchQuery,
  SearchResponse,
} from '@prodready/plugin-readiness-common';
import { searchQueryToParams } from '@prodready/plugin-readiness-common';
import { BACKEND_URL } from './stack';

/** The guest user's token and the refs it owns through (itself, its groups). */
export async function guestSession(): Promise<{
  token: string;
  ownershipEntityRefs: string[];
}> {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in failed: ${response.status} ${await response.text()}`,
    );
  }
  const body = (await response.json()) as {
    backstageIdentity: {
      token: string;
      identity: { ownershipEntityRefs: string[] };
    };
  };
  return {
    token: body.backstageIdentity.token,
    ownershipEntityRefs: body.backstageIdentity.identity.ownershipEntityRefs,
  };
}

/** A client of /api/readiness with a guest token. */
export class ReadinessTestApi {
  private constructor(private readonly token: string) {}

  static async create(): Promise<ReadinessTestApi> {
    return new ReadinessTestApi((await guestSession()).token);
  }

  /** A request with a JSON body to any backend path, e.g. `/api/readiness/exemptions`. */
  async send<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${BACKEND_URL}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      throw new Error(
        `${method} ${path} answered ${
          response.status
        }: ${await response.text()}`,
      );
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${BACKEND_URL}/api/readiness${path}`, {
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) {
      throw new Error(
        `GET ${path} answered ${response.status}: ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }

  async post<T>(path: string): Promise<T> {
    const response = await fetch(`${BACKEND_URL}/api/readiness${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) {
      throw new Error(
        `POST ${path} answered ${response.status}: ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  }

  /** Invokes one of the plugin's actions (actions registry) as the guest. */
  async invokeAction<T>(id: string, input: object): Promise<T> {
    const path = `/.backstage/actions/v1/actions/${id}/invoke`;
    const response = await fetch(`${BACKEND_URL}/api/readiness${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(input),
    });
    if (!response.ok) {
      throw new Error(
        `action ${id} answered ${response.status}: ${await response.text()}`,
      );
    }
    return ((await response.json()) as { output: T }).output;
  }

  /** How many entities the catalog holds. */
  async catalogCount(): Promise<number> {
    const response = await fetch(
      `${BACKEND_URL}/api/catalog/entities/by-query?limit=0`,
      { headers: { Authorization: `Bearer ${this.token}` } },
    );
    if (!response.ok) {
      throw new Error(`catalog query answered ${response.status}`);
    }
    return ((await response.json()) as { totalItems: number }).totalItems;
  }

  search(query: SearchQuery): Promise<SearchResponse> {
    return this.get<SearchResponse>(`/search?${searchQueryToParams(query)}`);
  }

  /** Every match of a search, following the cursors. */
  async searchAll(query: SearchQuery): Promise<EntitySummary[]> {
    const items: EntitySummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.search({ ...query, limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  scorecard(entityRef: string): Promise<EntityScorecardResponse> {
    const [kind, rest] = entityRef.split(':');
    const [namespace, name] = rest.split('/');
    return this.get<EntityScorecardResponse>(
      `/entities/${kind}/${namespace}/${name}`,
    );
  }
}
