import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CHECK_STATES } from '@prodready/plugin-readiness-common';
import { StateIcon, stateLabel } from './StateIcon';

describe('StateIcon', () => {
  it.each(CHECK_STATES.map(s => [s]))(
    'names the state %s in text',
    async state => {
      await renderInTestApp(<StateIcon state={state} />);
      expect(screen.getByText(stateLabel(state))).toBeInTheDocument();
    },
  );

  it('keeps the name for screen readers when the label is hidden', async () => {
    await renderInTestApp(<StateIcon state="fail" hideLabel />);
    expect(screen.getByTitle('Fail')).toBeInTheDocument();
  });
});
