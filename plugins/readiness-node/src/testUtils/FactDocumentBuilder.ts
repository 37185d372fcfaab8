import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  classifyRepositoryFile,
  FactDocument,
  FactNamespace,
  MetricsFacts,
  OwnerFacts,
  RepositoryFacts,
  RepositoryFileKind,
} from '@prodready/plugin-readiness-common';

/**
 * Builds a `FactDocument` for tests of checks, providers and anything that
 * evaluates entities. The entity namespace is `ok`; every other namespace is
 * absent (read as `not-configured`) until set.
 *
 * @example
 * ```ts
 * const facts = new FactDocumentBuilder(mockComponent({ name: 'payments' }))
 *   .withOwner({ contacts: [{ type: 'chat', label: '#payments' }] })
 *   .withRepository({ files: ['.github/workflows/ci.yml'] })
 *   .notConfigured('metrics')
 *   .build();
 * ```
 *
 * @public
 */
export class FactDocumentBuilder {
  private readonly entity: Entity;
  private entityRef: string;
  private readonly namespaces: Record<string, FactNamespace<unknown>> = {};

  constructor(entity: Entity) {
    this.entity = entity;
    let ref: string;
    try {
      ref = stringifyEntityRef(entity);
    } catch {
      ref = 'component:default/unknown';
    }
    this.entityRef = ref;
    this.namespaces.entity = { status: 'ok', data: entity };
  }

  /** Overrides the entity ref (by default derived from the entity). */
  withEntityRef(entityRef: string): this {
    this.entityRef = entityRef;
    return this;
  }

  /**
   * Sets the `owner` namespace. Defaults: resolved to a Group, the ref from
   * the entity's `spec.owner`, no contacts, no members.
   */
  withOwner(owner: Partial<OwnerFacts> = {}): this {
    const specOwner = (this.entity.spec as { owner?: unknown } | undefined)
      ?.owner;
    return this.withNamespace<OwnerFacts>('owner', {
      resolved: true,
      kind: 'group',
      ownerRef: typeof specOwner === 'string' ? specOwner : undefined,
      contacts: [],
      members: [],
      ...owner,
    });
  }

  /**
   * Sets the `repository` namespace. `filesByKind` is computed from `files`
   * (with `classifyRepositoryFile`) unless given.
   */
  withRepository(repository: Partial<RepositoryFacts> = {}): this {
    const files = repository.files ?? [];
    let filesByKind = repository.filesByKind;
    if (!filesByKind) {
      const byKind: Partial<Record<RepositoryFileKind, string[]>> = {};
      for (const file of files) {
        for (const kind of classifyRepositoryFile(file)) {
          (byKind[kind] ??= []).push(file);
        }
      }
      filesByKind = byKind;
    }
    return this.withNamespace<RepositoryFacts>('repository', {
      location: 'https://github.com/example/repo/tree/main/',
      truncated: false,
      dependencies: [],
      ...repository,
      files,
      filesByKind,
    });
  }

  /** Sets the `metrics` namespace (source `prometheus`, no signals by default). */
  withMetrics(metrics: Partial<MetricsFacts> = {}): this {
    return this.withNamespace<MetricsFacts>('metrics', {
      source: 'prometheus',
      signals: {},
      ...metrics,
    });
  }

  /** Sets any namespace to `ok` with the given data. */
  withNamespace<T>(namespace: string, data: T): this {
    this.namespaces[namespace] = {
      status: 'ok',
      data,
      collectedAt: '2026-01-01T00:00:00.000Z',
    };
    return this;
  }

  /** Marks a namespace `unavailable` (a provider failed), with the reason. */
  unavailable(namespace: string, reason = 'the provider failed'): this {
    this.namespaces[namespace] = { status: 'unavailable', reason };
    return this;
  }

  /** Marks a namespace `not-configured` (no provider for it). */
  notConfigured(namespace: string, reason?: string): this {
    this.namespaces[namespace] = {
      status: 'not-configured',
      ...(reason ? { reason } : {}),
    };
    return this;
  }

  /** The fact document; each call returns a fresh copy of the namespaces. */
  build(): FactDocument {
    return { entityRef: this.entityRef, namespaces: { ...this.namespaces } };
  }
}
