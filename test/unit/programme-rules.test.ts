import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/modules/settings/settings.schemas.js';
import { programmeRequestProblem } from '../../src/modules/programme/programme-rules.js';
import {
  checkRequestRules,
  requestRulesOf,
  type RequestRuleSettings,
} from '../../src/modules/requests/request-rules.js';

/** Issue #20: which requests belong to the programme, and the programme's hours. */

// The defaults: ordinary 06:00–22:00; the programme 05:00–24:00, at most 24 hours.
const settings = (overnight: boolean): RequestRuleSettings => {
  const defaults = requestRulesOf(defaultSettings());
  return { ...defaults, programme: { ...defaults.programme!, overnight } };
};
const at = (s: string) => new Date(`${s}:00+09:00`);
const now = at('2027-02-01T10:00');
const check = (
  from: string,
  to: string,
  programme: 'sick' | 'emergency' | null,
  overnight = true,
) =>
  checkRequestRules(
    { startsAt: at(from), endsAt: at(to), childBirthDates: ['2022-06-01'], programme },
    now,
    settings(overnight),
    true,
  );

describe('programme hours', () => {
  it.each([
    ['overnight across midnight, allowed', '2027-02-10T22:00', '2027-02-11T07:00', true, null],
    ['overnight not allowed', '2027-02-10T22:00', '2027-02-11T07:00', false, 'programme_hours'],
    ['an end at midnight is 24:00', '2027-02-10T20:00', '2027-02-11T00:00', false, null],
    [
      'before the programme start',
      '2027-02-10T04:30',
      '2027-02-10T07:00',
      false,
      'programme_hours',
    ],
    ['from the programme start', '2027-02-10T05:00', '2027-02-10T07:00', false, null],
    ['24 hours is the most', '2027-02-10T08:00', '2027-02-11T08:00', true, null],
    ['over 24 hours', '2027-02-10T08:00', '2027-02-11T08:30', true, 'programme_max_hours'],
  ] as const)('%s', (_name, from, to, overnight, code) => {
    expect(check(from, to, 'emergency', overnight)).toBe(code);
  });

  it('an ordinary request keeps 6:00–22:00 on one day, whatever the programme allows', () => {
    expect(check('2027-02-10T22:00', '2027-02-11T07:00', null)).toBe('service_hours');
    expect(check('2027-02-10T05:00', '2027-02-10T07:00', null)).toBe('service_hours');
    expect(check('2027-02-10T09:00', '2027-02-10T12:00', null)).toBeNull();
  });
});

describe('programme requests', () => {
  it.each([
    ['ordinary, programme off', null, 9, false, false, null],
    ['ordinary sick-child care while it is off (as today)', null, 10, false, false, null],
    ['ordinary sick-child care while it runs', null, 10, false, true, 'programme_required'],
    ['ordinary emergency-category help while it runs', null, 11, false, true, null],
    ['programme while it is off', 'emergency', 11, false, false, 'programme_off'],
    ['emergency with its category', 'emergency', 11, false, true, null],
    ['sick with its category', 'sick', 10, false, true, null],
    ['sick with another category', 'sick', 11, false, true, 'programme_category'],
    ['a series', 'sick', 10, true, true, 'programme_once'],
  ] as const)('%s', (_name, programme, category, recurring, enabled, code) => {
    expect(programmeRequestProblem({ programme, category, recurring }, enabled)).toBe(code);
  });
});
