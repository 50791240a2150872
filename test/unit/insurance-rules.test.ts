import { describe, expect, it } from 'vitest';
import {
  claimDeadline,
  daysLeft,
  helpKnownInAdvance,
  isNearingDeadline,
} from '../../src/modules/incidents/insurance-rules.js';
import { needsSeriousReport, parseLinkValue } from '../../src/modules/incidents/incident-rules.js';

describe('insurance rules (issue #19)', () => {
  it.each([
    // The Tokyo date counts: 23:30 UTC on 30 Nov is 1 Dec in Tokyo.
    ['2026-11-30T23:30:00Z', 180, '2027-05-30'],
    ['2026-11-22T05:40:00Z', 180, '2027-05-21'],
    ['2027-01-31T01:00:00Z', 30, '2027-03-02'],
  ])('an accident at %s, window %i days → claim by %s', (at, days, expected) => {
    expect(claimDeadline(at, days)).toBe(expected);
  });

  it('counts the days left in Tokyo dates and flags the warning window', () => {
    expect(daysLeft('2027-04-25', '2027-05-20')).toBe(25);
    expect(daysLeft('2027-05-21', '2027-05-20')).toBe(-1);
    expect(isNearingDeadline('2027-04-20', '2027-05-20', 30)).toBe(true);
    expect(isNearingDeadline('2027-04-19', '2027-05-20', 30)).toBe(false);
  });

  const at = '2026-11-22T05:40:00Z';
  it.each([
    ['travel', '2026-11-20T00:00:00Z', true, true],
    ['during_help', '2026-11-22T05:40:00Z', true, false], // made at the very time: not in advance
    ['travel', '2026-11-20T00:00:00Z', false, false], // no helper assigned
    ['travel', null, false, false], // no request at all
    ['training', null, false, true], // the center's own training
    ['event', null, false, true],
  ] as const)('%s, request made %s, helper %s → known %s', (situation, created, helper, known) => {
    expect(
      helpKnownInAdvance({
        situation,
        occurredAt: at,
        requestCreatedAt: created,
        requestHasHelper: helper,
      }),
    ).toBe(known);
  });

  it('30 days of treatment is serious; a link value is kind:id', () => {
    expect([null, 0, 29, 30, 45].map(needsSeriousReport)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(parseLinkValue('request:abc')).toEqual({ kind: 'request', id: 'abc' });
    expect(parseLinkValue('member:abc')).toBeNull();
    expect(parseLinkValue('request:')).toBeNull();
  });
});
