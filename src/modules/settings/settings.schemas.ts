import { DEFAULT_FEE_TABLE, feeTableListSchema } from '../fees/fee-table.js';
import { DEFAULT_SUBSIDY_RULES, subsidyRuleListSchema } from './subsidy-rules.js';
import { z } from 'zod';

/**
 * Center settings (DOMAIN.md: "where a rule varies between centers, it must be a setting").
 * Each section is one row of the `setting` table (key = section name, value = JSON), validated by
 * its strict schema and with DOMAIN.md's figures as the default. Messages are i18n keys.
 */

const INVALID = 'validation.invalid';
const REQUIRED = 'validation.required';
const WHOLE_NUMBER = 'settings.error.wholeNumber';
const TIME = 'settings.error.time';

/** A missing value is "required"; a value of the wrong type gets `message`. */
const typeError = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : message),
});

/** A whole number in [min, max]; the form shows the range as a hint. */
const wholeNumber = (min: number, max: number) =>
  z.number(typeError(WHOLE_NUMBER)).int(WHOLE_NUMBER).min(min, WHOLE_NUMBER).max(max, WHOLE_NUMBER);

/** 'HH:MM', 00:00–23:59. */
const timeOfDay = z.string(typeError(TIME)).regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME);

const text = (max: number) => z.string(typeError(INVALID)).trim().min(1, REQUIRED).max(max);

// ---------------------------------------------------------------------------------------------
// labels: what this center calls each member type (the internal roles never change).

const localizedLabel = z.object({ ja: text(20), en: text(40) }).strict();

export const labelsSchema = z
  .object({ requester: localizedLabel, helper: localizedLabel, both: localizedLabel })
  .strict();
export type MemberTypeLabels = z.output<typeof labelsSchema>;

export const DEFAULT_LABELS: MemberTypeLabels = {
  requester: { ja: '依頼会員', en: 'Requester' },
  helper: { ja: '提供会員', en: 'Helper' },
  both: { ja: '両方会員', en: 'Both' },
};

// ---------------------------------------------------------------------------------------------
// areas (地区): where members live and helpers serve; `code` is what member rows store.

export const AREA_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const areaSchema = z
  .object({
    code: z
      .string(typeError(INVALID))
      .trim()
      .min(1, REQUIRED)
      .max(32)
      .regex(AREA_CODE_PATTERN, 'settings.error.areaCode'),
    nameJa: text(30),
    nameEn: text(60),
  })
  .strict();
export type Area = z.output<typeof areaSchema>;

export const areasSchema = z
  .array(areaSchema, INVALID)
  .min(1, 'settings.error.areasEmpty')
  .max(200)
  .refine((areas) => new Set(areas.map((a) => a.code)).size === areas.length, {
    message: 'settings.error.areaDuplicate',
  });

/** A fictional city's districts (みどり市). */
export const DEFAULT_AREAS: Area[] = [
  { code: 'chuo', nameJa: '中央地区', nameEn: 'Chuo' },
  { code: 'kita', nameJa: '北地区', nameEn: 'Kita' },
  { code: 'higashi', nameJa: '東地区', nameEn: 'Higashi' },
  { code: 'minami', nameJa: '南地区', nameEn: 'Minami' },
  { code: 'nishi', nameJa: '西地区', nameEn: 'Nishi' },
  { code: 'midorigaoka', nameJa: '緑が丘地区', nameEn: 'Midorigaoka' },
  { code: 'sakuradai', nameJa: '桜台地区', nameEn: 'Sakuradai' },
  { code: 'kawabe', nameJa: '川辺地区', nameEn: 'Kawabe' },
];

// ---------------------------------------------------------------------------------------------
// eligibility (DOMAIN.md "Members").

/**
 * The last school stage a requester's child may be in: until March 31 after the child's 6th
 * (preschool), 12th (elementary school) or 15th (junior high school) birthday.
 */
export const CHILD_UNTIL = ['end_of_preschool', 'end_of_elementary', 'end_of_junior_high'] as const;
export type ChildUntil = (typeof CHILD_UNTIL)[number];

export const eligibilitySchema = z
  .object({
    /** A requester's child must be at least this many days old (57: the end of maternity leave). */
    requesterChildMinAgeDays: wholeNumber(0, 730),
    requesterChildUntil: z.enum(CHILD_UNTIL, typeError('validation.choice')),
    /** A helper must be at least this old. */
    helperMinAgeYears: wholeNumber(16, 99),
    /** An activity with an infant (younger than `infantMonths`) lasts at most this many hours. */
    infantMaxHours: wholeNumber(1, 24),
    infantMonths: wholeNumber(0, 36),
  })
  .strict();
export type Eligibility = z.output<typeof eligibilitySchema>;

export const DEFAULT_ELIGIBILITY: Eligibility = {
  requesterChildMinAgeDays: 57,
  requesterChildUntil: 'end_of_elementary',
  helperMinAgeYears: 20,
  infantMaxHours: 3,
  infantMonths: 6,
};

// ---------------------------------------------------------------------------------------------
// retention: how long a withdrawn member's personal data is kept before purging/anonymising.

export const retentionSchema = z.object({ withdrawnMemberYears: wholeNumber(1, 30) }).strict();
export type Retention = z.output<typeof retentionSchema>;

export const DEFAULT_RETENTION: Retention = { withdrawnMemberYears: 5 };

// ---------------------------------------------------------------------------------------------
// renewal: the annual renewal (年度更新, src/modules/members/renewal-rules.ts).

export const renewalSettingsSchema = z
  .object({
    /** Members confirm for the coming fiscal year from this many months before April 1. */
    opensMonthsBefore: wholeNumber(1, 6),
  })
  .strict();
export type RenewalSettings = z.output<typeof renewalSettingsSchema>;

/** February 1 (docs/decisions/2026-12-06-annual-renewal.md). */
export const DEFAULT_RENEWAL: RenewalSettings = { opensMonthsBefore: 2 };

// ---------------------------------------------------------------------------------------------
// consent: the current versions of the documents members agree to; a new version asks again.

const documentVersion = z
  .string(typeError(INVALID))
  .trim()
  .min(1, REQUIRED)
  .max(20)
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]*$/, 'settings.error.version');

export const consentSchema = z
  .object({ termsVersion: documentVersion, healthDataVersion: documentVersion })
  .strict();
export type ConsentVersions = z.output<typeof consentSchema>;

export const DEFAULT_CONSENT: ConsentVersions = {
  termsVersion: '2026-04',
  healthDataVersion: '2026-04',
};

// ---------------------------------------------------------------------------------------------
// requests: lead times, service hours, matching and safety rules (DOMAIN.md "Requests…").

export const HANDOVER_RULES = ['registered', 'responsible_adult'] as const;
export type HandoverRule = (typeof HANDOVER_RULES)[number];

export const requestRulesSchema = z
  .object({
    /** A request must arrive by this time (Asia/Tokyo) on the day before the activity. */
    leadTimeCutoff: timeOfDay,
    /** A first-time requester allows this many days for the introduction and pre-meeting. */
    firstRequestLeadDays: wholeNumber(0, 90),
    /** Activities happen between these times of day (Asia/Tokyo), start < end. */
    serviceStart: timeOfDay,
    serviceEnd: timeOfDay,
    /** An offer a helper has not answered closes after this many hours. */
    offerExpiryHours: wholeNumber(1, 168),
    /** At most this many children (siblings of one household) in one activity. */
    maxSiblings: wholeNumber(1, 5),
    /** Whether a helper may transport children by car. */
    carTransportAllowed: z.boolean(typeError(INVALID)),
    /**
     * Who a helper may hand a child back to: the parent or a pick-up person registered on the
     * member's page ('registered'), or a responsible adult the parent names ('responsible_adult').
     * One rule, shown the same on every page that states it.
     */
    handoverTo: z.enum(HANDOVER_RULES, INVALID).default('registered'),
    /** The most activities the planner proposes to one helper on one day. */
    plannerMaxPerDay: wholeNumber(1, 20),
  })
  .strict()
  .refine((r) => r.serviceStart < r.serviceEnd, {
    message: 'settings.error.serviceHours',
    path: ['serviceEnd'],
  });
export type RequestRules = z.output<typeof requestRulesSchema>;

export const DEFAULT_REQUEST_RULES: RequestRules = {
  handoverTo: 'registered',
  leadTimeCutoff: '17:00',
  firstRequestLeadDays: 14,
  serviceStart: '06:00',
  serviceEnd: '22:00',
  offerExpiryHours: 24,
  maxSiblings: 2,
  carTransportAllowed: false,
  plannerMaxPerDay: 3,
};

// ---------------------------------------------------------------------------------------------
// reports: activity reports are due by this day of the following month.

// An activity report's start must be on the request's date, or within this many minutes of the
// planned start (care that began just before midnight, a late pick-up): issue #22.
export const reportRulesSchema = z
  .object({
    activityReportDueDay: wholeNumber(1, 28),
    // A default, so settings stored before this rule existed still read.
    activityStartWindowMinutes: wholeNumber(0, 720).default(180),
  })
  .strict();
export type ReportRules = z.output<typeof reportRulesSchema>;

export const DEFAULT_REPORT_RULES: ReportRules = {
  activityReportDueDay: 10,
  activityStartWindowMinutes: 180,
};

// ---------------------------------------------------------------------------------------------
// training: helpers (and staff) are told this many days before a qualification expires.

export const trainingNoticesSchema = z
  .object({
    expiryNoticeDays: z
      .array(wholeNumber(1, 365), INVALID)
      .max(5, 'settings.error.noticeDays')
      .refine((days) => new Set(days).size === days.length, 'settings.error.noticeDays'),
  })
  .strict();
export type TrainingNotices = z.output<typeof trainingNoticesSchema>;

export const DEFAULT_TRAINING_NOTICES: TrainingNotices = { expiryNoticeDays: [60, 30] };

// ---------------------------------------------------------------------------------------------
// programme: the 病児・緊急対応強化事業 (issue #20), a mode the center switches on. Its rates are
// in each fee table (fees/fee-table.ts), so they change with a valid-from date like the others.

/** 'HH:MM' from 00:00 to 24:00 (the end of the day). */
const timeOfDayOrEnd = z.string(typeError(TIME)).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, TIME);

const itemCode = z
  .string(typeError(INVALID))
  .trim()
  .min(1, REQUIRED)
  .max(32)
  .regex(AREA_CODE_PATTERN, 'settings.error.areaCode');

/** One question of the exclusion checklist (除外基準): a "yes" stops sick-child care. */
export const exclusionItemSchema = z
  .object({ code: itemCode, ja: text(120), en: text(240) })
  .strict();
export type ExclusionItem = z.output<typeof exclusionItemSchema>;

/** A partner medical institution (連携医療機関). */
export const partnerInstitutionSchema = z
  .object({ name: text(100), phone: text(30), note: z.string(typeError(INVALID)).trim().max(200) })
  .strict();
export type PartnerInstitution = z.output<typeof partnerInstitutionSchema>;

const uniqueCodes = (items: { code: string }[]) =>
  new Set(items.map((i) => i.code)).size === items.length;

export const programmeSchema = z
  .object({
    enabled: z.boolean(typeError(INVALID)),
    /** Programme care on one day lies within these times (Asia/Tokyo); the end may be 24:00. */
    serviceStart: timeOfDay,
    serviceEnd: timeOfDayOrEnd,
    /** Whether programme care may run across midnight (宿泊・夜間): then any time is allowed. */
    overnight: z.boolean(typeError(INVALID)),
    /** The longest one programme request may last. */
    maxHours: wholeNumber(1, 48),
    partners: z.array(partnerInstitutionSchema, INVALID).max(20),
    exclusions: z
      .array(exclusionItemSchema, INVALID)
      .min(1, 'settings.error.exclusionsEmpty')
      .max(40)
      .refine(uniqueCodes, { message: 'settings.error.itemDuplicate' }),
  })
  .strict()
  .refine((p) => p.serviceStart < p.serviceEnd, {
    message: 'settings.error.serviceHours',
    path: ['serviceEnd'],
  });
export type ProgrammeSettings = z.output<typeof programmeSchema>;

/** The exclusion criteria centers publish (e.g. 38.0 ℃, 学校保健安全法の感染症), editable. */
export const DEFAULT_EXCLUSIONS: ExclusionItem[] = [
  { code: 'fever', ja: '38.0℃以上の発熱がある', en: 'A temperature of 38.0 °C or higher' },
  {
    code: 'infection',
    ja: '感染症（インフルエンザ、水痘、麻しん、風しん、流行性耳下腺炎、百日咳、咽頭結膜熱、腸管出血性大腸菌感染症など）と診断された、またはその疑いがある',
    en: 'Diagnosed with, or suspected of, an infectious disease (influenza, chickenpox, measles, rubella, mumps, whooping cough, pharyngoconjunctival fever, EHEC…)',
  },
  { code: 'vomiting', ja: '嘔吐・下痢が続いている', en: 'Repeated vomiting or diarrhoea' },
  {
    code: 'breathing',
    ja: '呼吸が苦しそう、またはぜんそくの発作がある',
    en: 'Difficulty breathing, or an asthma attack',
  },
  {
    code: 'consciousness',
    ja: 'けいれんがある、または意識がはっきりしない',
    en: 'Convulsions, or not fully conscious',
  },
  {
    code: 'dehydration',
    ja: '水分がとれず、ぐったりしている',
    en: 'Cannot drink and is listless',
  },
];

export const DEFAULT_PROGRAMME: ProgrammeSettings = {
  enabled: false,
  serviceStart: '05:00',
  serviceEnd: '24:00',
  overnight: true,
  maxHours: 24,
  partners: [],
  exclusions: DEFAULT_EXCLUSIONS,
};

// ---------------------------------------------------------------------------------------------
// insurance: accidents as insurance cases (issue #19; rules in incidents/insurance-rules.ts).

const WHOLE = 'settings.error.wholeNumber';
const coverCode = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(32)
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'insurance.validation.coverCode');

/** One cover of the center's insurance (e.g. 提供会員の傷害), with its labels. */
export const insuranceCoverSchema = z
  .object({
    code: coverCode,
    ja: z.string().trim().min(1, 'validation.required').max(60),
    en: z.string().trim().min(1, 'validation.required').max(120),
  })
  .strict();
export type InsuranceCover = z.output<typeof insuranceCoverSchema>;

/** The `insurance` settings section. */
export const insuranceSettingsSchema = z
  .object({
    /** A claim must reach the insurer within this many days of the accident. */
    claimDays: z.number(WHOLE).int(WHOLE).min(1, WHOLE).max(1095, WHOLE),
    /** Open cases whose deadline is this close are listed on the staff dashboard. */
    warnDays: z.number(WHOLE).int(WHOLE).min(1, WHOLE).max(365, WHOLE),
    covers: z
      .array(insuranceCoverSchema)
      .min(1, 'insurance.validation.coversEmpty')
      .max(20)
      .refine((c) => new Set(c.map((x) => x.code)).size === c.length, {
        message: 'settings.error.itemDuplicate',
      }),
  })
  .strict();
export type InsuranceSettings = z.output<typeof insuranceSettingsSchema>;

/** Defaults: the 180-day window of the usual FSC policy and its four covers. */
export const DEFAULT_INSURANCE: InsuranceSettings = {
  claimDays: 180,
  warnDays: 30,
  covers: [
    { code: 'helper_injury', ja: '提供会員の傷害', en: 'Helper injury' },
    { code: 'liability', ja: '賠償責任', en: 'Liability' },
    { code: 'child_injury', ja: '子どもの傷害', en: 'Child injury' },
    { code: 'meeting', ja: '研修・交流会の傷害', en: 'Training and meeting cover' },
  ],
};

// ---------------------------------------------------------------------------------------------
// The sections. To add one, add ONE line below, as `fees` was:
//   fees: section(feeTableListSchema, [DEFAULT_FEE_TABLE]),
// the combined schema, the update body, the types and getCenterSettings follow from it.

interface SectionDef<S extends z.ZodType> {
  schema: S;
  defaults: z.output<S>;
}

const section = <S extends z.ZodType>(schema: S, defaults: z.output<S>): SectionDef<S> => ({
  schema,
  defaults,
});

export const settingSections = {
  labels: section(labelsSchema, DEFAULT_LABELS),
  areas: section(areasSchema, DEFAULT_AREAS),
  eligibility: section(eligibilitySchema, DEFAULT_ELIGIBILITY),
  retention: section(retentionSchema, DEFAULT_RETENTION),
  renewal: section(renewalSettingsSchema, DEFAULT_RENEWAL),
  consent: section(consentSchema, DEFAULT_CONSENT),
  requests: section(requestRulesSchema, DEFAULT_REQUEST_RULES),
  reports: section(reportRulesSchema, DEFAULT_REPORT_RULES),
  training: section(trainingNoticesSchema, DEFAULT_TRAINING_NOTICES),
  fees: section(feeTableListSchema, [DEFAULT_FEE_TABLE]),
  programme: section(programmeSchema, DEFAULT_PROGRAMME),
  subsidies: section(subsidyRuleListSchema, [DEFAULT_SUBSIDY_RULES]),
  insurance: section(insuranceSettingsSchema, DEFAULT_INSURANCE),
};

type Sections = typeof settingSections;

/** A section name, which is also its `setting.key`. */
export type SettingKey = keyof Sections;
export const SETTING_KEYS = Object.keys(settingSections) as SettingKey[];

export type CenterSettings = { [K in SettingKey]: z.output<Sections[K]['schema']> };
export type CenterSettingsUpdate = Partial<CenterSettings>;

export const isSettingKey = (key: string): key is SettingKey =>
  Object.prototype.hasOwnProperty.call(settingSections, key);

/** A fresh copy of the defaults, safe to modify. */
export function defaultSettings(): CenterSettings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) out[key] = structuredClone(settingSections[key].defaults);
  return out as CenterSettings;
}

function shapeOf<V>(make: (def: SectionDef<z.ZodType>) => V): { [K in SettingKey]: V } {
  const shape: Record<string, V> = {};
  for (const key of SETTING_KEYS) shape[key] = make(settingSections[key]);
  return shape as { [K in SettingKey]: V };
}

/** The whole settings document: every section strict; a missing section takes its default. */
export const centerSettingsSchema = z
  .object(
    shapeOf((def) => def.schema.default(() => structuredClone(def.defaults) as never)) as {
      [K in SettingKey]: z.ZodDefault<Sections[K]['schema']>;
    },
  )
  .strict();

/** `PUT /settings`: any subset of the sections, each one complete and strict. */
export const updateSettingsBody = z
  .object(
    shapeOf((def) => def.schema.optional()) as {
      [K in SettingKey]: z.ZodOptional<Sections[K]['schema']>;
    },
  )
  .strict();
