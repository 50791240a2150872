import { describe, expect, it } from 'vitest';
import {
  preMeetingNeed,
  type PairPreMeeting,
  type RequestKind,
} from '../../src/modules/requests/pre-meeting-need-rules.js';

const meeting = (
  fiscal_year: number,
  category: number | null,
  care_location: PairPreMeeting['care_location'],
  held_on = `${fiscal_year}-05-10`,
): PairPreMeeting => ({
  fiscal_year,
  category,
  care_location,
  held_on,
  created_at: `${held_on}T01:00:00.000Z`,
});

const request: RequestKind = { fiscalYear: 2026, category: 3, careLocation: 'helper_home' };

describe('preMeetingNeed (a new pre-meeting when the year or the kind of help changes)', () => {
  const cases: Array<[string, PairPreMeeting[], RequestKind, string]> = [
    ['never held one', [], request, 'first'],
    ['held last fiscal year only', [meeting(2025, 3, 'helper_home')], request, 'fiscal_year'],
    [
      'held next fiscal year only (a request earlier than the meeting year)',
      [meeting(2027, 3, 'helper_home')],
      request,
      'fiscal_year',
    ],
    ['same year, same category and place', [meeting(2026, 3, 'helper_home')], request, 'covered'],
    ['same year, another category', [meeting(2026, 5, 'helper_home')], request, 'category'],
    [
      'same year, another category and another place: told as the help',
      [meeting(2026, 5, 'requester_home')],
      request,
      'category',
    ],
    [
      'same year, same category, another place',
      [meeting(2026, 3, 'other')],
      request,
      'care_location',
    ],
    [
      'same year: one for another category, one for this category elsewhere',
      [meeting(2026, 5, 'helper_home', '2026-06-01'), meeting(2026, 3, 'other', '2026-04-20')],
      request,
      'care_location',
    ],
    [
      'same year: an older meeting for this kind still covers after one for another kind',
      [meeting(2026, 3, 'helper_home', '2026-04-20'), meeting(2026, 5, 'other', '2026-06-01')],
      request,
      'covered',
    ],
    [
      'recorded before kinds were kept (null): any kind that year',
      [meeting(2026, null, null)],
      request,
      'covered',
    ],
    [
      'recorded before kinds were kept, last year',
      [meeting(2025, null, null)],
      request,
      'fiscal_year',
    ],
    [
      'a this-year meeting for another kind and a last-year one for this kind',
      [meeting(2025, 3, 'helper_home'), meeting(2026, 1, 'helper_home')],
      request,
      'category',
    ],
    [
      'transport-only request after a meeting for care at the helper home',
      [meeting(2026, 3, 'helper_home')],
      { fiscalYear: 2026, category: 8, careLocation: 'helper_home' },
      'category',
    ],
    [
      'care moved to the family home',
      [meeting(2026, 3, 'helper_home')],
      { fiscalYear: 2026, category: 3, careLocation: 'requester_home' },
      'care_location',
    ],
  ];
  it.each(cases)('%s', (_name, meetings, req, expected) => {
    const need = preMeetingNeed(req, meetings);
    expect(need.needed ? need.reason : 'covered').toBe(expected);
  });

  it('names the newest covering meeting', () => {
    const older = meeting(2026, 3, 'helper_home', '2026-04-20');
    const newer = meeting(2026, 3, 'helper_home', '2026-07-01');
    const sameDayLater = { ...newer, created_at: '2026-07-01T05:00:00.000Z' };
    expect(preMeetingNeed(request, [older, newer, sameDayLater])).toEqual({
      needed: false,
      covering: sameDayLater,
    });
  });
});
