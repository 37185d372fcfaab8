import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readPushedFactsConfig } from './readPushedFactsConfig';

const read = (pushedFacts: JsonObject) =>
  readPushedFactsConfig(new ConfigReader({ readiness: { pushedFacts } }));

describe('readPushedFactsConfig', () => {
  it('is empty without the section', () => {
    expect(readPushedFactsConfig(new ConfigReader({})).size).toBe(0);
  });

  it('compiles each schema and reads the TTL (default 7 days)', () => {
    const keys = read({
      coverage: { schema: { type: 'number', maximum: 100 } },
      scan: { schema: { type: 'object' }, ttl: '1d' },
    });
    const coverage = keys.get('coverage')!;
    expect(coverage.ttlMs).toBe(7 * 24 * 3600 * 1000);
    expect(coverage.validate(80)).toBe(true);
    expect(coverage.validate(101)).toBe(false);
    expect(coverage.validate('80')).toBe(false);
    expect(keys.get('scan')!.ttlMs).toBe(24 * 3600 * 1000);
  });

  it.each([
    [{ 'a.b': { schema: {} } }, /readiness\.pushedFacts\.a\.b/],
    [{ coverage: {} }, /readiness\.pushedFacts\.coverage\.schema/],
    [
      { coverage: { schema: { type: 'numbr' } } },
      /^Invalid value at readiness\.pushedFacts\.coverage\.schema: not a valid JSON schema/,
    ],
    [
      { coverage: { schema: {}, ttl: 'soon' } },
      /readiness\.pushedFacts\.coverage\.ttl: "soon"/,
    ],
  ])('refuses %j naming the key', (section, message) => {
    expect(() => read(section as JsonObject)).toThrow(message);
  });
});
