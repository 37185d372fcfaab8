import type { LevelDefinition } from '../types';

/**
 * The default levels, lowest first: bronze (the basics: owned, built,
 * findable logs, a runbook), silver (observable and safely deployable), gold
 * (verified live, positive monitoring and SLOs, learning from incidents).
 *
 * @public
 */
export const defaultLevels: LevelDefinition[] = [
  { id: 'bronze', title: 'Bronze', color: '#a86b32' },
  { id: 'silver', title: 'Silver', color: '#8a949e' },
  { id: 'gold', title: 'Gold', color: '#c9a227' },
];
