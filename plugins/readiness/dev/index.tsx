/*
 * Stand-alone harness for `backstage-cli package start` (npm start in this
 * folder): the plugin against a running readiness backend (npm start at the
 * repository root serves it on :7007), with the org-wide page and an entity
 * page for one example service.
 */
import { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  EntityReadinessCard,
  EntityReadinessContent,
  ReadinessPage,
  readinessPlugin,
} from '../src';

/** An example service; pass `?entity=component:default/<name>` to pick another. */
function exampleEntity(): Entity {
  const ref =
    new URLSearchParams(window.location.search).get('entity') ??
    'component:default/checkout-web';
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { namespace, name },
  };
}

function EntityPageHarness() {
  const entity = exampleEntity();
  return (
    <EntityProvider entity={entity}>
      <Page themeId="service">
        <Header
          title={entity.metadata.name}
          subtitle="Readiness card and tab"
        />
        <Content>
          <Grid container spacing={3}>
            <Grid item xs={12} md={6}>
              <EntityReadinessCard />
            </Grid>
            <Grid item xs={12}>
              <EntityReadinessContent />
            </Grid>
          </Grid>
        </Content>
      </Page>
    </EntityProvider>
  );
}

createDevApp()
  .registerPlugin(readinessPlugin)
  .addPage({
    element: <ReadinessPage />,
    title: 'Readiness',
    path: '/readiness',
  })
  .addPage({
    element: <EntityPageHarness />,
    title: 'Entity',
    path: '/entity',
  })
  .render();
