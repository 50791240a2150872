import { describe, expect, it } from 'vitest';
import { agedOutAtFiscalYearEnd } from '../../src/modules/members/renewals.js';

// The renewal list follows the center's age limit (issue #19, point 3).
describe('agedOutAtFiscalYearEnd', () => {
  const members = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const children: Record<string, { id: string; name: string; birth_date: string }[]> = {
    a: [{ id: 'a1', name: 'A', birth_date: '2014-05-01' }], // 6th grade in FY2026
    b: [{ id: 'b1', name: 'B', birth_date: '2011-05-01' }], // 9th grade in FY2026
    c: [{ id: 'c1', name: 'C', birth_date: '2020-05-01' }], // last preschool year in FY2026
  };
  const listed = (until: 'end_of_preschool' | 'end_of_elementary' | 'end_of_junior_high') =>
    agedOutAtFiscalYearEnd(members, (id) => children[id] ?? [], 2026, until).map((e) => [
      e.member.id,
      e.children[0]?.agedOutOn,
    ]);

  it.each([
    [
      'end_of_preschool',
      [
        ['a', '2021-03-31'],
        ['b', '2018-03-31'],
        ['c', '2027-03-31'],
      ],
    ],
    [
      'end_of_elementary',
      [
        ['a', '2027-03-31'],
        ['b', '2024-03-31'],
      ],
    ],
    ['end_of_junior_high', [['b', '2027-03-31']]],
  ] as const)('under %s', (until, expected) => {
    expect(listed(until)).toEqual(expected);
  });
});
