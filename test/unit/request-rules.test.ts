import { describe, expect, it } from 'vitest';
import {
  checkRequestRules,
  expandWeeklyPattern,
  type RequestRuleSettings,
} from '../../src/modules/requests/request-rules.js';

const settings: RequestRuleSettings = {
  leadTimeCutoff: '17:00',
  serviceStart: '06:00',
  serviceEnd: '22:00',
  maxSiblings: 2,
  infantMonths: 6,
  infantMaxHours: 3,
};
const at = (iso: string) => new Date(iso);
const now = at('2026-11-20T16:59:00+09:00'); // Friday 16:59 JST

describe('request rules', () => {
  it.each([
    [
      'ok the next day before the 17:00 cutoff',
      '2026-11-21T09:00:00+09:00',
      '2026-11-21T12:00:00+09:00',
      ['2020-01-01'],
      now,
      null,
    ],
    [
      'lead time: after 17:00 the day before',
      '2026-11-21T09:00:00+09:00',
      '2026-11-21T12:00:00+09:00',
      ['2020-01-01'],
      at('2026-11-20T17:00:01+09:00'),
      'lead_time',
    ],
    [
      'exactly 17:00 the day before is still in time',
      '2026-11-21T09:00:00+09:00',
      '2026-11-21T10:00:00+09:00',
      ['2020-01-01'],
      at('2026-11-20T17:00:00+09:00'),
      null,
    ],
    [
      'service hours: start 05:59',
      '2026-11-25T05:59:00+09:00',
      '2026-11-25T08:00:00+09:00',
      ['2020-01-01'],
      now,
      'service_hours',
    ],
    [
      'service hours: 06:00–22:00 is fine',
      '2026-11-25T06:00:00+09:00',
      '2026-11-25T22:00:00+09:00',
      ['2020-01-01'],
      now,
      null,
    ],
    [
      'service hours: end 22:01',
      '2026-11-25T20:00:00+09:00',
      '2026-11-25T22:01:00+09:00',
      ['2020-01-01'],
      now,
      'service_hours',
    ],
    [
      'infant under 6 months: 3 hours is fine',
      '2026-11-25T09:00:00+09:00',
      '2026-11-25T12:00:00+09:00',
      ['2026-06-01'],
      now,
      null,
    ],
    [
      'infant under 6 months: 3h01 is too long',
      '2026-11-25T09:00:00+09:00',
      '2026-11-25T12:01:00+09:00',
      ['2026-06-01'],
      now,
      'infant_time_limit',
    ],
    [
      'a 6-month-old on the day may stay longer',
      '2026-11-25T09:00:00+09:00',
      '2026-11-25T15:00:00+09:00',
      ['2026-05-25'],
      now,
      null,
    ],
    [
      'three siblings exceed the default of two',
      '2026-11-25T09:00:00+09:00',
      '2026-11-25T10:00:00+09:00',
      ['2018-01-01', '2020-01-01', '2022-01-01'],
      now,
      'too_many_children',
    ],
    [
      'a start in the past',
      '2026-11-20T09:00:00+09:00',
      '2026-11-20T10:00:00+09:00',
      ['2020-01-01'],
      now,
      'past_start',
    ],
  ] as const)('%s', (_label, start, end, births, when, expected) => {
    expect(
      checkRequestRules(
        { startsAt: at(start), endsAt: at(end), childBirthDates: [...births] },
        when,
        settings,
        true,
      ),
    ).toBe(expected);
  });

  it('staff intake is not bound by the lead time, but still by the other rules', () => {
    const late = at('2026-11-21T08:00:00+09:00');
    const req = {
      startsAt: at('2026-11-21T09:00:00+09:00'),
      endsAt: at('2026-11-21T10:00:00+09:00'),
      childBirthDates: ['2020-01-01'],
    };
    expect(checkRequestRules(req, late, settings, false)).toBeNull();
    expect(
      checkRequestRules({ ...req, endsAt: at('2026-11-21T23:00:00+09:00') }, late, settings, false),
    ).toBe('service_hours');
  });
});

describe('recurring requests', () => {
  it('every weekday of January 2027, skipping national holidays (元日 and 成人の日 1/11)', () => {
    const dates = expandWeeklyPattern({
      weekdays: [1, 2, 3, 4, 5],
      fromDate: '2027-01-01',
      toDate: '2027-01-31',
      startTime: '15:00',
      endTime: '17:30',
      skipHolidays: true,
    }).map((o) => o.date);
    expect(dates).not.toContain('2027-01-01');
    expect(dates).not.toContain('2027-01-11');
    expect(dates).toContain('2027-01-04');
    expect(dates).toHaveLength(19);
  });

  it('keeps holidays when asked, and builds Tokyo instants', () => {
    const occ = expandWeeklyPattern({
      weekdays: [5],
      fromDate: '2027-01-01',
      toDate: '2027-01-08',
      startTime: '08:00',
      endTime: '09:00',
      skipHolidays: false,
    });
    expect(occ.map((o) => o.date)).toEqual(['2027-01-01', '2027-01-08']);
    expect(occ[0]!.startsAt.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});
