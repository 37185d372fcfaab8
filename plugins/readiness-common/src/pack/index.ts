export { createCheckPack } from './CheckPack';
export type { CheckPack, CreateCheckPackOptions } from './CheckPack';
export * from './attestedChecks';
export * from './defaultChecks';
export * from './defaultLevels';
export * from './annotations';
export * from './compareLevels';
export * from './toCheckInfo';
export * from './apiChecks';
