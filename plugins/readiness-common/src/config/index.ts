export * from './readCheckPackFromConfig';
export * from './readOwnerShareConfig';
