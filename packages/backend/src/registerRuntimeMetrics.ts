import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Meter } from '@opentelemetry/api';

/**
 * Registers the Node.js process's saturation signals as observable gauges,
 * under the names the Prometheus client for Node.js (prom-client) gives them,
 * so that dashboards and the readiness Prometheus module's default queries
 * find them:
 *
 * - `process_resident_memory_bytes`: resident set size;
 * - `nodejs_heap_size_used_bytes`, `nodejs_heap_size_total_bytes`: V8 heap;
 * - `nodejs_eventloop_lag_seconds` and `nodejs_eventloop_lag_p99_seconds`:
 *   mean and 99th percentile event-loop delay since the previous collection.
 *
 * Returns a function that stops the event-loop monitor.
 */
export function registerRuntimeMetrics(meter: Meter): () => void {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();

  const memory = meter.createObservableGauge('process.resident_memory.bytes', {
    description: 'Resident memory size of the process in bytes',
    unit: 'By',
  });
  const heapUsed = meter.createObservableGauge('nodejs.heap_size_used.bytes', {
    description: 'V8 heap used in bytes',
    unit: 'By',
  });
  const heapTotal = meter.createObservableGauge(
    'nodejs.heap_size_total.bytes',
    { description: 'V8 heap size in bytes', unit: 'By' },
  );
  const lag = meter.createObservableGauge('nodejs.eventloop.lag.seconds', {
    description: 'Mean event-loop delay since the previous collection',
    unit: 's',
  });
  const lagP99 = meter.createObservableGauge(
    'nodejs.eventloop.lag.p99.seconds',
    {
      description:
        '99th percentile event-loop delay since the previous collection',
      unit: 's',
    },
  );

  meter.addBatchObservableCallback(
    result => {
      const usage = process.memoryUsage();
      result.observe(memory, usage.rss);
      result.observe(heapUsed, usage.heapUsed);
      result.observe(heapTotal, usage.heapTotal);
      // The histogram is in nanoseconds; NaN until it has a sample.
      if (delay.count > 0) {
        result.observe(lag, delay.mean / 1e9);
        result.observe(lagP99, delay.percentile(99) / 1e9);
      }
      delay.reset();
    },
    [memory, heapUsed, heapTotal, lag, lagP99],
  );
  return () => delay.disable();
}
