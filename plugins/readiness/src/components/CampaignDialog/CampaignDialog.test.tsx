import { renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkPack } from '../../__testUtils__/fixtures';
import {
  goldCampaign,
  runbooksCampaign,
} from '../../__testUtils__/campaignFixtures';
import { CampaignDialog } from './CampaignDialog';

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('CampaignDialog', () => {
  it('labels every field', async () => {
    await renderInTestApp(
      <CampaignDialog
        open
        checkPack={checkPack}
        onCancel={jest.fn()}
        onSubmit={jest.fn()}
      />,
    );
    for (const label of [
      /^Title/,
      /^Description/,
      /^Owner \*/,
      /^Checks/,
      /^Owners/,
      /^Systems/,
      /^Kinds/,
      /^Tiers/,
      /^Lifecycles/,
      /^Starts on/,
      /^Deadline/,
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(
      screen.getByRole('radiogroup', { name: 'Goal' }),
    ).toBeInTheDocument();
  });

  it('shows what is wrong beside each field and sends nothing', async () => {
    const onSubmit = jest.fn();
    await renderInTestApp(
      <CampaignDialog
        open
        checkPack={checkPack}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    type(/^Owner \*/, 'component:default/web');
    type(/^Systems/, 'a:b:c');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(
      await screen.findByText('A campaign needs a title.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '"component:default/web" is not a group or user, such as group:default/web-experience.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Choose at least one check.')).toBeInTheDocument();
    expect(screen.getByText('Not entity refs: a:b:c.')).toBeInTheDocument();
    expect(
      screen.getByText('A campaign needs a deadline.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Owner \*/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('creates a campaign with checks picked from the pack', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <CampaignDialog
        open
        checkPack={checkPack}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    type(/^Title/, 'Runbooks');
    type(/^Description/, 'Write **runbooks**.');
    type(/^Owner \*/, 'group:default/web-experience');
    const checks = screen.getByLabelText(/^Checks/);
    fireEvent.change(checks, { target: { value: 'Runbook' } });
    fireEvent.click(
      await screen.findByRole('option', { name: 'Runbook linked' }),
    );
    type(/^Owners/, 'group:default/web-experience');
    type(/^Deadline/, '2031-01-31');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        title: 'Runbooks',
        description: 'Write **runbooks**.',
        owner: 'group:default/web-experience',
        goal: { type: 'checks', checkIds: ['runbook.linked'] },
        scope: { owners: ['group:default/web-experience'] },
        startsAt: undefined,
        deadline: '2031-01-31',
      }),
    );
  });

  it('offers the levels for a level goal', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <CampaignDialog
        open
        checkPack={checkPack}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.click(screen.getByLabelText('Reach a level'));
    const level = screen.getByLabelText(/^Level/);
    expect(
      within(level)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['', 'Bronze', 'Silver', 'Gold']);
    type(/^Title/, 'Gold everywhere');
    type(/^Owner \*/, 'group:default/platform');
    fireEvent.change(level, { target: { value: 'gold' } });
    type(/^Deadline/, '2031-01-31');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(
        expect.objectContaining({ goal: { type: 'level', level: 'gold' } }),
      ),
    );
  });

  it("shows the server's refusal above the form", async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'scope.tiers: unknown tier "tier-9"',
        },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    const onSubmit = jest.fn().mockRejectedValue(error);
    await renderInTestApp(
      <CampaignDialog
        open
        campaign={runbooksCampaign}
        checkPack={checkPack}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByText('Edit campaign')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue(runbooksCampaign.title);
    type(/^Tiers/, 'tier-9');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save the campaign: scope.tiers: unknown tier "tier-9"',
    );
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        scope: {
          kinds: ['component'],
          lifecycles: ['production'],
          tiers: ['tier-9'],
        },
      }),
    );
  });

  it('shows a campaign declared in config read-only, and says why', async () => {
    const onSubmit = jest.fn();
    await renderInTestApp(
      <CampaignDialog
        open
        campaign={goldCampaign}
        checkPack={checkPack}
        onCancel={jest.fn()}
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByText(/declared in app-config.yaml/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeEnabled();
  });
});
