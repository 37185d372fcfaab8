import { NotFoundError } from '@backstage/errors';
import { describeError } from './describeError';

describe('describeError', () => {
  it('gives the message of a plain Error', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
  });

  it('names errors of a more telling type', () => {
    expect(describeError(new NotFoundError('no such repository'))).toBe(
      'NotFoundError: no such repository',
    );
  });

  it('describes thrown values that are not errors', () => {
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(42)).toBe('42');
  });

  it('keeps it to one line', () => {
    expect(describeError(new Error('line one\n  line two\t end '))).toBe(
      'line one line two end',
    );
  });

  it('cuts long descriptions with an ellipsis', () => {
    const text = describeError(new Error('x'.repeat(500)));
    expect(text).toHaveLength(300);
    expect(text.endsWith('…')).toBe(true);
    expect(describeError(new Error('abcdef'), { maxLength: 4 })).toBe('abc…');
  });
});
