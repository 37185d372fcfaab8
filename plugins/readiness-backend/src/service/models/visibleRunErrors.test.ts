import type { RunInfo } from '@prodready/plugin-readiness-common';
import { visibleRunErrors } from './visibleRunErrors';

const run: RunInfo = {
  id: 'r1',
  trigger: 'schedule',
  status: 'succeeded',
  startedAt: '2026-11-26T09:00:00.000Z',
  finishedAt: '2026-11-26T09:00:03.000Z',
  entitiesTotal: 3,
  entitiesDone: 3,
  errors: [
    'component:default/payments-api: Timed out after 5 s reading facts',
    'component:default/Secret-Svc: Connection reset',
    'api:team-a/secret.v2: Bad YAML',
    '… and 4 more errors',
  ],
};

describe('visibleRunErrors', () => {
  it('keeps every error for a caller who may read everything', () => {
    expect(visibleRunErrors(run, undefined)).toBe(run);
  });

  it('leaves out errors that name entities the caller cannot read, and says how many', () => {
    const result = visibleRunErrors(run, ['component:default/payments-api']);
    expect(result.errors).toEqual([
      'component:default/payments-api: Timed out after 5 s reading facts',
      '… and 4 more errors',
      '2 errors about entities you cannot read not shown',
    ]);
    expect(result.entitiesDone).toBe(3);
    // The stored run is not changed.
    expect(run.errors).toHaveLength(4);
  });

  it('compares refs without regard to case', () => {
    const result = visibleRunErrors(run, [
      'component:default/payments-api',
      'component:default/secret-svc',
      'api:team-a/secret.v2',
    ]);
    expect(result.errors).toEqual(run.errors);
  });

  it('keeps errors that name no entity, even for a caller who sees nothing', () => {
    const failed: RunInfo = {
      ...run,
      status: 'failed',
      errors: ['Run failed: database is locked'],
    };
    expect(visibleRunErrors(failed, []).errors).toEqual([
      'Run failed: database is locked',
    ]);
  });
});
