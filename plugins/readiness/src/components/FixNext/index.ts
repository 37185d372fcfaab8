export { FixNext } from './FixNext';
export type { FixNextProps } from './FixNext';
