import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChatIcon from '@material-ui/icons/Chat';
import EmailIcon from '@material-ui/icons/Email';
import LinkIcon from '@material-ui/icons/Link';
import PhoneInTalkIcon from '@material-ui/icons/PhoneInTalk';
import { isSafeUrl, type Contact } from '@prodready/plugin-readiness-common';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'inline-flex', alignItems: 'center' },
  icon: { marginRight: theme.spacing(0.5), fontSize: '1rem' },
}));

const ICONS: Record<Contact['type'], typeof EmailIcon> = {
  email: EmailIcon,
  chat: ChatIcon,
  url: LinkIcon,
  oncall: PhoneInTalkIcon,
};

const TYPE_NAMES: Record<Contact['type'], string> = {
  email: 'Email',
  chat: 'Chat',
  url: 'Link',
  oncall: 'On-call',
};

/**
 * Where a contact leads: its URL, or `mailto:` for a bare email address.
 * Only `http(s):` and `mailto:` targets are returned: contacts come from
 * catalog entries other teams write, so anything else is never a link.
 */
export function contactHref(contact: Contact): string | undefined {
  if (contact.url) {
    return isSafeUrl(contact.url, { mailto: true }) ? contact.url : undefined;
  }
  const mailto = `mailto:${contact.label}`;
  if (
    contact.type === 'email' &&
    contact.label.includes('@') &&
    isSafeUrl(mailto, { mailto: true })
  ) {
    return mailto;
  }
  return undefined;
}

/**
 * Props of {@link ContactLinks}.
 *
 * @public
 */
export interface ContactLinksProps {
  /** The contacts to show, in the given order. */
  contacts: Contact[];
  /** Shown when there is no contact; nothing is shown when absent. */
  emptyText?: string;
}

/**
 * A team's contacts as links: email as `mailto:`, chat and on-call as links
 * to their pages, each with an icon and a name of its kind.
 *
 * @public
 */
export function ContactLinks(props: ContactLinksProps) {
  const { contacts, emptyText } = props;
  const classes = useStyles();
  if (!contacts.length) {
    return emptyText ? (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    ) : null;
  }
  return (
    <Box component="ul" className={classes.list}>
      {contacts.map((contact, index) => {
        const Icon = ICONS[contact.type] ?? LinkIcon;
        const href = contactHref(contact);
        const external = href && !href.startsWith('mailto:');
        return (
          <li
            key={`${contact.type}-${contact.label}-${index}`}
            className={classes.item}
          >
            <Icon
              className={classes.icon}
              titleAccess={TYPE_NAMES[contact.type]}
            />
            {href ? (
              <Link
                href={href}
                {...(external && {
                  target: '_blank',
                  rel: 'noopener noreferrer',
                })}
              >
                {contact.label}
              </Link>
            ) : (
              <Typography variant="body2" component="span">
                {contact.label}
              </Typography>
            )}
          </li>
        );
      })}
    </Box>
  );
}
