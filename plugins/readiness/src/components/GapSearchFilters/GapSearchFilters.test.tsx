import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import type { SearchQuery } from '@prodready/plugin-readiness-common';
import { checkPack } from '../../__testUtils__/fixtures';
import { GapSearchFilters } from './GapSearchFilters';

describe('GapSearchFilters', () => {
  it('filters to entities below the target of their tier, and back', async () => {
    const changes: SearchQuery[] = [];
    const { rerender } = await renderInTestApp(
      <GapSearchFilters
        query={{ sort: 'targetGap', order: 'desc' }}
        onChange={query => changes.push(query)}
        checkPack={checkPack}
        options={{}}
      />,
    );
    const checkbox = screen.getByLabelText('Below the target of their tier');
    expect(checkbox).not.toBeChecked();
    fireEvent.click(checkbox);
    expect(changes.at(-1)).toEqual({
      sort: 'targetGap',
      order: 'desc',
      belowTarget: 'true',
      cursor: undefined,
    });
    rerender(
      <GapSearchFilters
        query={changes.at(-1)!}
        onChange={query => changes.push(query)}
        checkPack={checkPack}
        options={{}}
      />,
    );
    fireEvent.click(screen.getByLabelText('Below the target of their tier'));
    expect(changes.at(-1)?.belowTarget).toBeUndefined();
  });
});
