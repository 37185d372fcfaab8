import { registerMswTestHooks } from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityRollup,
  EntitySummary,
} from '@prodready/plugin-readiness-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  errorResponse,
  readinessBase,
  readinessHandlers,
} from '../../__testUtils__/readinessTestApis';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { EntityRollupContent } from './EntityRollupContent';

const platform: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform', namespace: 'default' },
  spec: { type: 'department', children: ['team-checkout', 'team-search'] },
};

const paySystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'pay', namespace: 'default' },
  spec: { owner: 'team-checkout' },
};

function summary(
  name: string,
  level: string | undefined,
  score: number,
): EntitySummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    level,
    score,
    gaps: 3,
    evaluatedAt: '2025-05-01T10:00:00.000Z',
  };
}

const teamRollup: EntityRollup = {
  entityRef: 'group:default/platform',
  scope: 'team',
  members: [
    'group:default/platform',
    'group:default/team-checkout',
    'group:default/team-search',
  ],
  entities: [
    summary('search-api', undefined, 20),
    summary('checkout-api', 'bronze', 55),
  ],
  totalEntities: 2,
  belowTarget: 1,
  meanScore: 37.5,
  levels: { none: 1, bronze: 1 },
  weakest: [summary('search-api', undefined, 20)],
  gaps: [
    {
      checkId: 'monitoring.alerts',
      failing: 2,
      blocking: 2,
      entityRefs: [
        'component:default/search-api',
        'component:default/checkout-api',
      ],
    },
    {
      checkId: 'delivery.ci',
      failing: 1,
      blocking: 0,
      entityRefs: ['component:default/checkout-api'],
    },
  ],
  championOf: [
    {
      checkId: 'delivery.ci',
      owner: {
        ref: 'group:default/team-search',
        displayName: 'Search Team',
        contacts: [],
      },
      passRate: 1,
    },
  ],
};

const rollupUrl = `${readinessBase}/rollups/:kind/:namespace/:name`;

describe('EntityRollupContent', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it("shows a team's roll-up with the groups below it, its weakest link, the gaps that unblock the most with whom to ask, and what it champions", async () => {
    let asked = '';
    server.use(
      http.get(rollupUrl, ({ params }) => {
        asked = `${params.kind}:${params.namespace}/${params.name}`;
        return HttpResponse.json(teamRollup);
      }),
    );
    await renderOnEntityPage(<EntityRollupContent />, { entity: platform });
    expect(
      await screen.findByText(
        /2 scored entities owned by this team and the 2 groups below it; mean score 37.5\/100/,
      ),
    ).toBeInTheDocument();
    expect(asked).toBe('group:default/platform');
    expect(screen.getByTestId('rollup-below-target')).toHaveTextContent(
      '1 entity is below the target of its tier',
    );
    expect(
      within(screen.getByLabelText('Weakest links')).getByText('search-api'),
    ).toBeInTheDocument();
    const gaps = screen.getAllByTestId(/^gap-/);
    expect(gaps.map(g => g.dataset.testid)).toEqual([
      'gap-monitoring.alerts',
      'gap-delivery.ci',
    ]);
    expect(within(gaps[0]).getByText('2 of 2 failing')).toBeInTheDocument();
    // The payments team passes alerts everywhere: the gap says whom to ask.
    expect(within(gaps[0]).getByText('Payments Team')).toBeInTheDocument();
    expect(
      within(gaps[0]).getByRole('link', { name: /#payments/ }),
    ).toHaveAttribute('href', 'https://chat.example.com/payments');
    expect(
      within(gaps[1]).getByText('No other team passes it yet.'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Checks this team champions')).getByText(
        'CI configured',
      ),
    ).toBeInTheDocument();
  });

  it("shows a system's own score beside the roll-up of its components", async () => {
    server.use(
      http.get(rollupUrl, () =>
        HttpResponse.json({
          ...teamRollup,
          entityRef: 'system:default/pay',
          scope: 'system',
          members: ['system:default/pay'],
          championOf: [],
        }),
      ),
    );
    await renderOnEntityPage(<EntityRollupContent />, { entity: paySystem });
    expect(
      await screen.findByText(/2 scored entities in this system/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Where this team is a champion'),
    ).not.toBeInTheDocument();
    // The system's own card (its own checks) loads its scorecard.
    expect(
      await screen.findByText(/Production readiness/i),
    ).toBeInTheDocument();
  });

  it('says what would appear when nothing in scope is scored', async () => {
    server.use(
      http.get(rollupUrl, () =>
        HttpResponse.json({
          ...teamRollup,
          entities: [],
          totalEntities: 0,
          belowTarget: 0,
          levels: {},
          weakest: [],
          gaps: [],
          championOf: [],
        }),
      ),
    );
    await renderOnEntityPage(<EntityRollupContent />, { entity: platform });
    expect(
      await screen.findByText(/Nothing here is scored yet/),
    ).toBeInTheDocument();
  });

  it('shows a server error', async () => {
    server.use(
      http.get(rollupUrl, () =>
        errorResponse(
          404,
          'NotFoundError',
          'No entity group:default/platform in the catalog',
        ),
      ),
    );
    await renderOnEntityPage(<EntityRollupContent />, { entity: platform });
    expect(
      (await screen.findAllByText(/No entity group:default\/platform/)).length,
    ).toBeGreaterThan(0);
  });
});
