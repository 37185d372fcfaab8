import type { Entity } from '@backstage/catalog-model';
import {
  classifyEntityLink,
  type FactNamespace,
  type LinksFacts,
} from '@prodready/plugin-readiness-common';
import type {
  FactProviderContext,
  ReadinessFactProvider,
} from '@prodready/plugin-readiness-node';
import { LinkVerifier } from './LinkVerifier';
import type { LinkVerifyConfig } from './readLinkVerifyConfig';

/** The kinds of link that are fetched. */
const VERIFIED_KINDS = new Set(['runbook', 'dashboard', 'logs']);

/**
 * Options of {@link LinkVerificationFactProvider.create}.
 *
 * @internal
 */
export interface LinkVerificationFactProviderOptions {
  config: LinkVerifyConfig;
  /** Clock for the cache and the rate limit (tests). */
  now?: () => number;
}

/**
 * Fills the `links` namespace when `readiness.links.verify.enabled` is set:
 * the runbook, dashboard and logs links of the entity (recognised as the
 * checks recognise them), fetched by a {@link LinkVerifier}. A link that
 * answered makes its evidence `observed`; a dead one is not counted, so a
 * dead runbook link fails `runbook.runbook` with the status it got.
 *
 * @internal
 */
export class LinkVerificationFactProvider implements ReadinessFactProvider {
  readonly id = 'link-verification';
  readonly namespaces = ['links'];

  readonly #verifier: LinkVerifier;
  readonly #maxLinks: number;

  static create(
    options: LinkVerificationFactProviderOptions,
  ): LinkVerificationFactProvider {
    return new LinkVerificationFactProvider(options);
  }

  private constructor(options: LinkVerificationFactProviderOptions) {
    this.#verifier = LinkVerifier.create(options);
    this.#maxLinks = options.config.maxLinksPerEntity;
  }

  async collect(
    entity: Entity,
    context: FactProviderContext,
  ): Promise<Record<string, FactNamespace<LinksFacts>>> {
    const urls = new Set<string>();
    for (const link of entity.metadata.links ?? []) {
      if (urls.size >= this.#maxLinks) {
        break;
      }
      if (typeof link?.url !== 'string') {
        continue;
      }
      const { kinds } = classifyEntityLink(link);
      if (kinds.some(kind => VERIFIED_KINDS.has(kind))) {
        urls.add(link.url);
      }
    }
    const checks = await Promise.all(
      [...urls].map(url => this.#verifier.verify(url, context.signal)),
    );
    return {
      links: {
        status: 'ok',
        data: { checks },
        collectedAt: new Date().toISOString(),
      },
    };
  }
}
