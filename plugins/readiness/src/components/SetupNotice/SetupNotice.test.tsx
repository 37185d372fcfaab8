import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckInfo } from '@prodready/plugin-readiness-common';
import { SetupNotice } from './SetupNotice';

function check(id: string, title: string): CheckInfo {
  return {
    id,
    title,
    category: 'monitoring',
    level: 'gold',
    weight: 1,
    requires: ['metrics'],
    minStrength: 'declared',
    remediation: { markdown: '' },
  };
}

const checks = [
  check('monitoring.latency', 'Latency observed live'),
  check('monitoring.traffic', 'Traffic observed live'),
];
const setup = {
  missing: [
    {
      namespace: 'metrics',
      checkIds: ['monitoring.latency', 'monitoring.traffic'],
      howTo:
        'Install the Prometheus module and set `readiness.prometheus.baseUrl`.',
    },
  ],
};

describe('SetupNotice', () => {
  it('says once what the installation does not collect and which checks that leaves, with how to configure it on demand', async () => {
    await renderInTestApp(<SetupNotice setup={setup} checks={checks} />);
    const notice = screen.getByRole('note', {
      name: 'What this installation cannot see',
    });
    expect(notice).toHaveTextContent(
      'This installation does not collect metrics facts: Latency observed live, Traffic observed live are not checked against them.',
    );
    expect(screen.queryByText(/readiness\.prometheus\.baseUrl/)).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'How to configure' }),
    );
    expect(
      await screen.findByText(/readiness\.prometheus\.baseUrl/),
    ).toBeVisible();
  });

  it('keeps to the checks that matter on the page', async () => {
    await renderInTestApp(
      <SetupNotice
        setup={setup}
        checks={checks}
        relevantCheckIds={new Set(['monitoring.traffic'])}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      'does not collect metrics facts: Traffic observed live is not checked',
    );
  });

  it('shows nothing when no check on the page is affected', async () => {
    await renderInTestApp(
      <div data-testid="page">
        <SetupNotice
          setup={setup}
          checks={checks}
          relevantCheckIds={new Set(['runbook.runbook'])}
        />
      </div>,
    );
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });

  it('says once how many entities have a local path the backend does not read, with the config key, and how to set it on demand', async () => {
    await renderInTestApp(
      <SetupNotice
        setup={{
          missing: [],
          localPaths: {
            entityCount: 12,
            examplePath: '/srv/repos/orders',
            configKey: 'readiness.repository.allowLocalPaths',
            checkIds: ['runbook.runbook'],
            howTo:
              'Set `readiness.repository.allowLocalPaths: true` and `readiness.repository.localRoots`.',
          },
        }}
        checks={[
          { ...check('runbook.runbook', 'Runbook linked'), requires: [] },
        ]}
      />,
    );
    const notice = screen.getByRole('note', {
      name: 'What this installation cannot see',
    });
    expect(notice).toHaveTextContent(
      '12 entities have a local source location (e.g. /srv/repos/orders) that this installation does not read: their repository is not checked. Set readiness.repository.allowLocalPaths.',
    );
    expect(screen.queryByText(/localRoots/)).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'How to configure' }),
    );
    expect(
      await screen.findByText(/readiness\.repository\.localRoots/),
    ).toBeVisible();
  });

  it('leaves local paths out of an entity page none of whose checks read the repository', async () => {
    await renderInTestApp(
      <div data-testid="page">
        <SetupNotice
          setup={{
            missing: [],
            localPaths: {
              entityCount: 1,
              examplePath: '/srv/repos/orders',
              configKey: 'readiness.repository.allowLocalPaths',
              checkIds: ['runbook.runbook'],
              howTo: 'Set it.',
            },
          }}
          checks={checks}
          relevantCheckIds={new Set(['monitoring.traffic'])}
        />
      </div>,
    );
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });
});
