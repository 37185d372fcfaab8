/**
 * Options of {@link isSafeUrl}.
 *
 * @public
 */
export interface IsSafeUrlOptions {
  /**
   * Whether `mailto:` addresses are safe too (for contacts); defaults to
   * false: only `http:` and `https:` are.
   */
  mailto?: boolean;
}

/**
 * Longest URL accepted as evidence or as a link.
 *
 * @internal
 */
export const MAX_URL_LENGTH = 2048;

/** `http://` or `https://` and at least one character of authority. */
const WEB_URL = /^https?:\/\/[^/\\]/i;

/** `mailto:` and at least one character of address. */
const MAILTO_URL = /^mailto:[^/\\]/i;

/**
 * Whether a character is whitespace (ASCII or Unicode, the byte-order
 * mark), a C0 or C1 control character, or an invisible format character a
 * browser may drop.
 */
function isInvisible(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x2064) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether a text holds whitespace, control or invisible characters (what
 * {@link isSafeUrl} refuses anywhere in a URL).
 *
 * @internal
 */
export function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code < 0x7f) {
      continue;
    }
    if (isInvisible(code)) {
      return true;
    }
  }
  return false;
}

function removeInvisible(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    if (!isInvisible(text.charCodeAt(i))) {
      result += text[i];
    }
  }
  return result;
}

/**
 * Whether a value may be used as a link target (an `href`), shown to other
 * teams as evidence: a string of at most 2,048 characters that starts with
 * `http://` or `https://` (any case) and a host — or, with `mailto: true`,
 * with `mailto:` and an address — and holds no whitespace, control or
 * invisible characters anywhere.
 *
 * This is an allow-list: every other scheme (`javascript:`, `data:`,
 * `vbscript:`, `file:`, …) is unsafe, and so is every disguise of one —
 * leading spaces or control characters, a tab or newline inside the scheme
 * (`java\tscript:`), percent- or entity-encoded schemes (`java%0ascript:`,
 * `&#106;avascript:`) — since such a value does not begin with the literal
 * text of a safe scheme. Relative URLs are unsafe too: evidence is shown on
 * other pages than the one it was written for.
 *
 * Pure; used by the engine (evidence URLs), the API output, the CLI and the
 * frontend alike.
 *
 * @public
 */
export function isSafeUrl(
  value: unknown,
  options?: IsSafeUrlOptions,
): value is string {
  return typeof value === 'string' && safe(value, options?.mailto === true);
}

function safe(value: string, mailto: boolean): boolean {
  // Cheap test first: a safe URL starts with `h` (or `m` for mailto:).
  const first = value.charCodeAt(0) | 0x20;
  if (
    (first !== 0x68 && !(mailto && first === 0x6d)) ||
    value.length > MAX_URL_LENGTH ||
    !(WEB_URL.test(value) || (mailto && MAILTO_URL.test(value)))
  ) {
    return false;
  }
  return !hasInvisible(value);
}

/** Named and numeric character references, as an HTML page would decode them. */
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi;

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  amp: '&',
  lpar: '(',
  rpar: ')',
};

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (match, body: string) => {
    const lower = body.toLowerCase();
    let code: number | undefined;
    if (lower.startsWith('#x')) {
      code = parseInt(lower.slice(2), 16);
    } else if (lower.startsWith('#')) {
      code = parseInt(lower.slice(1), 10);
    } else {
      return NAMED_ENTITIES[lower] ?? match;
    }
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function decodePercent(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Schemes that run code or embed content when followed. */
const SCRIPT_SCHEMES =
  /^(?:javascript|vbscript|livescript|mocha|data|blob|file|jar|view-source):/;

/** `scheme://…`: the shape of a URL whatever its scheme. */
const ANY_SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//;

/**
 * Whether a free-form value (an annotation value, say) presents itself as a
 * link that {@link isSafeUrl} rejects: after undoing the usual disguises
 * (entity and percent encoding, up to three rounds; whitespace and control
 * characters; case) it names a scripting or embedding scheme
 * (`javascript:`, `data:`, `vbscript:`, …), or it has the `scheme://` shape
 * of a URL but is not a safe one. Values that are not links at all
 * (`team-a/payments`, `dir:.`, `url:https://…`, `tag:foo`) are not unsafe
 * links; they are simply not URLs.
 *
 * @internal
 */
export function isUnsafeLink(value: unknown): boolean {
  if (
    typeof value !== 'string' ||
    // A scheme needs a colon, written or encoded (`%3a`, `&colon;`, `&#58;`);
    // most values hold none of `:`, `%`, `&`.
    (value.indexOf(':') < 0 &&
      value.indexOf('%') < 0 &&
      value.indexOf('&') < 0) ||
    safe(value, false)
  ) {
    return false;
  }
  let text = value;
  for (let round = 0; round < 3; round++) {
    const decoded = decodePercent(decodeEntities(text));
    if (decoded === text) {
      break;
    }
    text = decoded;
  }
  text = removeInvisible(text).toLowerCase();
  return SCRIPT_SCHEMES.test(text) || ANY_SCHEME_URL.test(text);
}
