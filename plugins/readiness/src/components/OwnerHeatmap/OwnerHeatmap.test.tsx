import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { checkPack, ownerRollups } from '../../__testUtils__/fixtures';
import { OwnerHeatmap } from './OwnerHeatmap';
import { viridis } from './viridis';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('OwnerHeatmap', () => {
  it('prints the pass rate in every cell, worst owner first', async () => {
    const onSelectOwner = jest.fn();
    await renderInTestApp(
      <OwnerHeatmap
        groups={[...ownerRollups.groups].reverse()}
        categories={checkPack.categories}
        onSelectOwner={onSelectOwner}
      />,
      { mountedRoutes },
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('team-checkout')).toBeInTheDocument();
    const cells = within(rows[0])
      .getAllByRole('cell')
      .filter(c => c.textContent?.endsWith('%'));
    expect(cells.map(c => c.textContent)).toEqual([
      '25%',
      '100%',
      '0%',
      '50%',
      '100%',
      '100%',
    ]);
    expect(cells[0]).toHaveStyle({ background: viridis(0.25) });
    expect(cells[0]).toHaveAttribute(
      'title',
      'group:default/team-checkout, monitoring: 25% of checks pass',
    );
    fireEvent.click(within(rows[0]).getByRole('button', { name: 'Show gaps' }));
    expect(onSelectOwner).toHaveBeenCalledWith('group:default/team-checkout');
  });

  it('marks categories without applicable checks', async () => {
    await renderInTestApp(
      <OwnerHeatmap
        groups={[ownerRollups.total]}
        categories={['monitoring', 'tracing']}
      />,
      { mountedRoutes },
    );
    expect(screen.getByText('n/a')).toBeInTheDocument();
    expect(screen.getByText('total')).toBeInTheDocument();
  });

  it('shows the first owners and the rest on demand', async () => {
    const groups = Array.from({ length: 4 }, (_, i) => ({
      ...ownerRollups.groups[0],
      key: `group:default/team-${i}`,
    }));
    await renderInTestApp(
      <OwnerHeatmap
        groups={groups}
        categories={['monitoring']}
        initialRows={2}
      />,
      { mountedRoutes },
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 4 owners' }));
    expect(screen.getAllByRole('row')).toHaveLength(5);
  });
});

describe('viridis', () => {
  it('runs from dark purple to yellow and clamps', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(-1)).toBe('#440154');
    expect(viridis(2)).toBe('#fde725');
    expect(viridis(Number.NaN)).toBe('#440154');
    expect(viridis(0.5)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
