export { readConfigValues } from './readConfigValues';
export type { ConfigValues } from './readConfigValues';
