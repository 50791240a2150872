import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv.js';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toCsv(['会員番号', '氏名'], [['00001', '田中 さくら']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('会員番号,氏名\r\n00001,田中 さくら\r\n');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'line1\nline2', 'cr\rhere']]);
    expect(csv.slice(1).split('\r\n')[1]).toBe('"x,y","say ""hi""","line1\nline2","cr\rhere"');
  });

  it('writes null as an empty field and numbers as they are', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, 42, -3]]).slice(1)).toBe('a,b,c\r\n,42,-3\r\n');
  });

  it.each(['=1+1', '+81-90', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])(
    'neutralises a text cell starting a formula: %j',
    (value) => {
      const line = toCsv(['h'], [[value]])
        .slice(1)
        .split('\r\n')[1]!;
      const unquoted = line.startsWith('"') ? line.slice(1, -1) : line;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it('keeps ordinary text, including hyphenated phone numbers, unchanged', () => {
    expect(toCsv(['電話'], [['090-1234-5678']]).slice(1)).toBe('電話\r\n090-1234-5678\r\n');
  });

  it('neutralises a formula in the headers too', () => {
    expect(toCsv(['=cmd'], []).slice(1)).toBe("'=cmd\r\n");
  });
});
