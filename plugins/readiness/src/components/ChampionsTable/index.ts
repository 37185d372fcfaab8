export { ChampionsTable } from './ChampionsTable';
export type { ChampionsTableProps } from './ChampionsTable';
