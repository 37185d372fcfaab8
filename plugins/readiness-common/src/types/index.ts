export * from './facts';
export * from './checks';
export * from './results';
export * from './api';
export * from './campaigns';
export * from './rollups';
export * from './preview';
