import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { checkPack } from '../../__testUtils__/fixtures';
import { TargetText } from './TargetText';
import { targetLabel } from './targetLabel';

describe('TargetText', () => {
  it('says the target of the tier and the levels to go', async () => {
    await renderInTestApp(
      <TargetText
        entity={{ target: 'gold', levelsToTarget: 1, tier: 'tier-1' }}
        levels={checkPack.levels}
        blockingCount={2}
      />,
    );
    expect(screen.getByTestId('readiness-target')).toHaveTextContent(
      'Target Gold (tier-1) — 1 level to go · 2 checks in the way',
    );
  });

  it('renders nothing without a target', async () => {
    await renderInTestApp(<TargetText entity={{ tier: 'tier-3' }} />);
    expect(screen.queryByTestId('readiness-target')).toBeNull();
  });
});

describe('targetLabel', () => {
  it('says a met target is met', () => {
    expect(
      targetLabel({ target: 'silver', levelsToTarget: 0, tier: 'tier-2' }),
    ).toMatch(/^Target Silver \(tier-2\) — met$/);
  });
});
