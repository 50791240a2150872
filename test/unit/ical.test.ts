import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  formatUtc,
  writeCalendar,
  type CalendarEvent,
} from '../../src/modules/availability/ical.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'request-1@tsunagu',
  startsAt: new Date('2026-11-24T01:00:00.000Z'),
  endsAt: new Date('2026-11-24T03:30:00.000Z'),
  updatedAt: new Date('2026-11-20T05:06:07.890Z'),
  summary: 'ファミサポ援助：田中さま（お子さま1人）',
  ...overrides,
});

describe('formatUtc', () => {
  it('writes a UTC DATE-TIME with the Z suffix and no milliseconds', () => {
    expect(formatUtc(new Date('2026-11-24T01:00:00.000Z'))).toBe('20261124T010000Z');
    expect(formatUtc(new Date('2026-11-20T05:06:07.890Z'))).toBe('20261120T050607Z');
  });

  it('refuses an invalid date', () => {
    expect(() => formatUtc(new Date('nope'))).toThrow(RangeError);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  });

  it('escapes the backslash first, so escapes are not doubled', () => {
    expect(escapeText('\\n')).toBe('\\\\n');
    expect(escapeText(';')).toBe('\\;');
  });

  it('drops control characters but keeps tabs and Japanese text', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
    expect(escapeText('お子さま、2人；送迎')).toBe('お子さま、2人；送迎');
  });
});

describe('foldLine', () => {
  it('leaves lines of up to 75 octets alone', () => {
    const line = `SUMMARY:${'a'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds ASCII at exactly 75 octets, continuation lines starting with one space', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    expect(octets(physical[0]!)).toBe(75);
    for (const part of physical.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(part.startsWith('  ')).toBe(false);
    }
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multibyte character: Japanese folds on UTF-8 character boundaries', () => {
    // 8 ASCII octets + 3-octet characters: 75 is not a multiple of 3 after the prefix.
    const line = `SUMMARY:${'ファミリー・サポート・センターの援助活動'.repeat(5)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own (no lone halves of a character).
      const bytes = new TextEncoder().encode(part);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(part);
    }
    // The first line is as long as possible without cutting a character: 8 + 3 × 22 = 74.
    expect(octets(physical[0]!)).toBe(74);
    expect(unfold(folded)).toBe(line);
  });

  it('keeps four-octet characters (emoji, surrogate pairs) whole', () => {
    const line = `SUMMARY:${'😀'.repeat(40)}`;
    const physical = foldLine(line).split('\r\n');
    for (const part of physical) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(part).not.toMatch(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(unfold(physical.join('\r\n'))).toBe(line);
  });

  it('handles text mixing one-, two- and three-octet characters', () => {
    for (let prefix = 0; prefix < 6; prefix++) {
      const line = `X:${'a'.repeat(prefix)}${'éあ'.repeat(60)}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
      expect(unfold(folded)).toBe(line);
    }
  });
});

describe('writeCalendar', () => {
  const text = writeCalendar({
    prodId: '-//Tsunagu//Family Support Center//JA',
    name: 'ファミサポの予定',
    refreshMinutes: 60,
    events: [
      event({
        description: '活動：保育施設等までの送迎\n場所：提供会員の自宅, 1階; 玄関\\裏',
        url: 'https://fsc.example.jp/requests/1',
        status: 'CONFIRMED',
      }),
    ],
  });

  it('uses CRLF for every line, including the last, and no bare LF or CR', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every physical line within 75 octets', () => {
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('has the required calendar and event properties', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//Tsunagu//Family Support Center//JA');
    expect(lines).toContain('X-WR-CALNAME:ファミサポの予定');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('UID:request-1@tsunagu');
    expect(lines).toContain('DTSTAMP:20261120T050607Z');
    expect(lines).toContain('DTSTART:20261124T010000Z');
    expect(lines).toContain('DTEND:20261124T033000Z');
    expect(lines).toContain('SUMMARY:ファミサポ援助：田中さま（お子さま1人）');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('URL:https://fsc.example.jp/requests/1');
    expect(lines).toContain('END:VEVENT');
  });

  it('escapes TEXT values (newlines, commas, semicolons, backslashes)', () => {
    expect(unfold(text)).toContain(
      'DESCRIPTION:活動：保育施設等までの送迎\\n場所：提供会員の自宅\\, 1階\\; 玄関\\\\裏',
    );
  });

  it('writes an empty calendar when there are no events', () => {
    const empty = writeCalendar({ prodId: '-//x//y//EN', events: [] });
    expect(empty).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n',
    );
  });
});
