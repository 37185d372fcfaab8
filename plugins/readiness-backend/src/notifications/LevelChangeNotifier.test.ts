import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  createCheckPack,
  defaultChecks,
} from '@prodready/plugin-readiness-common';
import type { LevelChange } from '../database/ReadinessStore';
import { PackIndex } from '../pack/PackIndex';
import { LevelChangeNotifier } from './LevelChangeNotifier';

const pack = new PackIndex(createCheckPack({ checks: defaultChecks }));

function notifierWith(maxPerBatch = 50) {
  const sent: NotificationSendOptions[] = [];
  const logger = mockServices.logger.mock();
  const notifier = LevelChangeNotifier.create({
    notifications: {
      send: async options => {
        if (
          options.recipients.type === 'entity' &&
          options.recipients.entityRef === 'group:default/broken'
        ) {
          throw new Error('notifications backend is down');
        }
        sent.push(options);
      },
    },
    pack,
    logger,
    maxPerBatch,
  });
  return { notifier, sent, logger };
}

const drop: LevelChange = {
  entityRef: 'component:default/payments-api',
  title: 'Payments API',
  owner: 'group:default/payments',
  from: 'silver',
  to: 'bronze',
  rose: false,
  failingCheckIds: [
    'monitoring.alerts',
    'tracing.instrumented',
    // A gold check: not what cost Silver, so not named.
    'monitoring.slo',
  ],
};

describe('LevelChangeNotifier', () => {
  it('tells the owner of a drop, naming the checks that cost the level', async () => {
    const { notifier, sent } = notifierWith();
    await notifier.notify([drop]);
    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: {
          title: 'Payments API dropped from Silver to Bronze',
          description: expect.stringMatching(
            /^Now failing: Alerts reach on-call, Instrumented for distributed tracing\. /,
          ),
          link: '/catalog/default/component/payments-api/readiness',
          severity: 'high',
          topic: 'Production readiness',
          scope: 'readiness-level:component:default/payments-api',
        },
      },
    ]);
    expect(sent[0].payload.description).not.toMatch(/SLO/);
  });

  it('tells the owner of a rise, and names an entity without a title by its name', async () => {
    const { notifier, sent } = notifierWith();
    await notifier.notify([
      {
        entityRef: 'component:default/ledger',
        owner: 'group:default/ledger',
        from: undefined,
        to: 'bronze',
        rose: true,
        failingCheckIds: ['monitoring.slo'],
      },
    ]);
    expect(sent[0].payload).toMatchObject({
      title: 'ledger reached Bronze',
      description: 'Every Bronze check passes now (before: Below Bronze).',
      severity: 'low',
    });
  });

  it('announces a level reached through exemptions as such', async () => {
    const { notifier, sent } = notifierWith();
    await notifier.notify([
      {
        entityRef: 'component:default/ledger',
        owner: 'group:default/ledger',
        from: undefined,
        to: 'bronze',
        rose: true,
        failingCheckIds: ['monitoring.slo'],
        // Two Bronze checks exempted; the Silver one does not count.
        exemptCheckIds: ['runbook.runbook', 'delivery.ci', 'monitoring.alerts'],
      },
    ]);
    expect(sent[0].payload).toMatchObject({
      title: 'ledger reached Bronze, 2 checks exempted',
      description:
        'Every other Bronze check passes now; 2 checks exempted (before: Below Bronze).',
    });
    expect(sent[0].payload.description).not.toMatch(/Every Bronze check/);
  });

  it('sends nothing for entities without an owner, and logs a failed send', async () => {
    const { notifier, sent, logger } = notifierWith();
    await notifier.notify([
      { ...drop, owner: undefined },
      { ...drop, owner: 'group:default/broken' },
      drop,
    ]);
    expect(sent.map(s => s.recipients)).toEqual([
      { type: 'entity', entityRef: 'group:default/payments' },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /group:default\/broken.*notifications backend is down/,
      ),
    );
  });

  it('sends none of a flood of changes, and says why', async () => {
    const { notifier, sent, logger } = notifierWith(2);
    await notifier.notify([drop, drop, drop]);
    expect(sent).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/3 levels changed .*maxPerBatch, 2/),
    );
  });
});
