export * from './FactDocumentBuilder';
export * from './mockCheck';
export * from './mockComponent';
export * from './mockFactProvider';
