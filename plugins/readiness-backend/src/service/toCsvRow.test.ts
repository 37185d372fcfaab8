import { toCsvRow } from './toCsvRow';

describe('toCsvRow', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(
      toCsvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere']),
    ).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it('writes numbers as they are and missing values as empty fields', () => {
    expect(toCsvRow([42.5, undefined, 0, ''])).toBe('42.5,,0,\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(
      toCsvRow(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tcmd', 'ok=1']),
    ).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'\tcmd,ok=1\r\n`);
  });
});
