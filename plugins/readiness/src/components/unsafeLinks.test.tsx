/* eslint-disable no-script-url -- hostile URLs are the test data here */
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  champions,
  checkoutScorecard,
  checkPack,
} from '../__testUtils__/fixtures';
import { readinessHandlers } from '../__testUtils__/readinessTestApis';
import {
  checkoutScorecardUrl,
  renderOnEntityPage,
} from '../__testUtils__/renderOnEntityPage';
import { ChampionsTable } from './ChampionsTable';
import { ContactLinks } from './ContactLinks';
import { EntityReadinessCard } from './EntityReadinessCard';
import { EntityReadinessContent } from './EntityReadinessContent';
import { EvidenceList } from './EvidenceList';

/**
 * Evidence, contacts and remediation links come from catalog entries that
 * other teams write; a hostile one must never become a clickable script.
 */
const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  ' JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'javascript%3Aalert(1)',
];

/** A deep copy of `value` with every `url` field set to `url`. */
function withEveryUrl<T>(value: T, url: string): T {
  return JSON.parse(
    JSON.stringify(value, (key, field) => (key === 'url' ? url : field)),
  );
}

/** Every `href` on the page that is not plain http(s), mailto or in-app. */
function unsafeHrefs(): string[] {
  return Array.from(document.querySelectorAll('[href]'))
    .map(element => element.getAttribute('href') ?? '')
    .filter(href => !/^(https?:\/\/|mailto:|\/|#)/i.test(href));
}

describe('unsafe links from the catalog', () => {
  const server = setupServer(...readinessHandlers);
  registerMswTestHooks(server);

  it.each(HOSTILE_URLS)(
    'the Readiness tab renders %j nowhere as a link',
    async url => {
      const scorecard = withEveryUrl(checkoutScorecard, url);
      server.use(
        http.get(checkoutScorecardUrl, () => HttpResponse.json(scorecard)),
      );
      await renderOnEntityPage(<EntityReadinessContent />);
      expect(
        await screen.findAllByText('Production readiness'),
      ).not.toHaveLength(0);
      expect(unsafeHrefs()).toEqual([]);
    },
  );

  it.each(HOSTILE_URLS)(
    'the overview card renders %j nowhere as a link',
    async url => {
      const scorecard = withEveryUrl(checkoutScorecard, url);
      server.use(
        http.get(checkoutScorecardUrl, () => HttpResponse.json(scorecard)),
      );
      await renderOnEntityPage(<EntityReadinessCard />);
      expect(
        await screen.findByLabelText('Score 60 of 100'),
      ).toBeInTheDocument();
      expect(unsafeHrefs()).toEqual([]);
    },
  );

  it.each(HOSTILE_URLS)(
    'champions, evidence and contacts render %j as text',
    async url => {
      await renderInTestApp(
        <>
          <ChampionsTable
            champions={withEveryUrl(champions, url)}
            checks={checkPack.checks}
          />
          <EvidenceList evidence={[{ kind: 'link', label: 'Runbook', url }]} />
          <ContactLinks contacts={[{ type: 'chat', label: '#team', url }]} />
          <ContactLinks contacts={[{ type: 'email', label: `${url}@x` }]} />
        </>,
        {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      );
      expect(screen.getByText('Runbook')).toBeInTheDocument();
      expect(screen.getByText('#team')).toBeInTheDocument();
      expect(unsafeHrefs()).toEqual([]);
    },
  );

  it('still links http(s) evidence and mailto contacts', async () => {
    await renderInTestApp(
      <>
        <EvidenceList
          evidence={[
            { kind: 'link', label: 'Runbook', url: 'https://wiki.example.com' },
          ]}
        />
        <ContactLinks
          contacts={[{ type: 'email', label: 'team@example.com' }]}
        />
      </>,
    );
    expect(screen.getByRole('link', { name: 'Runbook' })).toHaveAttribute(
      'href',
      'https://wiki.example.com',
    );
    expect(
      screen.getByRole('link', { name: 'team@example.com' }),
    ).toHaveAttribute('href', 'mailto:team@example.com');
  });
});
