import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The example service the default pack's remediation snippets are written
 * for: a component `payments-api` owned by the group `payments`, in the
 * system `payments`.
 *
 * @public
 */
export const REMEDIATION_EXAMPLE = {
  name: 'payments-api',
  ownerRef: 'group:default/payments',
  owner: 'payments',
  system: 'payments',
} as const;

/**
 * The entity a remediation is shown for (see {@link personalizeRemediation}).
 *
 * @public
 */
export interface RemediationSubject {
  /** `metadata.name`. */
  name: string;
  /** `metadata.namespace`; `default` when absent. */
  namespace?: string;
  /** The owner's entity ref, e.g. `group:default/checkout`. */
  ownerRef?: string;
  /** `spec.system`, when set. */
  system?: string;
}

const FENCE = /^(```[^\n]*\n)([\s\S]*?)(^```\s*$)/gm;
const NAME = '\u0000name\u0000';
const OWNER_REF = '\u0000owner-ref\u0000';
const SYSTEM = '\u0000system\u0000';

function personalizeBlock(code: string, subject: RemediationSubject): string {
  const owner = subject.ownerRef
    ? parseEntityRef(subject.ownerRef, { defaultKind: 'group' })
    : undefined;
  let text = code
    .replace(/\bpayments-api\b/g, NAME)
    .replace(/\bgroup:default\/payments\b/g, OWNER_REF)
    .replace(/(\bsystem:\s*)payments\b/g, `$1${SYSTEM}`);
  if (owner) {
    text = text.replace(/\bpayments\b/g, owner.name);
  }
  text = text
    .split(NAME)
    .join(subject.name)
    .split(OWNER_REF)
    .join(subject.ownerRef ?? REMEDIATION_EXAMPLE.ownerRef)
    .split(SYSTEM)
    .join(subject.system ?? REMEDIATION_EXAMPLE.system);
  // A bare `metadata:` fragment says which entity it belongs to.
  if (/^metadata:\n/.test(text) && !/^ {2}name:/m.test(text)) {
    const namespace =
      subject.namespace && subject.namespace !== 'default'
        ? `  namespace: ${subject.namespace}\n`
        : '';
    text = text.replace(
      /^metadata:\n/,
      `metadata:\n  name: ${subject.name}\n${namespace}`,
    );
  }
  return text;
}

/**
 * Rewrites the code snippets of a remediation (Markdown) for one entity: the
 * default pack's example service (`payments-api`, owned by `payments`, see
 * {@link REMEDIATION_EXAMPLE}) becomes the entity's own name, namespace, owner
 * and system. Only fenced code blocks change; the prose and snippets that do
 * not name the example stay as written.
 *
 * @public
 */
export function personalizeRemediation(
  markdown: string,
  subject: RemediationSubject,
): string {
  return markdown.replace(
    FENCE,
    (_match, open: string, code: string, close: string) =>
      `${open}${personalizeBlock(code, subject)}${close}`,
  );
}
