import '@testing-library/jest-dom';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. In
// tests the charts get no size and draw nothing; their text equivalents are
// what the tests read.
if (!('ResizeObserver' in globalThis)) {
  class NoopResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });
}

/**
 * Warnings of libraries under test, not of this plugin, that would bury its
 * own in CI logs: jsdom does no layout (so charts measure 0 × 0), Backstage's
 * test wrappers use React Router 6 without its v7 flags, and Material UI v4
 * and material-table use React APIs that React 18 warns about.
 */
const THIRD_PARTY_NOISE = [
  /^The width\(0\) and height\(0\) of chart should be greater than 0/,
  /^⚠️ React Router Future Flag Warning/,
  /^Warning: findDOMNode is deprecated/,
  /Support for defaultProps will be removed from (function|memo) components/,
];

for (const level of ['warn', 'error'] as const) {
  // eslint-disable-next-line no-console
  const original = console[level];
  // eslint-disable-next-line no-console
  console[level] = (...args: unknown[]) => {
    const [first] = args;
    if (
      typeof first === 'string' &&
      THIRD_PARTY_NOISE.some(pattern => pattern.test(first))
    ) {
      return;
    }
    original(...args);
  };
}
