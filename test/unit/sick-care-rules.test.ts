import { describe, expect, it } from 'vitest';
import {
  answerChecklist,
  doctorSeenProblem,
  exclusionReasons,
  sickChildCountProblem,
} from '../../src/modules/programme/sick-care-rules.js';

const items = [
  { code: 'fever', ja: '38.0℃以上の発熱', en: '38.0 °C or higher' },
  { code: 'vomiting', ja: '嘔吐が続く', en: 'Repeated vomiting' },
];

describe('the exclusion checklist', () => {
  it.each([
    [{}, { kind: 'unanswered', codes: ['fever', 'vomiting'] }],
    [{ fever: false }, { kind: 'unanswered', codes: ['vomiting'] }],
    [{ fever: false, vomiting: false, old: true }, { kind: 'clear' }],
    [
      { fever: true, vomiting: false },
      { kind: 'excluded', yes: ['fever'] },
    ],
    [
      { fever: true, vomiting: true },
      { kind: 'excluded', yes: ['fever', 'vomiting'] },
    ],
  ] as const)('%j → %j', (answers, expected) => {
    const outcome = answerChecklist(items, answers);
    expect(outcome.kind).toBe(expected.kind);
    if (outcome.kind === 'unanswered' && 'codes' in expected)
      expect(outcome.codes).toEqual(expected.codes);
    if (outcome.kind === 'excluded' && 'yes' in expected)
      expect(outcome.items.map((i) => i.code)).toEqual(expected.yes);
    // Codes no longer on the checklist are not kept.
    if (outcome.kind === 'clear')
      expect(outcome.answered.map((i) => i.code)).toEqual(['fever', 'vomiting']);
  });

  it('names the items answered "yes" in both languages', () => {
    const outcome = answerChecklist(items, { fever: true, vomiting: true });
    if (outcome.kind !== 'excluded') throw new Error('expected a refusal');
    expect(exclusionReasons(outcome.items)).toEqual({
      reasonsJa: '38.0℃以上の発熱、嘔吐が続く',
      reasonsEn: '38.0 °C or higher; Repeated vomiting',
    });
  });
});

describe('one child, a recent doctor’s visit', () => {
  it.each([
    [1, null],
    [2, 'sick_one_child'],
    [0, 'sick_one_child'],
  ])('%i children → %s', (n, code) => expect(sickChildCountProblem(n)).toBe(code));

  it.each([
    ['2026-12-09', null],
    ['2026-12-08', null],
    ['2026-12-07', 'doctor_seen_too_early'],
    ['2026-12-10', 'doctor_seen_after'],
  ])('seen on %s for care on 2026-12-09 → %s', (seen, code) =>
    expect(doctorSeenProblem(seen, '2026-12-09')).toBe(code),
  );
  it('the day before across a year end', () =>
    expect(doctorSeenProblem('2026-12-31', '2027-01-01')).toBeNull());
});
