import { ConfigReader } from '@backstage/config';
import {
  READINESS_COLLATOR_DEFAULTS,
  readReadinessCollatorConfig,
} from './config';

describe('readReadinessCollatorConfig', () => {
  it('uses the defaults without config', () => {
    expect(readReadinessCollatorConfig(new ConfigReader({}))).toEqual(
      READINESS_COLLATOR_DEFAULTS,
    );
  });

  it('reads the schedule and options', () => {
    const config = readReadinessCollatorConfig(
      new ConfigReader({
        search: {
          collators: {
            readiness: {
              schedule: {
                frequency: { minutes: 2 },
                timeout: { minutes: 1 },
                initialDelay: { seconds: 5 },
              },
              locationTemplate: '/readiness/:name',
              pageSize: 100,
              concurrency: 2,
            },
          },
        },
      }),
    );

    expect(config).toEqual({
      schedule: {
        frequency: { minutes: 2 },
        timeout: { minutes: 1 },
        initialDelay: { seconds: 5 },
      },
      locationTemplate: '/readiness/:name',
      pageSize: 100,
      concurrency: 2,
    });
  });

  it('names the key of an invalid value', () => {
    expect(() =>
      readReadinessCollatorConfig(
        new ConfigReader({
          search: { collators: { readiness: { pageSize: 1000 } } },
        }),
      ),
    ).toThrow(
      'Invalid value at search.collators.readiness.pageSize: 1000; expected an integer from 1 to 500',
    );
    expect(() =>
      readReadinessCollatorConfig(
        new ConfigReader({
          search: {
            collators: { readiness: { schedule: { frequency: 'often' } } },
          },
        }),
      ),
    ).toThrow(/Invalid value at search\.collators\.readiness\.schedule/);
  });
});
