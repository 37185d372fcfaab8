import type { RunInfo } from '@prodready/plugin-readiness-common';
import type { VisibleEntityRefs } from '../../database/ReadinessStore';

/**
 * A run error about one entity starts with its ref (`kind:namespace/name: `),
 * as the scoring service writes it.
 */
const ENTITY_ERROR = /^([A-Za-z][\w-]*:[\w.-]+\/[\w.-]+): /;

/**
 * The run with only the errors the caller may see: an error about an entity
 * the caller cannot read in the catalog would name that entity, so it is left
 * out, and a last line says how many were left out. Errors about no entity
 * (a failed run, "… and N more") are kept.
 *
 * @internal
 */
export function visibleRunErrors(
  run: RunInfo,
  visible: VisibleEntityRefs,
): RunInfo {
  if (!visible) {
    return run;
  }
  const readable = new Set(visible.map(ref => ref.toLocaleLowerCase('en-US')));
  let hidden = 0;
  const errors = run.errors.filter(error => {
    const ref = ENTITY_ERROR.exec(error)?.[1];
    if (ref && !readable.has(ref.toLocaleLowerCase('en-US'))) {
      hidden += 1;
      return false;
    }
    return true;
  });
  if (hidden > 0) {
    errors.push(
      `${hidden} ${
        hidden === 1 ? 'error' : 'errors'
      } about entities you cannot read not shown`,
    );
  }
  return { ...run, errors };
}
