/*
 * Talks to the running readiness backend as the guest user, to compare what
 * the browser shows with what the API answers.
 */
import type {
  EntitySummary,
  SearchQuery,
} from '@prodready/plugin-readiness-common';
import { ReadinessApiClient } from '@prodready/plugin-readiness-common';
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

/**
 * The typed client of /api/readiness (`ReadinessApiClient` from common, as
 * the frontend and the search collator use it) with the guest's token, plus
 * what the e2e needs of other plugins' APIs.
 */
export class ReadinessTestApi extends ReadinessApiClient {
  private constructor(private readonly token: string) {
    super({
      discoveryApi: {
        getBaseUrl: async pluginId => `${BACKEND_URL}/api/${pluginId}`,
      },
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: {
              ...(init?.headers as Record<string, string> | undefined),
              Authorization: `Bearer ${token}`,
            },
          }),
      },
    });
  }

  static async create(): Promise<ReadinessTestApi> {
    return new ReadinessTestApi((await guestSession()).token);
  }

  /**
   * A request with a JSON body to another plugin's path, e.g.
   * `/api/notifications/notifications`.
   */
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
}
