/**
 * Types, the check engine, the default check pack and the permissions of the
 * readiness plugin. Pure and isomorphic: used by the backend, the frontend and
 * the CLI alike.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './search';
export * from './client';
export * from './permissions';
export * from './facts';
export * from './rules';
export * from './entity';
export * from './pack';
export * from './engine';
export * from './config';
export * from './util';
export * from './preview';
export * from './targets';
