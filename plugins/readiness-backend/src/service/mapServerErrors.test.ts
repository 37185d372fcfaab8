import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import { mapServerErrors } from './mapServerErrors';
import { ReadinessHealth } from './ReadinessHealth';

function handlerWith(databaseUp: boolean) {
  const logger = mockServices.logger.mock();
  const handler = mapServerErrors({
    health: ReadinessHealth.create({
      checkDatabase: async () => {
        if (!databaseUp) throw new Error('connect ECONNREFUSED');
      },
      listRuns: async () => [],
    }),
    logger,
  });
  const run = async (error: unknown) => {
    let passed: unknown;
    const next: NextFunction = e => {
      passed = e;
    };
    await handler(
      error,
      { method: 'GET', path: '/search' } as Request,
      {} as Response,
      next,
    );
    return passed as Error;
  };
  return { run, logger };
}

const pgError = () =>
  Object.assign(
    new Error(
      'select * from "entity_scores" where "name" = $1 - invalid byte sequence for encoding "UTF8": 0x00',
    ),
    { code: '22021' },
  );

describe('mapServerErrors', () => {
  it('passes client errors through unchanged', async () => {
    const { run } = handlerWith(false);
    const error = new InputError('Invalid owner');
    await expect(run(error)).resolves.toBe(error);
  });

  it('turns a server error during a database outage into a 503', async () => {
    const { run } = handlerWith(false);
    await expect(
      run(new Error('Connection terminated')),
    ).resolves.toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'The readiness database is unavailable; try again later',
    });
  });

  it('answers a database error without its SQL text, and logs it in full', async () => {
    const { run, logger } = handlerWith(true);
    const mapped = await run(pgError());
    expect(mapped.message).toBe('The database could not answer this request');
    expect(logger.error).toHaveBeenCalledWith(
      'Database error on GET /search',
      expect.objectContaining({ code: '22021' }),
    );
    const bug = new TypeError('x is undefined');
    await expect(run(bug)).resolves.toBe(bug);
  });
});
