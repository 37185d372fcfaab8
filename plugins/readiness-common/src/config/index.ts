export * from './readCheckPackFromConfig';
