export * from './PartsFactProvider';
export * from './rollupChecks';
