import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Alert from '@material-ui/lab/Alert';
import { MarkdownContent } from '@backstage/core-components';
import type {
  CheckInfo,
  SetupNotice as SetupNoticeData,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';

/**
 * Props of {@link SetupNotice}.
 *
 * @internal
 */
export interface SetupNoticeProps {
  /** `setup` of the check pack; nothing is shown without it. */
  setup?: SetupNoticeData;
  /** The pack's checks, for their titles. */
  checks: CheckInfo[];
  /**
   * Only the checks that matter on this page (an entity's applicable
   * checks); all by default.
   */
  relevantCheckIds?: ReadonlySet<string>;
}

function listTitles(titles: string[]): string {
  if (titles.length <= 3) return titles.join(', ');
  return `${titles.slice(0, 3).join(', ')} and ${titles.length - 3} more`;
}

/**
 * Says once per page what the installation cannot see (fact namespaces no
 * provider fills, e.g. live metrics; entities whose local source location
 * the backend may not read, with the config key to set) and which checks
 * that leaves unchecked,
 * with how to configure it behind a button: check reasons then speak of the
 * service only.
 *
 * @internal
 */
export function SetupNotice(props: SetupNoticeProps) {
  const { setup, checks, relevantCheckIds } = props;
  const [open, setOpen] = useState(false);
  const titles = new Map(checks.map(check => [check.id, check.title]));
  const localPaths =
    setup?.localPaths &&
    setup.localPaths.checkIds.some(
      id => !relevantCheckIds || relevantCheckIds.has(id),
    )
      ? setup.localPaths
      : undefined;
  const missing = (setup?.missing ?? [])
    .map(gap => ({
      ...gap,
      checkIds: gap.checkIds.filter(
        id => !relevantCheckIds || relevantCheckIds.has(id),
      ),
    }))
    .filter(gap => gap.checkIds.length > 0);
  if (missing.length === 0 && !localPaths) {
    return null;
  }
  return (
    <Alert
      severity="info"
      role="note"
      aria-label="What this installation cannot see"
      action={
        <Button
          color="inherit"
          size="small"
          aria-expanded={open}
          onClick={() => setOpen(value => !value)}
        >
          {open ? 'Hide' : 'How to configure'}
        </Button>
      }
    >
      {missing.map(gap => (
        <div key={gap.namespace}>
          This installation does not collect <strong>{gap.namespace}</strong>{' '}
          facts: {listTitles(gap.checkIds.map(id => titles.get(id) ?? id))}{' '}
          {gap.checkIds.length === 1 ? 'is' : 'are'} not checked against them.
        </div>
      ))}
      {localPaths && (
        <div>
          {localPaths.entityCount === 1
            ? '1 entity has'
            : `${localPaths.entityCount} entities have`}{' '}
          a local source location (e.g. <code>{localPaths.examplePath}</code>)
          that this installation does not read: their repository is not checked.
          Set <code>{localPaths.configKey}</code>.
        </div>
      )}
      <Collapse in={open} unmountOnExit>
        {missing.map(gap => (
          <MarkdownContent key={gap.namespace} content={gap.howTo} />
        ))}
        {localPaths && <MarkdownContent content={localPaths.howTo} />}
      </Collapse>
    </Alert>
  );
}
