export * from './buildRepositoryFacts';
export * from './classifyRepositoryFile';
export * from './parseDependencyManifest';
export * from './readGroupContacts';
export * from './readCatalogRefs';
export * from './buildOwnerFacts';
export * from './judgeRootCiFile';
export * from './splitRepositoryUrl';
