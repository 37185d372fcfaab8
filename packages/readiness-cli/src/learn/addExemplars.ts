import { ResponseError } from '@backstage/errors';
import {
  LearnFromExemplar,
  ReadinessApiClient,
} from '@prodready/plugin-readiness-common';
import type { ScoreReport } from '../report/ScoreReport';

/**
 * Options of {@link addExemplars}.
 *
 * @public
 */
export interface AddExemplarsOptions {
  /** The Backstage backend, e.g. `https://backstage.example.com`. */
  baseUrl: string;
  /** A Backstage token (`READINESS_TOKEN`), sent as `Authorization: Bearer`. */
  token?: string;
  /** The fetch to use; the global one when absent. */
  fetch?: typeof fetch;
  /** Reports a request that failed; the report is printed anyway. */
  warn(text: string): void;
  /** Most exemplars per gap; default 2. */
  perGap?: number;
}

/** Checks looked up by search when the backend does not know the entity. */
const MAX_SEARCHED_CHECKS = 25;

/** The key of one gap in {@link ScoreReport.exemplars}. */
export function gapKey(entityRef: string, checkId: string): string {
  return `${entityRef}#${checkId}`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 404;
}

/**
 * Asks the readiness backend who passes each failing check of the report
 * and stores them in `report.exemplars` (by {@link gapKey}): for an entity
 * the backend already scores, the `learnFrom` of its scorecard (similar
 * entities first); otherwise entities that pass the check (`GET /search
 * ?passing=`) with the evidence of their scorecard and their owner's
 * contacts. A failing request is reported with `warn`, never thrown.
 *
 * @public
 */
export async function addExemplars(
  report: ScoreReport,
  options: AddExemplarsOptions,
): Promise<void> {
  const perGap = options.perGap ?? 2;
  const baseUrl = `${options.baseUrl.replace(/\/+$/, '')}/api/readiness`;
  const client = new ReadinessApiClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    ...(options.fetch && { fetchApi: { fetch: options.fetch } }),
  });
  const request = { token: options.token };
  const exemplars = new Map<string, LearnFromExemplar[]>();
  const byCheck = new Map<string, Promise<LearnFromExemplar[]>>();
  let warned = false;
  const warn = (error: unknown) => {
    if (!warned) {
      warned = true;
      const message = error instanceof Error ? error.message : String(error);
      options.warn(
        `could not ask ${options.baseUrl} for exemplars: ${
          message.split('\n')[0]
        }`,
      );
    }
  };

  const searchCheck = async (checkId: string) => {
    const page = await client.search(
      { passing: [checkId], limit: perGap, sort: 'score', order: 'desc' },
      request,
    );
    const found: LearnFromExemplar[] = [];
    for (const item of page.items.slice(0, perGap)) {
      const scorecard = await client.getEntityScorecard(
        item.entityRef,
        request,
      );
      const result = scorecard.results.find(r => r.checkId === checkId);
      found.push({
        entity: item,
        owner: scorecard.owner ?? {
          ref: item.owner ?? 'unknown',
          contacts: [],
        },
        similarity: [],
        evidence: result?.evidence ?? [],
      });
    }
    return found;
  };
  const exemplarsOfCheck = (checkId: string) => {
    let promise = byCheck.get(checkId);
    if (!promise) {
      promise =
        byCheck.size < MAX_SEARCHED_CHECKS
          ? searchCheck(checkId).catch(error => {
              warn(error);
              return [];
            })
          : Promise.resolve([]);
      byCheck.set(checkId, promise);
    }
    return promise;
  };

  for (const entity of report.entities) {
    const failing = entity.scorecard.results
      .filter(r => r.state === 'fail')
      .map(r => r.checkId);
    if (failing.length === 0) {
      continue;
    }
    let known: Map<string, LearnFromExemplar[]> = new Map();
    try {
      const scorecard = await client.getEntityScorecard(
        entity.entityRef,
        request,
      );
      known = new Map(
        scorecard.results.map(r => [r.checkId, r.learnFrom ?? []]),
      );
    } catch (error) {
      if (!isNotFound(error)) {
        warn(error);
        if (!(error instanceof ResponseError)) {
          break; // The backend is unreachable: stop asking.
        }
      }
    }
    for (const checkId of failing) {
      const learned = (known.get(checkId) ?? []).slice(0, perGap);
      const found =
        learned.length > 0 ? learned : await exemplarsOfCheck(checkId);
      const others = found.filter(e => e.entity.entityRef !== entity.entityRef);
      if (others.length > 0) {
        exemplars.set(gapKey(entity.entityRef, checkId), others);
      }
    }
  }
  report.exemplars = exemplars;
}
