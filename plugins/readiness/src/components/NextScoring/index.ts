export { NextScoring } from './NextScoring';
export { describeNextScoring } from './describeNextScoring';
