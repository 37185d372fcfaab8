import { Chip, Grid, List, Paper } from '@material-ui/core';
import AssessmentIcon from '@material-ui/icons/Assessment';
import CategoryIcon from '@material-ui/icons/Category';
import { CatalogIcon, Content, Header, Page } from '@backstage/core-components';
import { CatalogSearchResultListItem } from '@backstage/plugin-catalog';
import { SearchType } from '@backstage/plugin-search';
import {
  DefaultResultListItem,
  SearchBar,
  SearchPagination,
  SearchResult,
} from '@backstage/plugin-search-react';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';

/** Document types the search backend indexes in this app. */
const RESULT_TYPES = [
  {
    value: 'software-catalog',
    name: 'Software Catalog',
    icon: <CatalogIcon />,
  },
  {
    value: 'readiness',
    name: 'Readiness gaps',
    icon: <AssessmentIcon />,
  },
];

/**
 * A readiness search result: the entity's readiness title and gaps, with
 * its level and score beside them.
 */
function ReadinessResultListItem(props: {
  result: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
}) {
  const { result, highlight, rank } = props;
  const fields = result as SearchDocument & {
    level?: unknown;
    score?: unknown;
  };
  const level = typeof fields.level === 'string' ? fields.level : '';
  const score = typeof fields.score === 'number' ? fields.score : undefined;
  return (
    <DefaultResultListItem
      result={result}
      highlight={highlight}
      rank={rank}
      icon={<AssessmentIcon />}
      secondaryAction={
        <>
          <Chip size="small" label={level ? `level ${level}` : 'no level'} />
          {score !== undefined && (
            <Chip size="small" variant="outlined" label={`score ${score}`} />
          )}
        </>
      }
    />
  );
}

/**
 * The app's search page (route `/search`): a search bar, the result types
 * (catalog entities and readiness gaps), and paged results. Readiness
 * results lead to the entity's readiness tab; try "missing runbook" or
 * "no rollback".
 */
export function SearchPage() {
  return (
    <Page themeId="home">
      <Header title="Search" />
      <Content>
        <Grid container direction="row">
          <Grid item xs={12}>
            <Paper>
              <SearchBar placeholder='Search the catalog and readiness gaps, e.g. "payments missing runbook"' />
            </Paper>
          </Grid>
          <Grid item xs={12} md={3}>
            <SearchType.Accordion
              name="Result type"
              defaultValue=""
              types={RESULT_TYPES}
            />
          </Grid>
          <Grid item xs={12} md={9}>
            <SearchPagination />
            <SearchResult>
              {({ results }) => (
                <List>
                  {results.map(({ type, document, highlight, rank }) => {
                    if (type === 'readiness') {
                      return (
                        <ReadinessResultListItem
                          key={document.location}
                          result={document}
                          highlight={highlight}
                          rank={rank}
                        />
                      );
                    }
                    if (type === 'software-catalog') {
                      return (
                        <CatalogSearchResultListItem
                          key={document.location}
                          result={document}
                          highlight={highlight}
                          rank={rank}
                          icon={<CatalogIcon />}
                        />
                      );
                    }
                    return (
                      <DefaultResultListItem
                        key={document.location}
                        result={document}
                        highlight={highlight}
                        rank={rank}
                        icon={<CategoryIcon />}
                      />
                    );
                  })}
                </List>
              )}
            </SearchResult>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
