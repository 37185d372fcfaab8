import { ResponseError } from '@backstage/errors';
import { asSentence, errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it("prefers the server's message of a failed request", async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'InputError', message: 'reason must not be empty' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    expect(errorMessage(error)).toBe('reason must not be empty');
  });

  it('uses the message of other errors', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
    expect(errorMessage('plain')).toBe('plain');
  });
});

describe('asSentence', () => {
  it('ends a message with one full stop', () => {
    expect(asSentence('not scored yet')).toBe('not scored yet.');
    expect(asSentence('not scored yet. ')).toBe('not scored yet.');
    expect(asSentence('  ')).toBe('');
  });
});
