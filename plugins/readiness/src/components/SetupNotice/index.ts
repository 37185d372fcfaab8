export { SetupNotice } from './SetupNotice';
export type { SetupNoticeProps } from './SetupNotice';
