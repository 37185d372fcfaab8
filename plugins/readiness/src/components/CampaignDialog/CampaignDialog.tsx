import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { useTheme } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type {
  Campaign,
  CampaignInput,
  CheckPackResponse,
} from '@prodready/plugin-readiness-common';
import { FormEvent, useEffect, useState } from 'react';
import { todayIso } from '../../lib/describeDeadline';
import { errorMessage } from '../../lib/errorMessage';
import {
  campaignFormValues,
  campaignInputFromForm,
  validateCampaignForm,
  type CampaignFormErrors,
  type CampaignFormValues,
} from './validateCampaignForm';

/**
 * Props of {@link CampaignDialog}.
 *
 * @public
 */
export interface CampaignDialogProps {
  open: boolean;
  /** The campaign to edit; a new one is created when absent. */
  campaign?: Campaign;
  /** Offers the checks and levels of the goal. */
  checkPack?: CheckPackResponse;
  onCancel(): void;
  /** Saves the campaign; a rejection (e.g. the server's 400) is shown in the dialog. */
  onSubmit(input: CampaignInput): Promise<void>;
}

type ScopeField = 'owners' | 'systems' | 'kinds' | 'tiers' | 'lifecycles';

const SCOPE_FIELDS: Array<{ field: ScopeField; label: string; hint: string }> =
  [
    {
      field: 'owners',
      label: 'Owners',
      hint: 'Group or user refs, comma-separated; child groups included.',
    },
    {
      field: 'systems',
      label: 'Systems',
      hint: 'System refs, e.g. system:default/commerce.',
    },
    { field: 'kinds', label: 'Kinds', hint: 'e.g. component, api.' },
    { field: 'tiers', label: 'Tiers', hint: 'e.g. tier-1.' },
    { field: 'lifecycles', label: 'Lifecycles', hint: 'e.g. production.' },
  ];

/**
 * Creates or edits a campaign: title, Markdown description, owner, goal
 * (checks of the pack or a level), scope, start and deadline. Mistakes are
 * shown beside their field before anything is sent; the server's refusal
 * above the form. Campaigns declared in config are shown read-only.
 *
 * @public
 */
export function CampaignDialog(props: CampaignDialogProps) {
  const { open, campaign, checkPack, onCancel, onSubmit } = props;
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('xs'));
  const [values, setValues] = useState<CampaignFormValues>(() =>
    campaignFormValues(campaign),
  );
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();
  const readOnly = campaign?.source === 'config';
  const editing = campaign !== undefined;

  // A reopened dialog starts from the campaign as it is now.
  useEffect(() => {
    if (open) {
      setValues(campaignFormValues(campaign));
      setErrors({});
      setError(undefined);
    }
  }, [open, campaign]);

  const set =
    <K extends keyof CampaignFormValues>(key: K) =>
    (value: CampaignFormValues[K]) =>
      setValues(current => ({ ...current, [key]: value }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) {
      return;
    }
    const found = validateCampaignForm(values, checkPack);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const input = campaignInputFromForm(values);
      // An edit sends an empty description to clear it.
      await onSubmit(
        editing ? { ...input, description: input.description ?? '' } : input,
      );
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: keyof CampaignFormValues) => ({
    id: `readiness-campaign-${key}`,
    error: errors[key] !== undefined,
    fullWidth: true,
    margin: 'dense' as const,
    disabled: readOnly || saving,
  });
  const helper = (key: keyof CampaignFormValues, hint?: string) =>
    errors[key] ?? hint;

  const checks = checkPack?.checks ?? [];
  const checkTitles = new Map(checks.map(c => [c.id, c.title]));
  const title = readOnly
    ? campaign.title
    : `${editing ? 'Edit' : 'New'} campaign`;

  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="campaign-dialog-title"
      fullWidth
      maxWidth="md"
      fullScreen={phone}
    >
      <form onSubmit={handleSubmit} noValidate>
        <DialogTitle id="campaign-dialog-title">{title}</DialogTitle>
        <DialogContent>
          {readOnly && (
            <Alert severity="info">
              This campaign is declared in app-config.yaml
              (readiness.campaigns), so it is read-only here: change it in the
              configuration, where it is reviewed like code.
            </Alert>
          )}
          {error && (
            <Alert severity="error" role="alert">
              Could not save the campaign: {errorMessage(error)}
            </Alert>
          )}
          <TextField
            {...field('title')}
            label="Title"
            required
            value={values.title}
            onChange={e => set('title')(e.target.value)}
            helperText={helper('title')}
          />
          <TextField
            {...field('description')}
            label="Description"
            multiline
            minRows={3}
            value={values.description}
            onChange={e => set('description')(e.target.value)}
            helperText={helper(
              'description',
              'Markdown: why, and how to do it.',
            )}
          />
          <TextField
            {...field('owner')}
            label="Owner"
            required
            placeholder="group:default/web-experience"
            value={values.owner}
            onChange={e => set('owner')(e.target.value)}
            helperText={helper('owner', 'The group that runs the campaign.')}
          />
          <FormControl
            component="fieldset"
            margin="dense"
            disabled={readOnly || saving}
          >
            <FormLabel component="legend">Goal</FormLabel>
            <RadioGroup
              row
              aria-label="Goal"
              name="readiness-campaign-goal"
              value={values.goalType}
              onChange={e =>
                set('goalType')(
                  e.target.value as CampaignFormValues['goalType'],
                )
              }
            >
              <FormControlLabel
                value="checks"
                control={<Radio />}
                label="Pass checks"
              />
              <FormControlLabel
                value="level"
                control={<Radio />}
                label="Reach a level"
              />
            </RadioGroup>
          </FormControl>
          {values.goalType === 'checks' ? (
            <Autocomplete<string, true, false, false>
              id="readiness-campaign-checkIds"
              multiple
              options={checks.map(c => c.id)}
              value={values.checkIds}
              getOptionLabel={id => checkTitles.get(id) ?? id}
              filterSelectedOptions
              disabled={readOnly || saving}
              onChange={(_event, value) => set('checkIds')(value)}
              renderInput={params => (
                <TextField
                  {...params}
                  label="Checks"
                  margin="dense"
                  error={errors.checkIds !== undefined}
                  helperText={helper(
                    'checkIds',
                    'Every entity in scope should pass all of them.',
                  )}
                />
              )}
            />
          ) : (
            <TextField
              {...field('level')}
              select
              SelectProps={{ native: true }}
              label="Level"
              value={values.level}
              onChange={e => set('level')(e.target.value)}
              helperText={helper('level')}
            >
              <option value="" />
              {(checkPack?.levels ?? []).map(level => (
                <option key={level.id} value={level.id}>
                  {level.title}
                </option>
              ))}
            </TextField>
          )}
          <FormLabel component="legend" style={{ marginTop: 16 }}>
            Scope (empty: every scored entity)
          </FormLabel>
          <Grid container spacing={2}>
            {SCOPE_FIELDS.map(({ field: key, label, hint }) => (
              <Grid item xs={12} sm={6} key={key}>
                <TextField
                  {...field(key)}
                  label={label}
                  value={values[key]}
                  onChange={e => set(key)(e.target.value)}
                  helperText={helper(key, hint)}
                />
              </Grid>
            ))}
          </Grid>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6}>
              <TextField
                {...field('startsAt')}
                label="Starts on"
                type="date"
                InputLabelProps={{ shrink: true }}
                value={values.startsAt}
                onChange={e => set('startsAt')(e.target.value)}
                helperText={helper('startsAt', 'Today when left empty.')}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                {...field('deadline')}
                label="Deadline"
                type="date"
                required
                InputLabelProps={{ shrink: true }}
                inputProps={{ min: values.startsAt || todayIso() }}
                value={values.deadline}
                onChange={e => set('deadline')(e.target.value)}
                helperText={helper('deadline')}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel} disabled={saving}>
            {readOnly ? 'Close' : 'Cancel'}
          </Button>
          {!readOnly && (
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={saving}
            >
              {editing ? 'Save' : 'Create'}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
