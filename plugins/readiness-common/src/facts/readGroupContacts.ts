import type { Entity } from '@backstage/catalog-model';
import type { Contact } from '../types';
import { isRecord } from '../util/isRecord';

const EMAIL_TYPES = new Set(['email', 'mail', 'e-mail', 'mailing-list']);
const CHAT_TYPES = new Set([
  'chat',
  'slack',
  'teams',
  'msteams',
  'discord',
  'mattermost',
  'matrix',
  'zulip',
  'gitter',
  'rocketchat',
  'google-chat',
]);
const ONCALL_TYPES = new Set([
  'oncall',
  'on-call',
  'pagerduty',
  'opsgenie',
  'incident',
  'escalation',
  'victorops',
  'pager',
]);
const URL_TYPES = new Set([
  'support',
  'contact',
  'help',
  'helpdesk',
  'issues',
  'issue-tracker',
  'tickets',
  'jira',
]);

const CHAT_HOSTS =
  /(^|\.)(slack\.com|teams\.microsoft\.com|teams\.live\.com|discord\.com|discord\.gg|discordapp\.com|chat\.google\.com|gitter\.im|matrix\.to|zulipchat\.com|rocket\.chat|mattermost\.com)$/;
const ONCALL_HOSTS =
  /(^|\.)(pagerduty\.com|opsgenie\.com|victorops\.com|incident\.io|firehydrant\.io|rootly\.com|squadcast\.com|splunkoncall\.com)$/;
const CHAT_TITLE =
  /^#[\w.-]+$|\b(slack|teams|discord|mattermost|chat|channel|matrix|zulip)\b/i;
const EMAIL_ADDRESS = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/;

/** Annotations that route a team's alerts to an on-call rotation. */
const ONCALL_ANNOTATIONS: ReadonlyArray<{
  annotation: string;
  label: (value: string) => string;
}> = [
  {
    annotation: 'pagerduty.com/service-id',
    label: value => `PagerDuty service ${value}`,
  },
  {
    annotation: 'pagerduty.com/escalation-policy-id',
    label: value => `PagerDuty escalation policy ${value}`,
  },
  // The integration key is a routing secret: say it exists, never show it.
  {
    annotation: 'pagerduty.com/integration-key',
    label: () => 'PagerDuty integration',
  },
  { annotation: 'opsgenie.com/team', label: value => `Opsgenie team ${value}` },
  {
    annotation: 'opsgenie.com/component-selector',
    label: value => `Opsgenie component ${value}`,
  },
];

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Parses a URL we are willing to show as a link: http(s) or mailto only. */
function safeUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol)
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

function emailContact(address: string): Contact | undefined {
  const email = address
    .replace(/^mailto:/i, '')
    .split('?')[0]
    .trim();
  if (!EMAIL_ADDRESS.test(email)) {
    return undefined;
  }
  return { type: 'email', label: email, url: `mailto:${email}` };
}

function linkContact(link: unknown): Contact | undefined {
  if (!isRecord(link)) {
    return undefined;
  }
  const rawUrl = nonEmptyString(link.url);
  const title = nonEmptyString(link.title);
  const type = nonEmptyString(link.type)?.toLowerCase();
  const icon = nonEmptyString(link.icon)?.toLowerCase();
  if (!rawUrl) {
    return undefined;
  }
  // A bare address in a link's url is common enough to accept.
  if (EMAIL_ADDRESS.test(rawUrl)) {
    return emailContact(rawUrl);
  }
  const url = safeUrl(rawUrl);
  if (!url) {
    return undefined;
  }
  if (url.protocol === 'mailto:') {
    return emailContact(rawUrl);
  }
  const host = url.hostname.toLowerCase();
  const href = url.toString();

  let contactType: Contact['type'] | undefined;
  if (type && EMAIL_TYPES.has(type)) {
    // An email-typed link to a web page (a mailing-list page…) is still how
    // the team says to write to it.
    contactType = 'email';
  } else if (type && CHAT_TYPES.has(type)) {
    contactType = 'chat';
  } else if (type && ONCALL_TYPES.has(type)) {
    contactType = 'oncall';
  } else if (type && URL_TYPES.has(type)) {
    contactType = 'url';
  } else if (CHAT_HOSTS.test(host)) {
    contactType = 'chat';
  } else if (ONCALL_HOSTS.test(host)) {
    contactType = 'oncall';
  } else if (!type && ((title && CHAT_TITLE.test(title)) || icon === 'chat')) {
    contactType = 'chat';
  }
  if (!contactType) {
    return undefined;
  }
  return {
    type: contactType,
    label: title ?? `${host}${url.pathname}`.replace(/\/$/, ''),
    url: href,
  };
}

/**
 * Reads how to reach a team (or a person) from its catalog entity:
 *
 * - `spec.profile.email` as an `email` contact;
 * - `metadata.links` typed `email`, `chat`/`slack`/`teams`/…, `oncall`/
 *   `pagerduty`/`opsgenie`, or `support`/`contact`/`issues` (as `url`);
 *   untyped links are recognised by a `mailto:` URL, a chat or on-call host
 *   (Slack, Teams, Discord, PagerDuty, Opsgenie…), or a chat-like title such
 *   as "Slack" or "#payments";
 * - PagerDuty and Opsgenie annotations as `oncall` contacts (the PagerDuty
 *   integration key itself is never shown).
 *
 * Only `http(s):` and `mailto:` URLs are kept. Duplicates are dropped.
 * Malformed fields are ignored; this never throws.
 *
 * @public
 */
export function readGroupContacts(group: Entity): Contact[] {
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  const add = (contact: Contact | undefined) => {
    if (!contact) {
      return;
    }
    const key = `${contact.type}|${(
      contact.url ?? contact.label
    ).toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      contacts.push(contact);
    }
  };

  if (!isRecord(group)) {
    return contacts;
  }
  const spec = isRecord(group.spec) ? group.spec : undefined;
  const profile = spec && isRecord(spec.profile) ? spec.profile : undefined;
  const profileEmail = nonEmptyString(profile?.email);
  if (profileEmail) {
    add(emailContact(profileEmail));
  }

  const metadata = isRecord(group.metadata) ? group.metadata : undefined;
  const links = metadata?.links;
  if (Array.isArray(links)) {
    for (const link of links) {
      add(linkContact(link));
    }
  }

  const annotations =
    metadata && isRecord(metadata.annotations)
      ? metadata.annotations
      : undefined;
  if (annotations) {
    for (const { annotation, label } of ONCALL_ANNOTATIONS) {
      const value = nonEmptyString(annotations[annotation]);
      if (value) {
        add({ type: 'oncall', label: label(value) });
      }
    }
  }
  return contacts;
}
