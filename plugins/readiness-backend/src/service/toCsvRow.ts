/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formats one CSV record (RFC 4180): fields with a comma, quote, CR or LF
 * are quoted with quotes doubled; records end with CRLF. Text cells that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
 * or CR) are prefixed with `'`.
 *
 * @internal
 */
export function toCsvRow(
  values: ReadonlyArray<string | number | undefined>,
): string {
  return `${values
    .map(value => {
      if (value === undefined) {
        return '';
      }
      if (typeof value === 'number') {
        return String(value);
      }
      const text = FORMULA_START.test(value) ? `'${value}` : value;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
