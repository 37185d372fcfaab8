/**
 * Node library of the readiness plugin: extension points for fact providers
 * and code checks, and helpers for writing and testing them.
 *
 * @packageDocumentation
 */

export * from './ReadinessFactProvider';
export * from './extensions';
export * from './config';
export * from './repository';
export * from './testUtils';
