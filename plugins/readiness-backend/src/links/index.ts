export * from './LinkVerificationFactProvider';
export * from './LinkVerifier';
export * from './readLinkVerifyConfig';
