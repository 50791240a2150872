import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  renewalOpensOn,
  renewalYearOn,
  sidesToLapse,
} from '../../src/modules/members/renewal-rules.js';

// 年度更新 (issue #19, point 3): which year a confirmation is for, and what ends at the year end.
describe('renewal rules', () => {
  it.each([
    ['2026-11-21', 2026],
    ['2027-01-31', 2026],
    ['2027-02-01', 2027],
    ['2027-03-31', 2027],
    ['2027-04-01', 2027],
    ['2028-02-01', 2028],
  ])('a confirmation on %s is for fiscal year %i', (today, year) => {
    expect(renewalYearOn(today)).toBe(year);
  });

  it('opens on February 1 before the year', () => {
    expect(renewalOpensOn(2027)).toBe('2027-02-01');
  });

  const both = { requester_status: 'active', helper_status: 'active' } as const;
  const requester = { requester_status: 'active', helper_status: null } as const;
  it.each([
    [requester, { continueRequester: false, continueHelper: null }, ['requester'], true],
    [requester, { continueRequester: true, continueHelper: null }, [], false],
    [both, { continueRequester: false, continueHelper: true }, ['requester'], false],
    [both, { continueRequester: false, continueHelper: false }, ['requester', 'helper'], true],
    // A side already ended is not ended again, and does not keep the member.
    [
      { requester_status: 'withdrawn', helper_status: 'active' } as const,
      { continueRequester: null, continueHelper: false },
      ['helper'],
      true,
    ],
  ] as const)('sidesToLapse %#', (member, answer, sides, all) => {
    expect(sidesToLapse(member, answer)).toEqual({ sides, all });
  });

  it('asks for an answer per side the member has, and only those', () => {
    expect(answerProblem(requester, { continueRequester: null, continueHelper: null })).toBe(
      'renewal_answer_missing',
    );
    expect(answerProblem(requester, { continueRequester: true, continueHelper: true })).toBe(
      'no_such_side',
    );
    expect(answerProblem(both, { continueRequester: true, continueHelper: false })).toBeNull();
  });
});
