import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { areasSchema, settingSections, type Area } from './settings.schemas.js';

/**
 * The settings page's forms, one per section ↔ the section's value, checked by the section's
 * schema (settings.schemas.ts). Numbers and times are forgiving (full-width, "9:00").
 */

type Form = Record<string, string>;

/** Full-width digits and colons (１７：００) become ASCII; surrounding spaces go. */
const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();

/** A whole number from a text field: undefined when empty, NaN when not an integer. */
function formInt(s: string | undefined): number | undefined {
  const v = normalize(s);
  if (v === '') return undefined;
  return /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** 'H:MM' or 'HH:MM' (also full-width) as 'HH:MM'; undefined when empty. */
function formTime(s: string | undefined): string | undefined {
  const v = normalize(s);
  if (v === '') return undefined;
  return /^\d:\d\d$/.test(v) ? `0${v}` : v;
}

function formBoolean(s: string | undefined): boolean | undefined {
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

export const MEMBER_TYPES = ['requester', 'helper', 'both'] as const;

/** How each section's form is read (the areas textarea is read line by line, below). */
const FROM_FORM = {
  labels: (f: Form) =>
    Object.fromEntries(
      MEMBER_TYPES.map((type) => [type, { ja: f[`${type}.ja`] ?? '', en: f[`${type}.en`] ?? '' }]),
    ),
  eligibility: (f: Form) => ({
    requesterChildMinAgeDays: formInt(f.requesterChildMinAgeDays),
    requesterChildUntil: f.requesterChildUntil || undefined,
    helperMinAgeYears: formInt(f.helperMinAgeYears),
    infantMonths: formInt(f.infantMonths),
    infantMaxHours: formInt(f.infantMaxHours),
  }),
  retention: (f: Form) => ({ withdrawnMemberYears: formInt(f.withdrawnMemberYears) }),
  renewal: (f: Form) => ({ opensMonthsBefore: formInt(f.opensMonthsBefore) }),
  consent: (f: Form) => ({
    termsVersion: normalize(f.termsVersion),
    healthDataVersion: normalize(f.healthDataVersion),
  }),
  requests: (f: Form) => ({
    leadTimeCutoff: formTime(f.leadTimeCutoff),
    firstRequestLeadDays: formInt(f.firstRequestLeadDays),
    serviceStart: formTime(f.serviceStart),
    serviceEnd: formTime(f.serviceEnd),
    offerExpiryHours: formInt(f.offerExpiryHours),
    plannerMaxPerDay: formInt(f.plannerMaxPerDay),
    maxSiblings: formInt(f.maxSiblings),
    carTransportAllowed: formBoolean(f.carTransportAllowed),
    handoverTo: f.handoverTo || undefined,
  }),
  reports: (f: Form) => ({
    activityReportDueDay: formInt(f.activityReportDueDay),
    activityStartWindowMinutes: formInt(f.activityStartWindowMinutes),
  }),
  programme: (f: Form) => ({
    enabled: formBoolean(f['programme.enabled']),
    serviceStart: formTime(f['programme.serviceStart']),
    serviceEnd: formTime(f['programme.serviceEnd']),
    overnight: formBoolean(f['programme.overnight']),
    maxHours: formInt(f['programme.maxHours']),
    partners: commaLines(f['programme.partners'], ['name', 'phone', 'note'], 2),
    exclusions: commaLines(f['programme.exclusions'], ['code', 'ja', 'en'], 3),
  }),
  training: (f: Form) => {
    const days = normalize(f.expiryNoticeDays)
      .split(/[\s,、]+/)
      .filter(Boolean)
      .map(formInt);
    // Kept in the order notices go out: earliest first.
    return {
      expiryNoticeDays: days.every(Number.isInteger) ? days.sort((a, b) => b! - a!) : days,
    };
  },
};

/**
 * A textarea of one item per line, "a,b,c" (full-width commas too), as objects with `fields`:
 * the last field takes the rest of the line, commas included (an English sentence has them).
 * A line with fewer than `required` parts is `null`: settingsForm reports the list's format.
 */
function commaLines(text: string | undefined, fields: readonly string[], required: number) {
  return (text ?? '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parts: string[] = [];
      let rest = line;
      for (let i = 0; i < fields.length - 1; i++) {
        const comma = /[,，]/.exec(rest);
        if (!comma) break;
        parts.push(rest.slice(0, comma.index));
        rest = rest.slice(comma.index + 1);
      }
      parts.push(rest);
      if (parts.length < required) return null;
      return Object.fromEntries(fields.map((name, i) => [name, (parts[i] ?? '').trim()]));
    });
}

export type SettingsFormSection = keyof typeof FROM_FORM | 'areas';

/**
 * The areas textarea: one "code,日本語名,English name" per line. A problem on a line is reported
 * under `areas.<line number>` (the page says which line), one on the whole list under `areas`.
 */
function readAreas(text: string, ctx: z.RefinementCtx): Area[] | undefined {
  const areas: Area[] = [];
  const lineNumbers: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parts = line.split(/[,，]/).map((p) => p.trim());
    if (parts.length !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['areas', String(index + 1)],
        message: 'settings.areas.lineFormat',
      });
      return undefined;
    }
    const [code = '', nameJa = '', nameEn = ''] = parts;
    areas.push({ code: code.normalize('NFKC'), nameJa, nameEn });
    lineNumbers.push(index + 1);
  }
  const result = areasSchema.safeParse(areas);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  const item = typeof first?.path[0] === 'number' ? first.path[0] : undefined;
  // The only list-level rule besides "not empty" is unique codes: point at the repeated line.
  const duplicate = areas.findIndex((a, i) => areas.findIndex((b) => b.code === a.code) !== i);
  const line =
    item !== undefined ? lineNumbers[item] : duplicate >= 0 ? lineNumbers[duplicate] : undefined;
  const path = [line === undefined ? 'areas' : `areas.${line}`];
  if (first) ctx.addIssue({ ...(first as z.core.$ZodIssueCustom), path });
  return undefined;
}

/** One section's form: its value, or the issues under the form's field names. */
export function settingsForm(section: SettingsFormSection) {
  return z.unknown().transform((raw, ctx) => {
    const form = textValues(raw);
    if (section === 'areas') return readAreas(form.areas ?? '', ctx) ?? z.NEVER;
    const parsed = settingSections[section].schema.safeParse(FROM_FORM[section](form));
    if (parsed.success) return parsed.data;
    // Each issue keeps its path (`expiryNoticeDays.1`): the page folds it into its field. The
    // programme's fields are named `programme.<field>` in the form; a line of one of its lists
    // without enough commas is a format problem of that list.
    for (const issue of parsed.error.issues) {
      const custom = issue as z.core.$ZodIssueCustom;
      if (section !== 'programme') {
        ctx.addIssue({ ...custom });
        continue;
      }
      // An issue on a whole item (`exclusions.3`, not `exclusions.3.code`) is a null line.
      const list = custom.path[0];
      const badLine = (list === 'partners' || list === 'exclusions') && custom.path.length === 2;
      ctx.addIssue({
        ...custom,
        path: ['programme', ...custom.path],
        message: badLine ? 'settings.programme.lineFormat' : custom.message,
      });
    }
    return z.NEVER;
  });
}
