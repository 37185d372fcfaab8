export { EvidenceList } from './EvidenceList';
export type { EvidenceListProps } from './EvidenceList';
