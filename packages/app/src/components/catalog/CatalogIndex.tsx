import {
  Content,
  ContentHeader,
  PageWithHeader,
  SupportButton,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  CatalogTable,
  CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import {
  EntityKindPicker,
  EntityLifecyclePicker,
  EntityListProvider,
  EntityOwnerPicker,
  EntityTagPicker,
  EntityTypePicker,
  UserListPicker,
  CatalogFilterLayout,
  EntityNamespacePicker,
} from '@backstage/plugin-catalog-react';
import {
  createReadinessColumn,
  ReadinessGapPicker,
} from '@prodready/plugin-readiness';

const columns: CatalogTableColumnsFunc = context => [
  ...CatalogTable.defaultColumnsFunc(context),
  createReadinessColumn(),
];

/**
 * The catalog index page: Backstage's default layout plus a readiness level
 * column and a filter by readiness gap.
 */
export function CatalogIndex() {
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  return (
    <PageWithHeader title={`${orgName} Catalog`} themeId="home">
      <Content>
        <ContentHeader title="">
          <SupportButton>All your software catalog entities</SupportButton>
        </ContentHeader>
        {/*
          No `pagination` here. ReadinessGapPicker filters by the refs that
          fail a check: up to 1,000 of them it narrows the catalog query
          itself, beyond that only its `filterEntity` applies. With
          pagination the list provider applies `filterEntity` to the current
          page only, so a page could show a few rows or none while later
          pages held matches. Without it, the whole filtered list is loaded
          and paged in the table.
        */}
        <EntityListProvider>
          <CatalogFilterLayout>
            <CatalogFilterLayout.Filters>
              <EntityKindPicker initialFilter="component" />
              <EntityTypePicker />
              <UserListPicker initialFilter="all" />
              <EntityOwnerPicker />
              <EntityLifecyclePicker />
              <EntityTagPicker />
              <ReadinessGapPicker />
              <EntityNamespacePicker />
            </CatalogFilterLayout.Filters>
            <CatalogFilterLayout.Content>
              <CatalogTable columns={columns} />
            </CatalogFilterLayout.Content>
          </CatalogFilterLayout>
        </EntityListProvider>
      </Content>
    </PageWithHeader>
  );
}
