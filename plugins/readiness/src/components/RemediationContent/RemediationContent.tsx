import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import EditIcon from '@material-ui/icons/Edit';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import { MarkdownContent } from '@backstage/core-components';
import {
  isSafeUrl,
  personalizeRemediation,
  type RemediationSubject,
} from '@prodready/plugin-readiness-common';
import { useState } from 'react';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';

const useStyles = makeStyles(theme => ({
  snippet: {
    position: 'relative',
    margin: theme.spacing(1, 0),
    '& pre': {
      margin: 0,
      padding: theme.spacing(1.5),
      paddingRight: theme.spacing(12),
      overflowX: 'auto',
      background: theme.palette.background.default,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      fontSize: '0.85rem',
    },
  },
  copy: { position: 'absolute', top: theme.spacing(0.5), right: 4 },
}));

type Part = { kind: 'prose'; text: string } | { kind: 'code'; text: string };

/** Splits Markdown into prose and fenced code blocks, in order. */
function splitSnippets(markdown: string): Part[] {
  const parts: Part[] = [];
  const fence = /^```[^\n]*\n([\s\S]*?)^```\s*$/gm;
  let last = 0;
  for (const match of markdown.matchAll(fence)) {
    const index = match.index ?? 0;
    if (markdown.slice(last, index).trim()) {
      parts.push({ kind: 'prose', text: markdown.slice(last, index) });
    }
    parts.push({ kind: 'code', text: match[1].replace(/\n$/, '') });
    last = index + match[0].length;
  }
  if (markdown.slice(last).trim()) {
    parts.push({ kind: 'prose', text: markdown.slice(last) });
  }
  return parts;
}

function Snippet(props: { text: string }) {
  const classes = useStyles();
  const [, copy] = useCopyToClipboard();
  const [copied, setCopied] = useState(false);
  return (
    <div className={classes.snippet}>
      <pre>
        <code>{props.text}</code>
      </pre>
      <Button
        size="small"
        className={classes.copy}
        startIcon={<FileCopyIcon fontSize="small" />}
        aria-label={copied ? 'Snippet copied' : 'Copy snippet'}
        onClick={() => {
          copy(props.text);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}

/**
 * Props of {@link RemediationContent}.
 *
 * @public
 */
export interface RemediationContentProps {
  /** The remediation, in Markdown. */
  markdown: string;
  /** The entity it is shown for: its snippets name it (not the example). */
  subject?: RemediationSubject;
  /** Where to edit the entity's `catalog-info.yaml`; shown when http(s). */
  editUrl?: string;
}

/**
 * A check's remediation: the prose as Markdown, each code snippet written
 * for the entity (its name, namespace, owner and system) with a copy button,
 * and a link to edit the entity's `catalog-info.yaml` where one is known.
 *
 * @public
 */
export function RemediationContent(props: RemediationContentProps) {
  const { markdown, subject, editUrl } = props;
  const text = subject ? personalizeRemediation(markdown, subject) : markdown;
  const parts = splitSnippets(text);
  return (
    <div>
      {parts.map((part, index) =>
        part.kind === 'code' ? (
          <Snippet key={index} text={part.text} />
        ) : (
          <MarkdownContent key={index} content={part.text} />
        ),
      )}
      {editUrl && isSafeUrl(editUrl) && (
        <Box mt={1}>
          <Link href={editUrl} target="_blank" rel="noopener noreferrer">
            <Box component="span" display="inline-flex" alignItems="center">
              <EditIcon fontSize="small" style={{ marginRight: 4 }} />
              Edit catalog-info.yaml
            </Box>
          </Link>
        </Box>
      )}
    </div>
  );
}
