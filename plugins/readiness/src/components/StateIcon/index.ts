export { StateIcon, stateLabel } from './StateIcon';
export type { StateIconProps } from './StateIcon';
