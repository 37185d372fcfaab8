import type { Config } from '@backstage/config';
import { readConfigValues } from '@prodready/plugin-readiness-node';

/**
 * Settings of link verification, read from `readiness.links.verify`.
 *
 * @internal
 */
export interface LinkVerifyConfig {
  /** Whether links are fetched at all. */
  enabled: boolean;
  /** Time budget of one request, in milliseconds. */
  timeoutMs: number;
  /** How long what a URL answered is reused, in milliseconds. */
  cacheTtlMs: number;
  /** Least time between two requests to the same host, in milliseconds. */
  perHostIntervalMs: number;
  /**
   * Hosts that may be fetched (exact names, or `*.example.com` for any
   * subdomain); empty: any public host.
   */
  allowedHosts: string[];
  /** Whether private, loopback and link-local addresses may be fetched. */
  allowPrivateAddresses: boolean;
  /** Most links fetched per entity. */
  maxLinksPerEntity: number;
}

const PREFIX = 'readiness.links.verify';

/** The defaults, documented in config.d.ts with `@default`. */
const DEFAULTS = {
  timeoutMs: 5000,
  cacheTtlMs: 60 * 60 * 1000,
  perHostIntervalMs: 500,
  maxLinksPerEntity: 10,
};

/**
 * Reads `readiness.links.verify.*`. Bad values throw an `InputError` naming
 * the config path and the value.
 *
 * @internal
 */
export function readLinkVerifyConfig(config: Config): LinkVerifyConfig {
  const values = readConfigValues(config, PREFIX);
  const hosts = config.getOptional(values.path('allowedHosts'));
  let allowedHosts: string[] = [];
  if (hosts !== undefined) {
    if (
      !Array.isArray(hosts) ||
      !hosts.every(
        host =>
          typeof host === 'string' && /^(\*\.)?[a-z0-9.:[\]-]+$/i.test(host),
      )
    ) {
      throw values.invalid(
        'allowedHosts',
        hosts,
        'a list of host names (e.g. wiki.example.com, *.example.com)',
      );
    }
    allowedHosts = (hosts as string[]).map(host => host.toLowerCase());
  }
  return {
    enabled: values.boolean('enabled', { default: false }),
    timeoutMs: values.durationMs('timeout', { default: DEFAULTS.timeoutMs }),
    cacheTtlMs: values.durationMs('cacheTtl', {
      default: DEFAULTS.cacheTtlMs,
      allowZero: true,
    }),
    perHostIntervalMs: values.durationMs('perHostInterval', {
      default: DEFAULTS.perHostIntervalMs,
      allowZero: true,
    }),
    allowedHosts,
    allowPrivateAddresses: values.boolean('allowPrivateAddresses', {
      default: false,
    }),
    maxLinksPerEntity: values.integer('maxLinksPerEntity', {
      default: DEFAULTS.maxLinksPerEntity,
      min: 1,
      max: 100,
    }),
  };
}
