/**
 * The readiness backend plugin: collects facts, scores every catalog entity on
 * a schedule, keeps change-only history and serves the REST API.
 *
 * @packageDocumentation
 */

export { readinessPlugin as default } from './plugin';
