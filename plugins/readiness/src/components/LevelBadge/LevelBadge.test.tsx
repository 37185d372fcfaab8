import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LevelBadge } from './LevelBadge';
import { readableTextColor } from './levelColors';

describe('LevelBadge', () => {
  it('shows the title of the level from the pack', async () => {
    await renderInTestApp(
      <LevelBadge
        level="gold"
        levels={[{ id: 'gold', title: 'Gold standard', color: '#123456' }]}
      />,
    );
    expect(screen.getByText('Gold standard')).toBeInTheDocument();
    expect(screen.getByLabelText('Readiness level Gold standard')).toHaveStyle({
      background: '#123456',
      color: '#ffffff',
    });
  });

  it('capitalises a level id unknown to the pack', async () => {
    await renderInTestApp(<LevelBadge level="platinum" />);
    expect(screen.getByText('Platinum')).toBeInTheDocument();
  });

  it('says when no level is reached', async () => {
    await renderInTestApp(<LevelBadge />);
    expect(screen.getByText('Below Bronze')).toBeInTheDocument();
  });

  it('picks the more readable text colour', () => {
    expect(readableTextColor('#f2c94c')).toBe('#000000');
    expect(readableTextColor('#222222')).toBe('#ffffff');
    expect(readableTextColor('rebeccapurple')).toBe('#000000');
  });
});
