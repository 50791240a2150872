import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../src/lib/dates.js';
import { DEFAULT_CURRICULUM } from '../../src/modules/trainings/default-curriculum.js';
import {
  addDaysTo,
  addMonthsTo,
  computeQualifications,
  expiresOnFor,
  type HelperStatus,
  type ModuleDef,
  type QualificationInput,
  type Qualifications,
  type TrainingRecord,
  type TrainingSource,
} from '../../src/modules/trainings/qualifications.js';

// Expectations below are computed by hand from the default curriculum as a center that chose
// 36-month CPR and no refresher for the safety module has it (`CURRICULUM_36`; the defaults since
// #19, 60 months for both, have their own cases under "refreshers"):
// basic = 10 modules / 24 h (heart 2, mind 2, body 2, nursing 2, nutrition 2, care 4, play 2,
// safety 3, disability 2, rules 3); cpr = 36 months; followup = to March 31 of its fiscal year;
// sick_child = sick_infection, sick_nursing, sick_practice (no expiry).
const CURRICULUM_36: readonly ModuleDef[] = DEFAULT_CURRICULUM.map((m) =>
  m.code === 'cpr'
    ? { ...m, validityMonths: 36 }
    : m.code === 'basic_safety'
      ? { ...m, validityMonths: null }
      : m,
);
const BASIC = [
  'basic_heart',
  'basic_mind',
  'basic_body',
  'basic_nursing',
  'basic_nutrition',
  'basic_care',
  'basic_play',
  'basic_safety',
  'basic_disability',
  'basic_rules',
] as const;
const SICK = ['sick_infection', 'sick_nursing', 'sick_practice'] as const;

const rec = (
  moduleCode: string,
  completedOn: string,
  source: TrainingSource = 'attendance',
): TrainingRecord => ({ moduleCode, completedOn, source });

/** Every basic module on `date`, optionally with per-module overrides (null = not attended). */
function basicCourse(
  date: string,
  overrides: Partial<Record<(typeof BASIC)[number], string | null>> = {},
): TrainingRecord[] {
  return BASIC.flatMap((code) => {
    const on = code in overrides ? overrides[code] : date;
    return on ? [rec(code, on)] : [];
  });
}

function q(
  today: string,
  records: TrainingRecord[],
  helperStatus: HelperStatus | null = 'active',
  extra: Partial<QualificationInput> = {},
): Qualifications {
  return computeQualifications({
    today,
    helperStatus,
    modules: CURRICULUM_36,
    records,
    ...extra,
  });
}

// A helper who finished the course in FY2025 and took CPR the same month.
const COMPLETE = [...basicCourse('2025-06-15'), rec('cpr', '2025-06-20')];

describe('the default curriculum', () => {
  it('has about 24 basic hours, 5-year 救命講習 and 事故防止講習, a fiscal-year follow-up and a sick-child set', () => {
    const basic = DEFAULT_CURRICULUM.filter((m) => m.kind === 'basic');
    expect(basic.map((m) => m.code)).toEqual([...BASIC]);
    expect(basic.reduce((h, m) => h + m.hours, 0)).toBe(24);
    // Only the accident-prevention module is repeated; the rest of the course never expires.
    expect(
      basic
        .filter((m) => m.validityMonths !== null || m.validityMode !== 'months')
        .map((m) => m.code),
    ).toEqual(['basic_safety']);
    expect(DEFAULT_CURRICULUM.find((m) => m.code === 'basic_safety')).toMatchObject({
      validityMode: 'months',
      validityMonths: 60,
    });
    expect(DEFAULT_CURRICULUM.find((m) => m.kind === 'cpr')).toMatchObject({
      code: 'cpr',
      validityMode: 'months',
      validityMonths: 60,
    });
    expect(DEFAULT_CURRICULUM.find((m) => m.kind === 'followup')).toMatchObject({
      validityMode: 'fiscal_year_end',
      validityMonths: null,
    });
    expect(DEFAULT_CURRICULUM.filter((m) => m.kind === 'sick_child').map((m) => m.code)).toEqual([
      ...SICK,
    ]);
    const codes = DEFAULT_CURRICULUM.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    const orders = DEFAULT_CURRICULUM.map((m) => m.sortOrder);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    expect(DEFAULT_CURRICULUM.every((m) => m.titleJa && m.titleEn && m.hours > 0)).toBe(true);
  });
});

describe('eligibility for matching', () => {
  const cases: {
    name: string;
    today: string;
    records: TrainingRecord[];
    status?: HelperStatus | null;
    expected: Partial<Qualifications>;
  }[] = [
    {
      name: 'a complete helper is eligible',
      today: '2025-09-01',
      records: COMPLETE,
      expected: {
        eligibleForMatching: true,
        status: 'eligible',
        requirementsMet: true,
        missing: [],
        expiring: [],
        basicCompletedOn: '2025-06-15',
        followupDue: false,
        sickChildCare: false,
      },
    },
    {
      name: 'one missing basic module: not eligible, and missing lists it',
      today: '2025-09-01',
      records: [...basicCourse('2025-06-15', { basic_play: null }), rec('cpr', '2025-06-20')],
      expected: {
        eligibleForMatching: false,
        status: 'in_training',
        requirementsMet: false,
        missing: ['basic_play'],
        basicCompletedOn: null,
        progress: {
          basicModulesDone: 9,
          basicModulesTotal: 10,
          basicHoursDone: 22,
          basicHoursTotal: 24,
        },
      },
    },
    {
      name: 'missing lists codes in curriculum order (CPR sits between safety and disability)',
      today: '2025-09-01',
      records: basicCourse('2025-06-15', { basic_rules: null, basic_play: null }),
      expected: { eligibleForMatching: false, missing: ['basic_play', 'cpr', 'basic_rules'] },
    },
    {
      name: 'an exemption (e.g. a nurse exempt from paediatric nursing) counts',
      today: '2025-09-01',
      records: [
        ...basicCourse('2025-06-15', { basic_nursing: null }),
        rec('basic_nursing', '2025-05-01', 'exemption'),
        rec('cpr', '2025-06-20'),
      ],
      expected: { eligibleForMatching: true, missing: [], basicCompletedOn: '2025-06-15' },
    },
    {
      name: 'an external CPR certificate counts',
      today: '2025-09-01',
      records: [...basicCourse('2025-06-15'), rec('cpr', '2024-11-02', 'external')],
      expected: { eligibleForMatching: true, missing: [] },
    },
    {
      name: 'no CPR at all: course done but still in training, not lapsed',
      today: '2025-09-01',
      records: basicCourse('2025-06-15'),
      expected: { eligibleForMatching: false, status: 'in_training', missing: ['cpr'] },
    },
    {
      name: 'a record dated after today does not count yet',
      today: '2025-09-01',
      records: [...basicCourse('2025-06-15'), rec('cpr', '2025-09-02')],
      expected: { eligibleForMatching: false, missing: ['cpr'], status: 'in_training' },
    },
  ];

  it.each(cases)('$name', ({ today, records, status, expected }) => {
    expect(q(today, records, status === undefined ? 'active' : status)).toMatchObject(expected);
  });
});

describe('CPR expiry (36 months: valid through the day before completion + 36 months)', () => {
  // Course 2023-05-20 (FY2023), so from FY2024 a follow-up is due: attended 2026-04-05 (FY2026).
  const records = [
    ...basicCourse('2023-05-20'),
    rec('cpr', '2023-04-10'),
    rec('followup', '2026-04-05'),
  ];

  it.each([
    { today: '2026-04-09', eligible: true, missing: [] },
    { today: '2026-04-10', eligible: false, missing: ['cpr'] },
  ])('on $today eligible=$eligible', ({ today, eligible, missing }) => {
    const result = q(today, records);
    expect(result.eligibleForMatching).toBe(eligible);
    expect(result.missing).toEqual(missing);
    expect(result.status).toBe(eligible ? 'eligible' : 'lapsed');
    expect(result.records.find((r) => r.code === 'cpr')).toEqual({
      code: 'cpr',
      completedOn: '2023-04-10',
      expiresOn: '2026-04-09',
      source: 'attendance',
      valid: eligible,
    });
  });

  it('the last valid day is itself reported as expiring', () => {
    expect(q('2026-04-09', records).expiring).toEqual([{ code: 'cpr', expiresOn: '2026-04-09' }]);
    expect(q('2026-04-10', records).expiring).toEqual([]);
  });

  it('the record that keeps CPR valid longest counts', () => {
    const renewed = [...records, rec('cpr', '2026-03-01', 'external')];
    const result = q('2026-04-10', renewed);
    expect(result.eligibleForMatching).toBe(true);
    expect(result.expiring).toEqual([]);
    // Curriculum order, newest first within a module.
    expect(result.records.filter((r) => r.code === 'cpr')).toEqual([
      {
        code: 'cpr',
        completedOn: '2026-03-01',
        expiresOn: '2029-02-28',
        source: 'external',
        valid: true,
      },
      {
        code: 'cpr',
        completedOn: '2023-04-10',
        expiresOn: '2026-04-09',
        source: 'attendance',
        valid: false,
      },
    ]);
  });
});

describe('refreshers: 救命講習 and 事故防止講習 every 5 years (the default curriculum)', () => {
  const withDefaults = (today: string, records: TrainingRecord[]) =>
    computeQualifications({ today, helperStatus: 'active', modules: DEFAULT_CURRICULUM, records });
  // Course and CPR on 2021-06-15: both valid through 2026-06-14. Follow-up switched off to look
  // at the refreshers alone.
  const course = [...basicCourse('2021-06-15'), rec('cpr', '2021-06-15')];
  const noFollowup = (today: string, records: TrainingRecord[]) =>
    computeQualifications({
      today,
      helperStatus: 'active',
      modules: DEFAULT_CURRICULUM,
      records,
      settings: { followupRequired: false },
    });

  it('is eligible through the last day of the fifth year, with both refreshers due within 60 days', () => {
    const r = noFollowup('2026-06-14', course);
    expect(r).toMatchObject({ eligibleForMatching: true, status: 'eligible', overdue: [] });
    expect(r.expiring).toEqual([
      { code: 'basic_safety', expiresOn: '2026-06-14' },
      { code: 'cpr', expiresOn: '2026-06-14' },
    ]);
  });

  it('lapses the day after: both refreshers overdue, the course itself still done', () => {
    const r = noFollowup('2026-06-15', course);
    expect(r).toMatchObject({
      eligibleForMatching: false,
      status: 'lapsed',
      missing: ['basic_safety', 'cpr'],
      overdue: [
        { code: 'basic_safety', expiredOn: '2026-06-14' },
        { code: 'cpr', expiredOn: '2026-06-14' },
      ],
      basicCompletedOn: '2021-06-15',
      // Progress counts what is held today: the overdue refresher is to do again.
      progress: { basicModulesDone: 9, basicModulesTotal: 10, basicHoursDone: 21 },
    });
  });

  it('a 事故防止講習 refresher alone leaves the CPR overdue; both restore eligibility', () => {
    const safety = [...course, rec('basic_safety', '2026-05-20')];
    expect(noFollowup('2026-07-01', safety)).toMatchObject({
      eligibleForMatching: false,
      missing: ['cpr'],
      overdue: [{ code: 'cpr', expiredOn: '2026-06-14' }],
    });
    const both = [...safety, rec('cpr', '2026-07-01', 'external')];
    expect(noFollowup('2026-07-01', both)).toMatchObject({
      eligibleForMatching: true,
      missing: [],
      overdue: [],
      // A refresher does not move the day the course was finished.
      basicCompletedOn: '2021-06-15',
    });
  });

  it('a refresher does not move the fiscal year the follow-up is due from', () => {
    const records = [...course, rec('basic_safety', '2026-05-20'), rec('cpr', '2026-05-20')];
    // FY2026 is long after the course (FY2021): the follow-up is due, refresher or not.
    expect(withDefaults('2026-07-01', records)).toMatchObject({
      followupDue: true,
      missing: ['followup'],
      overdue: [],
    });
  });

  it('a module never completed is missing, not overdue', () => {
    const r = noFollowup('2026-07-01', basicCourse('2026-06-01', { basic_safety: null }));
    expect(r.missing).toEqual(['basic_safety', 'cpr']);
    expect(r.overdue).toEqual([]);
    expect(r.status).toBe('in_training');
  });

  it('overdue is always part of missing (property)', () => {
    const codes = DEFAULT_CURRICULUM.map((m) => m.code);
    const dateArb = fc
      .date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        dateArb,
        fc.array(fc.record({ moduleCode: fc.constantFrom(...codes), completedOn: dateArb }), {
          maxLength: 25,
        }),
        (today, rows) => {
          const r = withDefaults(
            today,
            rows.map((x) => rec(x.moduleCode, x.completedOn)),
          );
          for (const o of r.overdue) {
            expect(r.missing).toContain(o.code);
            expect(o.expiredOn < today).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the annual follow-up across the fiscal-year edge', () => {
  // All basic modules in January except the last one, which closes the course.
  const courseEndingOn = (last: string) => [
    ...basicCourse('2026-01-10', { basic_rules: last }),
    rec('cpr', '2026-02-01'),
  ];

  it.each([
    // Basic completed 2026-03-31 (FY2025): FY2025 is free, from 2026-04-01 (FY2026) it is due.
    { last: '2026-03-31', today: '2026-03-31', due: false, eligible: true },
    { last: '2026-03-31', today: '2026-04-01', due: true, eligible: false },
    // Basic completed 2026-04-01 (FY2026): free until 2027-03-31, due from 2027-04-01.
    { last: '2026-04-01', today: '2026-04-01', due: false, eligible: true },
    { last: '2026-04-01', today: '2027-03-31', due: false, eligible: true },
    { last: '2026-04-01', today: '2027-04-01', due: true, eligible: false },
  ])('course completed $last, on $today: due=$due', ({ last, today, due, eligible }) => {
    const result = q(today, courseEndingOn(last));
    expect(result.basicCompletedOn).toBe(last);
    expect(result.followupDue).toBe(due);
    expect(result.eligibleForMatching).toBe(eligible);
    expect(result.missing).toEqual(eligible ? [] : ['followup']);
    expect(result.status).toBe(eligible ? 'eligible' : 'lapsed');
  });

  it('a follow-up attended on the first day of the fiscal year restores eligibility', () => {
    const result = q('2026-04-01', [
      ...courseEndingOn('2026-03-31'),
      rec('followup', '2026-04-01'),
    ]);
    expect(result.eligibleForMatching).toBe(true);
    expect(result.records.find((r) => r.code === 'followup')?.expiresOn).toBe('2027-03-31');
  });

  describe('a follow-up done in FY2025 does not count in FY2026', () => {
    const records = [
      ...basicCourse('2024-10-01'),
      rec('cpr', '2024-10-05'),
      rec('followup', '2026-03-20'),
    ];

    it('counts on 2026-03-31 and is reported as expiring that day', () => {
      const result = q('2026-03-31', records);
      expect(result.eligibleForMatching).toBe(true);
      expect(result.expiring).toEqual([{ code: 'followup', expiresOn: '2026-03-31' }]);
    });

    it('no longer counts on 2026-04-01', () => {
      const result = q('2026-04-01', records);
      expect(result.eligibleForMatching).toBe(false);
      expect(result.missing).toEqual(['followup']);
      expect(result.records.find((r) => r.code === 'followup')).toMatchObject({
        expiresOn: '2026-03-31',
        valid: false,
      });
    });

    it('a follow-up attended later in FY2026 counts for the rest of FY2026', () => {
      const result = q('2027-03-31', [...records, rec('followup', '2026-11-15')]);
      expect(result.eligibleForMatching).toBe(true);
    });
  });

  it('re-attending a basic module later does not move the course completion date', () => {
    const records = [
      ...basicCourse('2024-10-01'),
      rec('cpr', '2024-10-05'),
      rec('basic_heart', '2026-04-20'),
    ];
    const result = q('2026-05-01', records);
    expect(result.basicCompletedOn).toBe('2024-10-01');
    expect(result.missing).toEqual(['followup']);
  });

  it('can be switched off by the center setting', () => {
    const result = q('2026-04-01', courseEndingOn('2026-03-31'), 'active', {
      settings: { followupRequired: false },
    });
    expect(result.followupDue).toBe(false);
    expect(result.eligibleForMatching).toBe(true);
  });

  it('is not required by a curriculum without follow-up modules', () => {
    const result = q('2027-06-01', courseEndingOn('2026-03-31'), 'active', {
      modules: CURRICULUM_36.filter((m) => m.kind !== 'followup'),
    });
    expect(result.eligibleForMatching).toBe(true);
  });
});

describe('helper status', () => {
  it.each([
    { status: 'active', eligible: true, label: 'eligible' },
    { status: 'applied', eligible: false, label: 'in_training' },
    { status: 'suspended', eligible: false, label: 'inactive' },
    { status: 'withdrawn', eligible: false, label: 'inactive' },
    { status: null, eligible: false, label: 'not_helper' },
  ] as const)('$status with complete training → $label', ({ status, eligible, label }) => {
    const result = q('2025-09-01', [...COMPLETE, ...SICK.map((c) => rec(c, '2025-07-01'))], status);
    expect(result.eligibleForMatching).toBe(eligible);
    expect(result.sickChildCare).toBe(eligible);
    expect(result.status).toBe(label);
    // The training side is satisfied whatever the status: only approval/reactivation is missing.
    expect(result.requirementsMet).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('an applied helper without the course is in training', () => {
    expect(q('2025-09-01', [], 'applied')).toMatchObject({
      status: 'in_training',
      missing: [...BASIC.slice(0, 8), 'cpr', ...BASIC.slice(8)],
    });
  });
});

describe('expiring: the last valid day within 60 days of today (day 60 in, day 61 out)', () => {
  // CPR 2023-09-01 → valid through 2026-08-31. 2026-07-02 + 60 days = 2026-08-31.
  const records = [
    ...basicCourse('2023-08-01'),
    rec('cpr', '2023-09-01'),
    rec('followup', '2026-05-10'),
  ];

  it.each([
    { today: '2026-07-01', expiring: [] }, // day 61
    { today: '2026-07-02', expiring: [{ code: 'cpr', expiresOn: '2026-08-31' }] }, // day 60
    { today: '2026-08-31', expiring: [{ code: 'cpr', expiresOn: '2026-08-31' }] }, // day 0
    { today: '2026-09-01', expiring: [] }, // expired: missing, not expiring
  ])('on $today', ({ today, expiring }) => {
    expect(q(today, records).expiring).toEqual(expiring);
  });

  it('uses the window from the settings', () => {
    const settings = { expiringWithinDays: 30 };
    expect(q('2026-07-02', records, 'active', { settings }).expiring).toEqual([]);
    // 2026-08-01 + 30 days = 2026-08-31.
    expect(q('2026-08-01', records, 'active', { settings }).expiring).toEqual([
      { code: 'cpr', expiresOn: '2026-08-31' },
    ]);
  });

  it('lists several expiring records soonest first', () => {
    // CPR 2024-03-11 → through 2027-03-10; follow-up 2026-06-01 → through 2027-03-31.
    const result = q('2027-02-01', [
      ...basicCourse('2023-08-01'),
      rec('cpr', '2024-03-11'),
      rec('followup', '2026-06-01'),
    ]);
    expect(result.eligibleForMatching).toBe(true);
    expect(result.expiring).toEqual([
      { code: 'cpr', expiresOn: '2027-03-10' },
      { code: 'followup', expiresOn: '2027-03-31' },
    ]);
  });
});

describe('sick-child care', () => {
  it.each([
    {
      name: 'eligible with every sick_child module',
      records: [...COMPLETE, ...SICK.map((c) => rec(c, '2025-07-01'))],
      sickChildCare: true,
      sickChildMissing: [],
    },
    {
      name: 'eligible but one sick_child module missing',
      records: [
        ...COMPLETE,
        rec('sick_infection', '2025-07-01'),
        rec('sick_nursing', '2025-07-01'),
      ],
      sickChildCare: false,
      sickChildMissing: ['sick_practice'],
    },
    {
      name: 'every sick_child module but not eligible (CPR missing)',
      records: [...basicCourse('2025-06-15'), ...SICK.map((c) => rec(c, '2025-07-01'))],
      sickChildCare: false,
      sickChildMissing: [],
    },
  ])('$name', ({ records, sickChildCare, sickChildMissing }) => {
    const result = q('2025-09-01', records);
    expect(result.sickChildCare).toBe(sickChildCare);
    expect(result.sickChildMissing).toEqual(sickChildMissing);
    // Sick-child modules are never required for ordinary matching.
    expect(result.missing.some((c) => c.startsWith('sick_'))).toBe(false);
  });

  it('is never granted by a curriculum without sick_child modules', () => {
    const result = q('2025-09-01', COMPLETE, 'active', {
      modules: CURRICULUM_36.filter((m) => m.kind !== 'sick_child'),
    });
    expect(result.eligibleForMatching).toBe(true);
    expect(result.sickChildCare).toBe(false);
  });
});

describe('expiry dates: month ends, leap days, fiscal years', () => {
  const months = (n: number) => ({ validityMode: 'months' as const, validityMonths: n });

  it.each([
    { completedOn: '2023-04-10', n: 36, expiresOn: '2026-04-09' },
    { completedOn: '2024-01-31', n: 1, expiresOn: '2024-02-28' }, // +1 month = 2024-02-29
    { completedOn: '2023-01-31', n: 1, expiresOn: '2023-02-27' }, // +1 month = 2023-02-28
    { completedOn: '2024-02-29', n: 12, expiresOn: '2025-02-27' }, // +12 months = 2025-02-28
    { completedOn: '2024-02-29', n: 48, expiresOn: '2028-02-28' }, // +48 months = 2028-02-29
    { completedOn: '2023-03-31', n: 11, expiresOn: '2024-02-28' }, // +11 months = 2024-02-29
    { completedOn: '2023-03-01', n: 12, expiresOn: '2024-02-29' }, // day before a leap March 1
    { completedOn: '2025-03-01', n: 12, expiresOn: '2026-02-28' },
    { completedOn: '2025-12-31', n: 2, expiresOn: '2026-02-27' }, // across the year end
    { completedOn: '2025-11-15', n: 60, expiresOn: '2030-11-14' }, // the 5-year CPR setting
  ])('$completedOn + $n months → valid through $expiresOn', ({ completedOn, n, expiresOn }) => {
    expect(expiresOnFor(months(n), completedOn)).toBe(expiresOn);
  });

  it.each([
    { completedOn: '2025-04-01', expiresOn: '2026-03-31' },
    { completedOn: '2026-01-15', expiresOn: '2026-03-31' },
    { completedOn: '2026-03-31', expiresOn: '2026-03-31' },
    { completedOn: '2026-04-01', expiresOn: '2027-03-31' },
  ])('a follow-up on $completedOn is valid through $expiresOn', ({ completedOn, expiresOn }) => {
    expect(
      expiresOnFor({ validityMode: 'fiscal_year_end', validityMonths: null }, completedOn),
    ).toBe(expiresOn);
  });

  it('never expires with validityMonths null', () => {
    expect(expiresOnFor({ validityMode: 'months', validityMonths: null }, '2020-02-29')).toBeNull();
  });

  it('qualifies nobody while the curriculum has no basic module', () => {
    const result = computeQualifications({
      today: '2026-11-21',
      helperStatus: 'active',
      modules: [],
      records: [],
    });
    expect(result.eligibleForMatching).toBe(false);
    expect(result.requirementsMet).toBe(false);
  });

  it('applies month-end clamping end to end (a 1-month module done on January 31)', () => {
    const oneMonth: ModuleDef = {
      code: 'short',
      titleJa: '短期',
      titleEn: 'Short',
      hours: 1,
      kind: 'cpr',
      validityMode: 'months',
      validityMonths: 1,
      sortOrder: 1,
    };
    const run = (today: string) =>
      computeQualifications({
        today,
        helperStatus: 'active',
        modules: [oneMonth],
        records: [rec('short', '2024-01-31')],
      });
    // Only the record's validity is under test (a curriculum without basic modules qualifies nobody).
    const valid = (today: string) => run(today).records.find((r) => r.code === 'short')!.valid;
    expect(valid('2024-02-28')).toBe(true);
    expect(valid('2024-02-29')).toBe(false);
    expect(run('2024-02-29').missing).toEqual(['short']);
  });

  it('adds months and days on plain calendar dates', () => {
    expect(addMonthsTo('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsTo('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsTo('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsTo('2026-03-31', -1)).toBe('2026-02-28');
    expect(addDaysTo('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysTo('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDaysTo('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('progress through the basic course', () => {
  it.each([
    { name: 'nothing yet', records: [], done: 0, hours: 0 },
    {
      name: 'care (4) + safety (3) + heart (2); CPR and follow-up are not basic hours',
      records: [
        rec('basic_care', '2025-05-10'),
        rec('basic_safety', '2025-05-17'),
        rec('basic_heart', '2025-05-24'),
        rec('basic_heart', '2025-06-01'),
        rec('cpr', '2025-05-17'),
        rec('followup', '2025-06-01'),
      ],
      done: 3,
      hours: 9,
    },
    {
      name: 'an exemption counts towards hours (progress, not hours sat)',
      records: [rec('basic_nursing', '2025-05-10', 'exemption'), rec('basic_rules', '2025-05-10')],
      done: 2,
      hours: 5,
    },
    { name: 'all of it', records: basicCourse('2025-06-15'), done: 10, hours: 24 },
  ])('$name', ({ records, done, hours }) => {
    expect(q('2025-09-01', records, 'applied').progress).toEqual({
      basicModulesDone: done,
      basicModulesTotal: 10,
      basicHoursDone: hours,
      basicHoursTotal: 24,
    });
  });
});

describe('inputs', () => {
  it('ignores records of modules outside the curriculum', () => {
    const result = q('2025-09-01', [...COMPLETE, rec('retired_module', '2025-01-01')]);
    expect(result.eligibleForMatching).toBe(true);
    expect(result.records.some((r) => r.code === 'retired_module')).toBe(false);
    expect(result.records).toHaveLength(COMPLETE.length);
  });

  it('rejects malformed dates instead of comparing them as strings', () => {
    expect(() => q('2025-9-1', COMPLETE)).toThrow(RangeError);
    expect(() => q('2025-09-01', [rec('cpr', '2025-02-30')])).toThrow(RangeError);
  });
});

describe('independence from the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same answer whatever TZ is set to', () => {
    const records = [
      ...basicCourse('2026-01-10', { basic_rules: '2026-03-31' }),
      rec('cpr', '2023-04-10'),
      rec('followup', '2026-04-01'),
    ];
    const answers = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return [q('2026-04-01', records), q('2026-04-09', records), q('2026-04-10', records)];
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.map((r) => r.eligibleForMatching)).toEqual([true, true, false]);
  });
});

describe('properties', () => {
  const dateArb = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('a months-valid record is valid through expiresOn and invalid the day after', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (completedOn, n) => {
        const module: ModuleDef = {
          code: 'm',
          titleJa: 'm',
          titleEn: 'm',
          hours: 1,
          kind: 'cpr',
          validityMode: 'months',
          validityMonths: n,
          sortOrder: 1,
        };
        const expiresOn = expiresOnFor(module, completedOn)!;
        expect(expiresOn >= completedOn).toBe(true);
        expect(addDaysTo(expiresOn, 1)).toBe(addMonthsTo(completedOn, n));
        const at = (today: string) =>
          computeQualifications({
            today,
            helperStatus: 'active',
            modules: [module],
            records: [rec('m', completedOn)],
          }).records.find((r) => r.code === 'm')!.valid;
        expect(at(expiresOn)).toBe(true);
        expect(at(addDaysTo(expiresOn, 1))).toBe(false);
      }),
    );
  });

  it('a follow-up is valid exactly within the fiscal year it was attended in', () => {
    fc.assert(
      fc.property(dateArb, (completedOn) => {
        const expiresOn = expiresOnFor(
          { validityMode: 'fiscal_year_end', validityMonths: null },
          completedOn,
        )!;
        expect(expiresOn.endsWith('-03-31')).toBe(true);
        expect(expiresOn >= completedOn).toBe(true);
        expect(fiscalYearOf(expiresOn)).toBe(fiscalYearOf(completedOn));
      }),
    );
  });

  it('only an active helper is eligible; missing is empty exactly when requirements are met', () => {
    const codes = DEFAULT_CURRICULUM.map((m) => m.code);
    const recordArb = fc.record({
      moduleCode: fc.constantFrom(...codes),
      completedOn: dateArb,
      source: fc.constantFrom<TrainingSource>('attendance', 'external', 'exemption'),
    });
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom<HelperStatus | null>('applied', 'active', 'suspended', 'withdrawn', null),
        fc.array(recordArb, { maxLength: 30 }),
        (today, status, records) => {
          const result = q(today, records, status);
          expect(result.missing.length === 0).toBe(result.requirementsMet);
          expect(result.eligibleForMatching).toBe(status === 'active' && result.requirementsMet);
          expect(result.status === 'eligible').toBe(result.eligibleForMatching);
          if (result.sickChildCare) expect(result.eligibleForMatching).toBe(true);
          for (const e of result.expiring) {
            expect(e.expiresOn >= today && e.expiresOn <= addDaysTo(today, 60)).toBe(true);
          }
        },
      ),
    );
  });
});
