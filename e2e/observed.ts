/*
 * What the browser tests ask the Prometheus that scrapes the example backend
 * with the monitoring mixin's rules loaded (observability/).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { headingAnchor } from '../observability/scripts/checkMixin';
import { MIXIN } from '../observability/scripts/mixin';
import { waitFor } from './stack';

/** The service label the scrape config gives the backend's series. */
export const OBSERVED_SERVICE = 'readiness-backend';

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

interface AlertRule {
  name: string;
  type: 'alerting' | 'recording';
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** An instant query; the samples it returns. */
export async function prometheusQuery(
  baseUrl: string,
  query: string,
): Promise<Sample[]> {
  const response = await fetch(
    `${baseUrl}/api/v1/query?query=${encodeURIComponent(query)}`,
  );
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { result: Sample[] };
  };
  if (body.status !== 'success') {
    throw new Error(`Prometheus rejected ${query}: ${body.error}`);
  }
  return body.data?.result ?? [];
}

/** The alerting rules Prometheus has loaded. */
export async function loadedAlertRules(baseUrl: string): Promise<AlertRule[]> {
  const response = await fetch(`${baseUrl}/api/v1/rules?type=alert`);
  const body = (await response.json()) as {
    data: { groups: Array<{ rules: AlertRule[] }> };
  };
  return body.data.groups.flatMap(g => g.rules);
}

/** The alert names of the mixin's rule files. */
function mixinAlertNames(): string[] {
  const names = new Set<string>();
  for (const file of [MIXIN.rules, MIXIN.sloRules]) {
    for (const [, name] of fs
      .readFileSync(file, 'utf8')
      .matchAll(/^\s*- alert: (\S+)$/gm)) {
      names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Waits until Prometheus scrapes the backend, has computed the API's traffic,
 * error ratio and SLO series from it, and has loaded every alert of the mixin.
 */
export async function waitForObservedSignals(baseUrl: string): Promise<void> {
  const selector = `service="${OBSERVED_SERVICE}"`;
  const queries = [
    `up{${selector}} == 1`,
    `sum(rate(readiness_http_server_request_duration_count{${selector}}[5m])) > 0`,
    `readiness:http_errors:ratio_rate5m{${selector}}`,
    `slo:sli_error:ratio_rate5m{sloth_service="${OBSERVED_SERVICE}"}`,
    `max(nodejs_eventloop_lag_p99_seconds{${selector}})`,
  ];
  const expectedAlerts = mixinAlertNames();
  let missing: string[] = [];
  await waitFor(
    `Prometheus to answer ${queries.length} queries and load ${expectedAlerts.length} alerts`,
    async () => {
      missing = [];
      for (const query of queries) {
        if ((await prometheusQuery(baseUrl, query)).length === 0) {
          missing.push(query);
        }
      }
      const loaded = new Set(
        (await loadedAlertRules(baseUrl)).map(r => r.name),
      );
      missing.push(...expectedAlerts.filter(name => !loaded.has(name)));
      return missing.length === 0;
    },
    90_000,
    2000,
  ).catch(error => {
    throw new Error(`${(error as Error).message}; still missing: ${missing}`);
  });
}

/**
 * Asserts that every alert Prometheus loaded has a severity and a
 * runbook_url pointing at a heading of docs/runbook.md. Returns their names.
 */
export async function assertAlertsHaveRunbooks(
  baseUrl: string,
): Promise<string[]> {
  const anchors = new Set(
    Array.from(
      fs.readFileSync(MIXIN.runbook, 'utf8').matchAll(/^#{1,6}\s+(.+)$/gm),
      m => headingAnchor(m[1]),
    ),
  );
  const rules = await loadedAlertRules(baseUrl);
  assert.ok(rules.length > 0, 'Prometheus has no alert rules');
  for (const rule of rules) {
    assert.ok(rule.labels?.severity, `${rule.name} has no severity`);
    const anchor = rule.annotations?.runbook_url?.match(
      /\/docs\/runbook\.md#(.+)$/,
    )?.[1];
    assert.ok(
      anchor && anchors.has(anchor),
      `${rule.name}: runbook_url ${rule.annotations?.runbook_url} is no section of docs/runbook.md`,
    );
  }
  return [...new Set(rules.map(r => r.name))].sort();
}
