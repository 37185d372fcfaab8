import { classifyAlertRules } from './classifyAlertRules';
import type { PrometheusAlertRule } from './PrometheusClient';

function rule(
  name: string,
  query: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): PrometheusAlertRule {
  return { name, group: 'g', query, labels, annotations };
}

const options = { service: 'checkout', serviceLabel: 'service' };

describe('classifyAlertRules', () => {
  it('picks the rules of the service by label or by selector', () => {
    const result = classifyAlertRules(
      [
        rule('ByLabel', 'up == 0', { service: 'checkout' }),
        rule('BySelector', 'up{service="checkout"} == 0'),
        rule('Other', 'up{service="checkout-db"} == 0'),
        rule('Prefix', 'up{my_service="checkout"} == 0'),
      ],
      options,
    );
    expect(result.alertRules).toEqual(['ByLabel', 'BySelector']);
    expect(result.burnRateAlerts).toEqual([]);
  });

  it('lists http(s) runbook_url annotations and marks the catalog runbook', () => {
    const result = classifyAlertRules(
      [
        rule(
          'A',
          'up{service="checkout"} == 0',
          {},
          { runbook_url: 'https://wiki.example.com/runbooks/checkout/' },
        ),
        rule(
          'B',
          'up{service="checkout"} == 0',
          {},
          { runbook_url: 'https://other.example.com/b' },
        ),
        rule('C', 'up{service="checkout"} == 0', {}, { runbook_url: 'TODO' }),
        rule(
          'D',
          'up{service="checkout"} == 0',
          {},
          { runbook_url: 'ftp://files.example.com/runbook.txt' },
        ),
      ],
      {
        ...options,
        runbookLinks: ['https://wiki.example.com/runbooks/checkout'],
      },
    );
    expect(result.alertRunbooks).toEqual([
      "A: https://wiki.example.com/runbooks/checkout/ (the catalog's runbook)",
      'B: https://other.example.com/b',
    ]);
  });

  it('recognises Sloth burn-rate alerts by their labels and expression', () => {
    const sloth = rule(
      'CheckoutAvailabilityPage',
      '(max(slo:sli_error:ratio_rate5m{sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability"} > (14.4 * 0.001)) without (sloth_window)) and (max(slo:sli_error:ratio_rate1h{sloth_id="checkout-availability", sloth_service="checkout", sloth_slo="availability"} > (14.4 * 0.001)) without (sloth_window))',
      { sloth_severity: 'page' },
    );
    const result = classifyAlertRules([sloth], options);
    expect(result.alertRules).toEqual(['CheckoutAvailabilityPage']);
    expect(result.burnRateAlerts).toEqual(['CheckoutAvailabilityPage']);
  });

  it('recognises Pyrra burn-rate alerts by their slo label and burnrate rules', () => {
    const pyrra = rule(
      'ErrorBudgetBurn',
      'http_requests:burnrate5m{slo="checkout-availability"} > (14 * (1-0.99)) and http_requests:burnrate1h{slo="checkout-availability"} > (14 * (1-0.99))',
      { slo: 'checkout-availability', long: '1h', short: '5m' },
    );
    const result = classifyAlertRules([pyrra], options);
    expect(result.burnRateAlerts).toEqual(['ErrorBudgetBurn']);
  });

  it('recognises OpenSLO-generated burn-rate alerts', () => {
    const result = classifyAlertRules(
      [
        rule('CheckoutLatencyBudget', 'vector(1)', {
          service: 'checkout',
          openslo_slo: 'latency',
        }),
        rule(
          'CheckoutFastBurn',
          'checkout_slo_burn_rate{service="checkout",window="1h"} > 14.4',
        ),
      ],
      options,
    );
    expect(result.burnRateAlerts).toEqual([
      'CheckoutFastBurn',
      'CheckoutLatencyBudget',
    ]);
  });

  it('does not take a plain threshold alert for a burn-rate alert', () => {
    const result = classifyAlertRules(
      [rule('HighErrors', 'rate(errors_total{service="checkout"}[5m]) > 1')],
      options,
    );
    expect(result.burnRateAlerts).toEqual([]);
  });
});
