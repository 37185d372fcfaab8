export * from './CatalogFactProvider';
export * from './DefaultFactCollector';
export * from './FactCollector';
export * from './readRepositoryConfig';
export * from './readUrlRepository';
export * from './RepositoryFactProvider';
export * from './resolveSourceLocation';
