import { checkPack } from '../../__testUtils__/fixtures';
import {
  campaignFormValues,
  campaignInputFromForm,
  splitList,
  validateCampaignForm,
  type CampaignFormValues,
} from './validateCampaignForm';

const valid: CampaignFormValues = {
  ...campaignFormValues(),
  title: ' Runbooks ',
  owner: 'group:default/web-experience',
  checkIds: ['runbook.linked'],
  owners: 'group:default/web-experience, ',
  kinds: 'Component',
  deadline: '2031-01-31',
};

describe('validateCampaignForm', () => {
  it('accepts a complete form', () => {
    expect(validateCampaignForm(valid, checkPack)).toEqual({});
  });

  it('names each wrong field and its value', () => {
    const errors = validateCampaignForm(
      {
        ...valid,
        title: '  ',
        owner: 'component:default/web',
        checkIds: ['runbook.linked', 'no.such-check'],
        owners: 'group:default/a, a:b:c',
        systems: 'system:default/x/y',
        startsAt: '2031-02-30',
        deadline: '31/01/2031',
      },
      checkPack,
    );
    expect(errors).toEqual({
      title: 'A campaign needs a title.',
      owner:
        '"component:default/web" is not a group or user, such as group:default/web-experience.',
      checkIds: 'Unknown check: no.such-check.',
      owners: 'Not entity refs: a:b:c.',
      systems: 'Not entity refs: system:default/x/y.',
      startsAt: '"2031-02-30" is not a day (yyyy-mm-dd).',
      deadline: '"31/01/2031" is not a day (yyyy-mm-dd).',
    });
  });

  it('needs a goal, a deadline, and a deadline not before the start', () => {
    expect(
      validateCampaignForm({ ...valid, checkIds: [], deadline: '' }, checkPack),
    ).toEqual({
      checkIds: 'Choose at least one check.',
      deadline: 'A campaign needs a deadline.',
    });
    expect(
      validateCampaignForm(
        { ...valid, goalType: 'level', level: 'platinum' },
        checkPack,
      ),
    ).toEqual({ level: 'Unknown level "platinum".' });
    expect(
      validateCampaignForm(
        { ...valid, startsAt: '2031-02-01', deadline: '2031-01-31' },
        checkPack,
      ),
    ).toEqual({
      deadline: 'The deadline 2031-01-31 is before the start 2031-02-01.',
    });
  });

  it('reads bare names as the server does: an owner name is a group', () => {
    expect(
      validateCampaignForm(
        { ...valid, owner: 'web-experience', systems: 'commerce' },
        checkPack,
      ),
    ).toEqual({});
    expect(validateCampaignForm({ ...valid, owner: '' }, checkPack).owner).toBe(
      '"" is not a group or user, such as group:default/web-experience.',
    );
  });

  it('limits the title and the description', () => {
    expect(
      validateCampaignForm(
        { ...valid, description: 'x'.repeat(20_001) },
        checkPack,
      ).description,
    ).toBe('At most 20000 characters (this one has 20001).');
    expect(
      validateCampaignForm({ ...valid, title: 'x'.repeat(201) }, checkPack)
        .title,
    ).toBe('At most 200 characters (this one has 201).');
  });
});

describe('campaignInputFromForm', () => {
  it('trims, splits the scope lists and leaves empty ones out', () => {
    expect(campaignInputFromForm(valid)).toEqual({
      title: 'Runbooks',
      description: undefined,
      owner: 'group:default/web-experience',
      goal: { type: 'checks', checkIds: ['runbook.linked'] },
      scope: { owners: ['group:default/web-experience'], kinds: ['component'] },
      startsAt: undefined,
      deadline: '2031-01-31',
    });
  });

  it('round-trips a campaign through the form', () => {
    const input = campaignInputFromForm(valid);
    expect(campaignInputFromForm(campaignFormValues(input))).toEqual(input);
  });

  it('splits comma-separated lists', () => {
    expect(splitList(' a, ,b ,')).toEqual(['a', 'b']);
  });
});
