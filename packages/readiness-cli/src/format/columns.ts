/**
 * Options of {@link columns}.
 */
export interface ColumnsOptions {
  /** Indexes of the columns aligned to the right. */
  rightAligned?: number[];
  /** Prefix of every line. */
  indent?: string;
  /**
   * Decorates a cell (e.g. with ANSI colours) after its width is measured,
   * so decorations never break the alignment.
   */
  paintCell?: (row: number, column: number, cell: string) => string;
}

/**
 * Lays out rows in aligned columns separated by two spaces; the last column
 * is not padded and trailing spaces are trimmed.
 */
export function columns(
  rows: string[][],
  options: ColumnsOptions = {},
): string[] {
  const { rightAligned = [], indent = '', paintCell } = options;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      const last = c === row.length - 1;
      const padding = last ? '' : ' '.repeat(widths[c] - cell.length);
      const painted = paintCell ? paintCell(r, c, cell) : cell;
      return rightAligned.includes(c)
        ? `${padding}${painted}`
        : `${painted}${padding}`;
    });
    return `${indent}${cells.join('  ')}`.trimEnd();
  });
}
