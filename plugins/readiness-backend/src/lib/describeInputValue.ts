/** Longest part of a bad value repeated in an error message. */
const MAX_SHOWN = 100;

/** Tab, line feed and carriage return. */
const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d]);

function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * A bad input value as it may be repeated in an error message: control
 * characters (NUL included) written as `\uXXXX` escapes, and cut after
 * 100 characters, so that an answer never carries raw control bytes or
 * echoes a huge value back.
 *
 * @internal
 */
export function describeInputValue(value: string): string {
  const cut =
    value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  let out = '';
  for (const c of cut) {
    const code = c.charCodeAt(0);
    out += isControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/**
 * Whether a value holds a control character: NUL, C0 and C1 controls and
 * DEL. With `allowLineBreaks`, tab, line feed and carriage return are
 * accepted (free text such as an exemption reason may span lines).
 *
 * @internal
 */
export function hasControlCharacters(
  value: string,
  options?: { allowLineBreaks?: boolean },
): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (
      isControl(code) &&
      !(options?.allowLineBreaks && LINE_BREAKS.has(code))
    ) {
      return true;
    }
  }
  return false;
}
