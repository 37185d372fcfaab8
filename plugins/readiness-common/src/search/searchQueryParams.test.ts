import {
  searchQueryFromParams,
  searchQueryToParams,
} from './searchQueryParams';

describe('searchQueryParams', () => {
  it('writes list filters as repeated parameters and skips empty values', () => {
    const params = searchQueryToParams({
      failing: ['a.b', ' ', 'c.d'],
      owner: [],
      text: '  ',
      levelAtLeast: 'silver',
      sort: 'gaps',
      order: 'desc',
      limit: 25,
    });
    expect(params.toString()).toBe(
      'failing=a.b&failing=c.d&levelAtLeast=silver&sort=gaps&order=desc&limit=25',
    );
  });

  it('reads repeated and comma-separated values back', () => {
    expect(
      searchQueryFromParams(
        new URLSearchParams(
          'failing=a.b,c.d&failing=e.f&kind=component&text=pay&sort=name&order=asc&limit=50',
        ),
      ),
    ).toEqual({
      failing: ['a.b', 'c.d', 'e.f'],
      kind: ['component'],
      text: 'pay',
      sort: 'name',
      order: 'asc',
      limit: 50,
    });
  });

  it('ignores unknown parameters and invalid sort, order and limit', () => {
    expect(
      searchQueryFromParams(
        new URLSearchParams('sort=random&order=up&limit=-3&foo=bar'),
      ),
    ).toEqual({});
  });

  it('round-trips a query', () => {
    const query = {
      failing: ['monitoring.alerts'],
      passing: ['delivery.ci'],
      system: ['shop'],
      domain: ['commerce'],
      type: ['service'],
      lifecycle: ['production'],
      tier: ['tier-1'],
      levelAtMost: 'gold',
      cursor: 'c1',
    };
    expect(searchQueryFromParams(searchQueryToParams(query))).toEqual(query);
  });

  it('asks for the failing check ids with include=failing', () => {
    const params = searchQueryToParams({ limit: 100, include: ['failing'] });
    expect(params.toString()).toBe('limit=100&include=failing');
    expect(searchQueryFromParams(params)).toEqual({
      limit: 100,
      include: ['failing'],
    });
    expect(searchQueryFromParams(new URLSearchParams('include=other'))).toEqual(
      {},
    );
  });
});
