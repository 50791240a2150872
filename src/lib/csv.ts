/**
 * CSV for the spreadsheets centers live in: UTF-8 with a byte-order mark (so Excel detects the
 * encoding and Japanese text opens cleanly), CRLF line ends and RFC 4180 quoting.
 */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';

// NOTE: a cell that starts with one of these is read as a formula by Excel and LibreOffice
// (CSV injection, OWASP). Text cells get a leading apostrophe, which shows the text as typed.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: string[], rows: CsvCell[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(cell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
