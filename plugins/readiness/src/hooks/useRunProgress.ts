import { useApi } from '@backstage/core-plugin-api';
import type { RunInfo } from '@prodready/plugin-readiness-common';
import { useEffect, useRef, useState } from 'react';
import { readinessApiRef } from '../api/ReadinessApi';

/** How often a running run is asked for its progress. */
const DEFAULT_POLL_MS = 2000;
/** Polls in a row that may fail before the progress stops being followed. */
const MAX_FAILED_POLLS = 5;

/**
 * Follows a run while it runs: asks the backend for its progress every
 * `pollMs` and calls `onEnd` once when it has ended (succeeded or failed),
 * so the caller can reload what the run changed. Returns the newest known
 * state of the run.
 *
 * @public
 */
export function useRunProgress(
  run: RunInfo | undefined,
  onEnd: (run: RunInfo) => void,
  pollMs: number = DEFAULT_POLL_MS,
): RunInfo | undefined {
  const api = useApi(readinessApiRef);
  const [latest, setLatest] = useState<RunInfo | undefined>(run);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    setLatest(run);
    if (run?.status !== 'running') {
      return undefined;
    }
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await api.getRun(run.id);
        failures = 0;
        if (stopped) {
          return;
        }
        setLatest(next);
        if (next.status !== 'running') {
          onEndRef.current(next);
          return;
        }
      } catch {
        // A missed poll is retried; a backend that stays away ends the polling.
        failures += 1;
        if (failures >= MAX_FAILED_POLLS) {
          return;
        }
      }
      if (!stopped) {
        timer = setTimeout(poll, pollMs);
      }
    };
    timer = setTimeout(poll, pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, run, pollMs]);

  return latest;
}

/**
 * A run's progress in a few words: `12 of 55 scored, 1 error`.
 *
 * @public
 */
export function describeRunProgress(run: RunInfo): string {
  const done = run.entitiesTotal
    ? `${run.entitiesDone} of ${run.entitiesTotal} scored`
    : `${run.entitiesDone} scored`;
  const errors = run.errors.length;
  return errors
    ? `${done}, ${errors === 1 ? '1 error' : `${errors} errors`}`
    : done;
}
