import { describe, expect, it } from 'vitest';
import {
  chainSteps,
  previousStep,
  seriousReasonOf,
  stageDueOn,
  stepRefusal,
  type RecordedStep,
} from '../../src/modules/incidents/serious-accident-rules.js';

describe('serious accident chain rules (issue #19)', () => {
  it.each([
    ['accident', null, 30, 'treatment_30_days'],
    ['accident', null, 29, null],
    ['accident', null, null, null],
    ['accident', 'death', null, 'death'],
    ['accident', 'loss_of_consciousness', 3, 'loss_of_consciousness'],
    ['near_miss', null, 45, null],
  ] as const)('%s marked %s with %s days of treatment → %s', (kind, marked, days, expected) => {
    expect(seriousReasonOf({ kind, seriousReason: marked, treatmentDays: days })).toBe(expected);
  });

  it.each([
    ['first', '2026-12-06', '2026-12-07'],
    ['first', '2026-12-31', '2027-01-01'],
    ['detailed', '2026-12-06', '2027-01-06'],
    ['detailed', '2027-01-31', '2027-02-28'], // clamped to the shorter month
    ['detailed', '2028-01-31', '2028-02-29'], // leap year
  ] as const)('the %s report of an accident on %s is due on %s', (stage, on, due) => {
    expect(stageDueOn(stage, on)).toBe(due);
  });

  it.each([
    ['first', 'municipality', null],
    ['first', 'prefecture', { stage: 'first', level: 'municipality' }],
    ['first', 'national', { stage: 'first', level: 'prefecture' }],
    ['detailed', 'municipality', { stage: 'first', level: 'municipality' }],
    ['detailed', 'national', { stage: 'detailed', level: 'prefecture' }],
  ] as const)('before %s → %s comes %j', (stage, level, expected) => {
    expect(previousStep(stage, level)).toEqual(expected);
  });

  // 16:30 UTC on 5 Dec is 01:30 on 6 Dec in Tokyo: the accident's date is 2026-12-06.
  const at = '2026-12-05T16:30:00Z';
  const first: RecordedStep = {
    stage: 'first',
    level: 'municipality',
    reportedOn: '2026-12-06',
    reportedBy: '山田',
    note: null,
  };

  it('lists six steps with their states; the first open level of a stage is next', () => {
    const steps = chainSteps(at, [first], '2026-12-08');
    expect(steps.map((s) => [s.stage, s.level, s.dueOn, s.daysLeft, s.state, s.next])).toEqual([
      ['first', 'municipality', '2026-12-07', null, 'done', false],
      ['first', 'prefecture', '2026-12-07', -1, 'overdue', true],
      ['first', 'national', '2026-12-07', -1, 'overdue', false],
      ['detailed', 'municipality', '2027-01-06', 29, 'pending', true],
      ['detailed', 'prefecture', '2027-01-06', 29, 'pending', false],
      ['detailed', 'national', '2027-01-06', 29, 'pending', false],
    ]);
    expect(steps[0]!.reported).toEqual(first);
  });

  it.each([
    ['2026-12-06', 1, 'due_soon'],
    ['2026-12-07', 0, 'due_soon'],
    ['2026-12-08', -1, 'overdue'],
  ] as const)('on %s the first report to the 市町村 has %i days left: %s', (today, left, state) => {
    const step = chainSteps(at, [], today)[0]!;
    expect([step.daysLeft, step.state]).toEqual([left, state]);
  });

  it.each([
    ['2026-12-30', 7, 'due_soon'],
    ['2026-12-29', 8, 'pending'],
  ] as const)('on %s the detailed report has %i days left: %s', (today, left, state) => {
    const step = chainSteps(at, [first], today)[3]!;
    expect([step.daysLeft, step.state]).toEqual([left, state]);
  });

  it.each([
    [{ stage: 'first', level: 'municipality', reportedOn: '2026-12-06' }, [], null],
    [
      { stage: 'first', level: 'municipality', reportedOn: '2026-12-06' },
      [first],
      'serious_step_recorded',
    ],
    [{ stage: 'first', level: 'prefecture', reportedOn: '2026-12-06' }, [], 'serious_step_order'],
    [
      { stage: 'detailed', level: 'municipality', reportedOn: '2026-12-07' },
      [],
      'serious_step_order',
    ],
    [{ stage: 'first', level: 'municipality', reportedOn: '2026-12-05' }, [], 'serious_step_date'],
    [{ stage: 'first', level: 'municipality', reportedOn: '2026-12-09' }, [], 'serious_step_date'],
    [{ stage: 'first', level: 'prefecture', reportedOn: '2026-12-07' }, [first], null],
    [
      { stage: 'first', level: 'prefecture', reportedOn: '2026-12-06' },
      [{ ...first, reportedOn: '2026-12-07' }],
      'serious_step_date',
    ],
    [{ stage: 'detailed', level: 'municipality', reportedOn: '2026-12-08' }, [first], null],
  ] as const)('recording %j after %j → %s', (step, recorded, expected) => {
    expect(stepRefusal(step, recorded, at, '2026-12-08')).toBe(expected);
  });
});
