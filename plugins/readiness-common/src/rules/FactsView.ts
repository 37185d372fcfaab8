import type {
  Evidence,
  EvidenceStrength,
  FactDocument,
  RepositoryFileKind,
} from '../types';
import * as repositoryFile from '../facts/classifyRepositoryFile';
import * as entityTier from '../entity/readEntityTier';
import { TierFinding } from '../entity/readEntityTier';
import * as linkKinds from './linkKinds';
import * as safeUrl from './isSafeUrl';
import {
  describeNamespaceProblem,
  type NamespaceProblemCache,
} from './describeNamespaceProblem';
import { classifyLinkUrl, LinkHostMatch } from './linkHosts';
import { isRecord } from '../util/isRecord';

// Local copies of hot imported bindings: tsx and jest read an imported
// binding through getters on every access (see RuleNode.ts).
const { classifyRepositoryFile } = repositoryFile;
const { findEntityTier } = entityTier;
const { classifyEntityLink } = linkKinds;
const { hasInvisible, isSafeUrl, MAX_URL_LENGTH } = safeUrl;

/** Namespace states as small integers, for speed. */
export const NS_OK = 0;
export const NS_NOT_CONFIGURED = 1;
export const NS_UNAVAILABLE = 2;

/** Longest text copied from facts into evidence or reasons. */
export const MAX_TEXT = 300;

/** Namespaces whose data must be an object when `ok`. */
const OBJECT_NAMESPACES = new Set(['entity', 'owner', 'repository', 'metrics']);

/**
 * A link of the entity, with what it was recognised as.
 *
 * @internal
 */
export interface LinkView {
  url?: string;
  title?: string;
  type?: string;
  icon?: string;
  kinds: readonly string[];
  by: 'type' | 'title' | 'icon' | 'url' | 'none';
  /**
   * False when the link has a URL that `isSafeUrl` rejects: it never
   * counts. Decided when first asked, through {@link isLinkSafe}.
   */
  safe?: boolean;
  /**
   * The tool the URL points at (`null`: none known). Decided when first
   * asked, through {@link linkHost}.
   */
  host?: LinkHostMatch | null;
}

/**
 * The tool a link's URL points at (see `LINK_HOSTS`), decided once per link.
 *
 * @internal
 */
export function linkHost(link: LinkView): LinkHostMatch | undefined {
  if (link.host === undefined) {
    link.host = (link.url && classifyLinkUrl(link.url)) || null;
  }
  return link.host ?? undefined;
}

/**
 * Whether a link may count: it has no URL or one that `isSafeUrl` accepts.
 * Decided once per link, when first asked (most links match no rule).
 *
 * @internal
 */
export function isLinkSafe(link: LinkView): boolean {
  if (link.safe === undefined) {
    link.safe = link.url === undefined || isSafeUrl(link.url);
  }
  return link.safe;
}

/**
 * A dependency of the repository, checked for shape.
 *
 * @internal
 */
export interface DependencyView {
  name: string;
  ecosystem: string;
  manifest?: string;
}

// Rules read it from here with the other fact helpers; one definition.
export { isRecord };

/** @internal */
export function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** What the view knows of one namespace. */
interface NamespaceEntry {
  state: number;
  data: unknown;
  reason: string | undefined;
}

/**
 * A read-only, lazily indexed view of one fact document. Built once per
 * evaluated entity; never throws on malformed facts (wrong types read as
 * absent).
 *
 * @internal
 */
export class FactsView {
  readonly facts: FactDocument;
  private readonly namespaces: Record<string, unknown> | undefined;
  private entityEntry: NamespaceEntry | undefined;
  private ownerEntry: NamespaceEntry | undefined;
  private repositoryEntry: NamespaceEntry | undefined;
  private metricsEntry: NamespaceEntry | undefined;
  private otherEntries: Record<string, NamespaceEntry> | undefined;

  private metadataCache: Record<string, unknown> | null | undefined;
  private annotationKeysCache: readonly string[] | undefined;
  private linksCache: LinkView[] | undefined;
  private tierCache: TierFinding | null | undefined;
  private filesCache: readonly string[] | undefined;
  private classifiedCache: Record<string, readonly string[]> | undefined;
  private dependenciesCache: readonly DependencyView[] | undefined;
  private fileBaseCache: string | null | undefined;

  private readonly problemCache: NamespaceProblemCache | undefined;

  /**
   * @param facts - the fact document
   * @param problemCache - where to reuse problem texts between documents
   */
  constructor(facts: FactDocument, problemCache?: NamespaceProblemCache) {
    this.facts = facts;
    this.problemCache = problemCache;
    const namespaces = isRecord(facts) ? facts.namespaces : undefined;
    this.namespaces = isRecord(namespaces) ? namespaces : undefined;
  }

  private entry(namespace: string): NamespaceEntry {
    switch (namespace) {
      case 'entity':
        return (this.entityEntry ??= this.read(namespace));
      case 'owner':
        return (this.ownerEntry ??= this.read(namespace));
      case 'repository':
        return (this.repositoryEntry ??= this.read(namespace));
      case 'metrics':
        return (this.metricsEntry ??= this.read(namespace));
      default: {
        const others = (this.otherEntries ??= Object.create(null) as Record<
          string,
          NamespaceEntry
        >);
        return (others[namespace] ??= this.read(namespace));
      }
    }
  }

  private read(namespace: string): NamespaceEntry {
    const entry = this.namespaces?.[namespace];
    if (!isRecord(entry)) {
      return {
        state: NS_NOT_CONFIGURED,
        data: undefined,
        reason: entry === undefined ? 'no provider fills it' : 'malformed',
      };
    }
    const reason = typeof entry.reason === 'string' ? entry.reason : undefined;
    switch (entry.status) {
      case 'ok':
        if (OBJECT_NAMESPACES.has(namespace) && !isRecord(entry.data)) {
          return {
            state: NS_UNAVAILABLE,
            data: undefined,
            reason: 'the provider returned malformed data',
          };
        }
        return { state: NS_OK, data: entry.data, reason };
      case 'not-configured':
        return { state: NS_NOT_CONFIGURED, data: undefined, reason };
      case 'unavailable':
        return { state: NS_UNAVAILABLE, data: undefined, reason };
      default:
        return {
          state: NS_UNAVAILABLE,
          data: undefined,
          reason: 'the provider reported an unknown status',
        };
    }
  }

  /** The state of a namespace: NS_OK, NS_NOT_CONFIGURED or NS_UNAVAILABLE. */
  state(namespace: string): number {
    return this.entry(namespace).state;
  }

  /** The data of an `ok` namespace. */
  data(namespace: string): unknown {
    return this.entry(namespace).data;
  }

  /** Why a namespace that is not `ok` cannot be used, one line. */
  problem(namespace: string, brief = false): string {
    const entry = this.entry(namespace);
    return describeNamespaceProblem(
      namespace,
      entry.state,
      entry.reason,
      brief,
      this.problemCache,
    );
  }

  /** The entity (data of `entity`), or undefined. */
  entity(): Record<string, unknown> | undefined {
    return this.entry('entity').data as Record<string, unknown> | undefined;
  }

  metadata(): Record<string, unknown> | undefined {
    if (this.metadataCache === undefined) {
      const metadata = this.entity()?.metadata;
      this.metadataCache = isRecord(metadata) ? metadata : null;
    }
    return this.metadataCache ?? undefined;
  }

  annotations(): Record<string, unknown> | undefined {
    const annotations = this.metadata()?.annotations;
    return isRecord(annotations) ? annotations : undefined;
  }

  /** The annotation keys, computed once. */
  annotationKeys(): readonly string[] {
    if (this.annotationKeysCache === undefined) {
      const annotations = this.annotations();
      this.annotationKeysCache = annotations ? Object.keys(annotations) : EMPTY;
    }
    return this.annotationKeysCache;
  }

  labels(): Record<string, unknown> | undefined {
    const labels = this.metadata()?.labels;
    return isRecord(labels) ? labels : undefined;
  }

  tags(): readonly unknown[] {
    const tags = this.metadata()?.tags;
    return Array.isArray(tags) ? tags : EMPTY;
  }

  links(): readonly LinkView[] {
    if (this.linksCache === undefined) {
      const raw = this.metadata()?.links;
      const links: LinkView[] = [];
      if (Array.isArray(raw)) {
        for (const link of raw) {
          if (!isRecord(link)) {
            continue;
          }
          const { kinds, by } = classifyEntityLink(link);
          const url = typeof link.url === 'string' ? link.url : undefined;
          links.push({
            url,
            title: typeof link.title === 'string' ? link.title : undefined,
            type: typeof link.type === 'string' ? link.type : undefined,
            icon: typeof link.icon === 'string' ? link.icon : undefined,
            kinds,
            by,
          });
        }
      }
      this.linksCache = links;
    }
    return this.linksCache;
  }

  tier(): TierFinding | undefined {
    if (this.tierCache === undefined) {
      this.tierCache = findEntityTier(this.metadata()) ?? null;
    }
    return this.tierCache ?? undefined;
  }

  private repository(): Record<string, unknown> | undefined {
    return this.entry('repository').data as Record<string, unknown> | undefined;
  }

  files(): readonly string[] {
    if (this.filesCache === undefined) {
      this.filesCache = stringList(this.repository()?.files);
    }
    return this.filesCache;
  }

  /** Files of a kind: from `filesByKind`, or classified by path when absent. */
  filesOfKind(kind: RepositoryFileKind): readonly string[] {
    if (this.classifiedCache === undefined) {
      const index: Record<string, readonly string[]> = Object.create(null);
      const byKind = this.repository()?.filesByKind;
      if (isRecord(byKind)) {
        for (const key in byKind) {
          if (Object.hasOwn(byKind, key)) {
            index[key] = stringList(byKind[key]);
          }
        }
      } else {
        for (const file of this.files()) {
          for (const fileKind of classifyRepositoryFile(file)) {
            ((index[fileKind] as string[] | undefined) ??= []).push(file);
          }
        }
      }
      this.classifiedCache = index;
    }
    return this.classifiedCache[kind] ?? EMPTY;
  }

  dependencies(): readonly DependencyView[] {
    if (this.dependenciesCache === undefined) {
      const raw = this.repository()?.dependencies;
      const list: DependencyView[] = [];
      if (Array.isArray(raw)) {
        for (const dep of raw) {
          if (isRecord(dep) && typeof dep.name === 'string') {
            list.push({
              name: dep.name,
              ecosystem: typeof dep.ecosystem === 'string' ? dep.ecosystem : '',
              manifest:
                typeof dep.manifest === 'string' ? dep.manifest : undefined,
            });
          }
        }
      }
      this.dependenciesCache = list;
    }
    return this.dependenciesCache;
  }

  /**
   * A browsable URL of a repository file when the location is a web URL
   * that `isSafeUrl` accepts; the result is one too (the path is checked
   * alone, which is cheaper than checking the joined URL).
   */
  fileUrl(path: string): string | undefined {
    if (this.fileBaseCache === undefined) {
      const raw = this.repository()?.location;
      let base: string | null = null;
      if (typeof raw === 'string') {
        let location = raw;
        if (location.startsWith('url:')) {
          location = location.slice(4);
        }
        if (isSafeUrl(location)) {
          base = location.endsWith('/') ? location : `${location}/`;
        }
      }
      this.fileBaseCache = base;
    }
    const base = this.fileBaseCache;
    if (
      !base ||
      base.length + path.length > MAX_URL_LENGTH ||
      hasInvisible(path)
    ) {
      return undefined;
    }
    return base + path;
  }

  owner(): Record<string, unknown> | undefined {
    return this.entry('owner').data as Record<string, unknown> | undefined;
  }

  metrics(): Record<string, unknown> | undefined {
    return this.entry('metrics').data as Record<string, unknown> | undefined;
  }
}

function stringList(value: unknown): readonly string[] {
  if (!Array.isArray(value)) {
    return EMPTY;
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') {
      return value.filter((v): v is string => typeof v === 'string');
    }
  }
  return value as string[];
}

/**
 * Renders a fact value for evidence, bounded in size.
 *
 * @internal
 */
export function evidenceValue(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return truncate(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (isRecord(value)) {
    return 'object';
  }
  return undefined;
}

/**
 * Evidence for a value that may be a URL; `declared` unless said otherwise
 * (a value from the entity is what someone wrote in the catalog).
 *
 * @internal
 */
export function valueEvidence(
  kind: Evidence['kind'],
  label: string,
  value: unknown,
  strength: EvidenceStrength = 'declared',
): Evidence {
  const text = evidenceValue(value);
  const evidence: Evidence = { kind, label: truncate(label), strength };
  if (text !== undefined) {
    evidence.value = text;
    if (isSafeUrl(value)) {
      evidence.url = value;
    }
  }
  return evidence;
}
