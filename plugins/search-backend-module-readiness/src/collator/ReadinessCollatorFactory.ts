import { Readable } from 'node:stream';
import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ResponseError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  GAP_STATES,
  mapWithConcurrency,
} from '@prodready/plugin-readiness-common';
import {
  READINESS_COLLATOR_DEFAULTS,
  readReadinessCollatorConfig,
} from '../config';
import { buildReadinessDocument } from './buildReadinessDocument';
import {
  ReadinessBackendClient,
  ReadinessSearchItem,
} from './ReadinessBackendClient';
import type { ReadinessDocument } from './ReadinessDocument';

/**
 * Options of {@link ReadinessCollatorFactory.fromConfig}.
 *
 * @public
 */
export interface ReadinessCollatorFactoryOptions {
  /** Finds the readiness backend's URL. */
  discovery: DiscoveryService;
  /** Issues the search plugin's tokens for the readiness backend. */
  auth: AuthService;
  /** Where skipped entities and failed pages are reported. */
  logger: LoggerService;
}

/**
 * Collates one {@link ReadinessDocument} per entity scored by the readiness
 * backend (document type `readiness`).
 *
 * It reads `GET /checks` once, then pages through `GET /search` (500
 * entities a page by default). The failing check ids of each entity come
 * with the search items when the backend supports `include=failing`;
 * otherwise they are read from `GET /entities/{kind}/{namespace}/{name}`
 * for the entities that have gaps, a few at a time. Documents carry the
 * entity ref as their authorization resource, so results are filtered by
 * the caller's catalog read permission.
 *
 * @public
 */
export class ReadinessCollatorFactory implements DocumentCollatorFactory {
  /** The document type, by which search results are filtered and rendered. */
  readonly type = 'readiness';
  /**
   * Results are filtered by the caller's catalog read permission, so no one
   * finds the readiness of an entity they cannot see.
   */
  readonly visibilityPermission = catalogEntityReadPermission;

  private readonly client: ReadinessBackendClient;
  private readonly logger: LoggerService;
  private readonly locationTemplate: string;
  private readonly pageSize: number;
  private readonly concurrency: number;

  /** Creates a factory with the settings of `search.collators.readiness`. */
  static fromConfig(
    config: Config,
    options: ReadinessCollatorFactoryOptions,
  ): ReadinessCollatorFactory {
    const settings = readReadinessCollatorConfig(config);
    return new ReadinessCollatorFactory({
      ...options,
      locationTemplate: settings.locationTemplate,
      pageSize: settings.pageSize,
      concurrency: settings.concurrency,
    });
  }

  private constructor(
    options: ReadinessCollatorFactoryOptions & {
      locationTemplate?: string;
      pageSize?: number;
      concurrency?: number;
    },
  ) {
    this.client = ReadinessBackendClient.create(options);
    this.logger = options.logger;
    this.locationTemplate =
      options.locationTemplate ?? READINESS_COLLATOR_DEFAULTS.locationTemplate;
    this.pageSize = options.pageSize ?? READINESS_COLLATOR_DEFAULTS.pageSize;
    this.concurrency =
      options.concurrency ?? READINESS_COLLATOR_DEFAULTS.concurrency;
  }

  /** A stream of the documents, read page by page. */
  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<ReadinessDocument> {
    const pack = await this.client.getChecks();
    let cursor: string | undefined = undefined;
    let includeFailing = true;
    let count = 0;
    for (;;) {
      let page;
      try {
        page = await this.client.search({
          limit: this.pageSize,
          cursor,
          includeFailing,
        });
      } catch (error) {
        if (
          includeFailing &&
          ResponseError.is(error) &&
          error.statusCode === 400
        ) {
          this.logger.info(
            'The readiness backend does not support include=failing on /search; reading failing checks per entity',
          );
          includeFailing = false;
          continue;
        }
        throw error;
      }

      const documents = await mapWithConcurrency(
        page.items,
        this.concurrency,
        async item => {
          const failingCheckIds = await this.failingCheckIds(item);
          if (failingCheckIds === undefined) {
            return undefined;
          }
          return buildReadinessDocument({
            entity: item,
            failingCheckIds,
            pack,
            locationTemplate: this.locationTemplate,
          });
        },
      );
      for (const document of documents) {
        if (document) {
          count++;
          yield document;
        }
      }
      if (!page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
    this.logger.info(`Collated ${count} readiness documents`);
  }

  /**
   * The failing check ids of a search item; `undefined` when the entity is
   * no longer scored (404), so it is left out of the index.
   */
  private async failingCheckIds(
    item: ReadinessSearchItem,
  ): Promise<string[] | undefined> {
    if (Array.isArray(item.failingCheckIds)) {
      return item.failingCheckIds;
    }
    if (item.gaps === 0) {
      return [];
    }
    try {
      const scorecard = await this.client.getScorecard(item.entityRef);
      return scorecard.results
        .filter(result => GAP_STATES.includes(result.state))
        .map(result => result.checkId);
    } catch (error) {
      if (ResponseError.is(error) && error.statusCode === 404) {
        this.logger.debug(
          `Skipping ${item.entityRef}: no longer scored (${error.message})`,
        );
        return undefined;
      }
      throw error;
    }
  }
}
