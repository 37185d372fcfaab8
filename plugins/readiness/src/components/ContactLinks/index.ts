export { ContactLinks } from './ContactLinks';
export type { ContactLinksProps } from './ContactLinks';
