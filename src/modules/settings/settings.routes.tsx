import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { readForm, validateForm, type FormResult } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import { fieldErrors } from '../../lib/validation.js';
import {
  SETTINGS_PAGE_SECTIONS,
  SettingsPage,
  type SectionValues,
  type SettingsPageSection,
} from '../../../views/pages/settings/settings.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  areasSchema,
  settingSections,
  type Area,
  type CenterSettings,
} from './settings.schemas.js';
import { getCenterSettings, updateCenterSettings } from './settings.service.js';

export const settingsPages = new Hono<AppEnv>();

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

const MEMBER_TYPES = ['requester', 'helper', 'both'] as const;

/** How each section is shown in its form and read back from it. */
const sectionForms: {
  [K in SettingsPageSection]: {
    toValues(value: CenterSettings[K]): SectionValues;
    fromForm(form: Form): unknown;
  };
} = {
  labels: {
    toValues: (v) =>
      Object.fromEntries(
        MEMBER_TYPES.flatMap((type) => [
          [`${type}.ja`, v[type].ja],
          [`${type}.en`, v[type].en],
        ]),
      ),
    fromForm: (f) =>
      Object.fromEntries(
        MEMBER_TYPES.map((type) => [
          type,
          { ja: f[`${type}.ja`] ?? '', en: f[`${type}.en`] ?? '' },
        ]),
      ),
  },
  areas: {
    toValues: (v) => ({ areas: v.map((a) => `${a.code},${a.nameJa},${a.nameEn}`).join('\n') }),
    fromForm: (f) => f.areas ?? '', // parsed line by line in parseAreas
  },
  eligibility: {
    toValues: (v) => ({
      requesterChildMinAgeDays: String(v.requesterChildMinAgeDays),
      requesterChildUntil: v.requesterChildUntil,
      helperMinAgeYears: String(v.helperMinAgeYears),
      infantMonths: String(v.infantMonths),
      infantMaxHours: String(v.infantMaxHours),
    }),
    fromForm: (f) => ({
      requesterChildMinAgeDays: formInt(f.requesterChildMinAgeDays),
      requesterChildUntil: f.requesterChildUntil || undefined,
      helperMinAgeYears: formInt(f.helperMinAgeYears),
      infantMonths: formInt(f.infantMonths),
      infantMaxHours: formInt(f.infantMaxHours),
    }),
  },
  retention: {
    toValues: (v) => ({ withdrawnMemberYears: String(v.withdrawnMemberYears) }),
    fromForm: (f) => ({ withdrawnMemberYears: formInt(f.withdrawnMemberYears) }),
  },
  consent: {
    toValues: (v) => ({ termsVersion: v.termsVersion, healthDataVersion: v.healthDataVersion }),
    fromForm: (f) => ({
      termsVersion: normalize(f.termsVersion),
      healthDataVersion: normalize(f.healthDataVersion),
    }),
  },
  requests: {
    toValues: (v) => ({
      leadTimeCutoff: v.leadTimeCutoff,
      firstRequestLeadDays: String(v.firstRequestLeadDays),
      serviceStart: v.serviceStart,
      serviceEnd: v.serviceEnd,
      offerExpiryHours: String(v.offerExpiryHours),
      plannerMaxPerDay: String(v.plannerMaxPerDay),
      maxSiblings: String(v.maxSiblings),
      carTransportAllowed: String(v.carTransportAllowed),
    }),
    fromForm: (f) => ({
      leadTimeCutoff: formTime(f.leadTimeCutoff),
      firstRequestLeadDays: formInt(f.firstRequestLeadDays),
      serviceStart: formTime(f.serviceStart),
      serviceEnd: formTime(f.serviceEnd),
      offerExpiryHours: formInt(f.offerExpiryHours),
      plannerMaxPerDay: formInt(f.plannerMaxPerDay),
      maxSiblings: formInt(f.maxSiblings),
      carTransportAllowed: formBoolean(f.carTransportAllowed),
    }),
  },
  reports: {
    toValues: (v) => ({
      activityReportDueDay: String(v.activityReportDueDay),
      activityStartWindowMinutes: String(v.activityStartWindowMinutes),
    }),
    fromForm: (f) => ({
      activityReportDueDay: formInt(f.activityReportDueDay),
      activityStartWindowMinutes: formInt(f.activityStartWindowMinutes),
    }),
  },
  training: {
    toValues: (v) => ({ expiryNoticeDays: v.expiryNoticeDays.join(',') }),
    fromForm: (f) => {
      const days = normalize(f.expiryNoticeDays)
        .split(/[\s,、]+/)
        .filter(Boolean)
        .map(formInt);
      // Kept in the order notices go out: earliest first.
      return {
        expiryNoticeDays: days.every(Number.isInteger) ? days.sort((a, b) => b! - a!) : days,
      };
    },
  },
};

function formValuesOf(settings: CenterSettings): Record<SettingsPageSection, SectionValues> {
  const values = {} as Record<SettingsPageSection, SectionValues>;
  for (const section of SETTINGS_PAGE_SECTIONS) {
    const form = sectionForms[section] as { toValues(v: unknown): SectionValues };
    values[section] = form.toValues(settings[section]);
  }
  return values;
}

/** Errors inside a list (expiryNoticeDays.1) belong to the list's field. */
function fieldsOnly(errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.replace(/\.\d+(\..*)?$/, '');
    out[field] ??= message;
  }
  return out;
}

/** The areas textarea: one "code,日本語名,English name" per line; errors name the line. */
function parseAreas(text: string, t: Translator): FormResult<Area[]> {
  const areas: Area[] = [];
  const lineNumbers: number[] = [];
  const lineError = (line: number, message: string) => ({
    ok: false as const,
    errors: { areas: t('settings.areas.lineError', { line, message }) },
  });
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parts = line.split(/[,，]/).map((p) => p.trim());
    if (parts.length !== 3) return lineError(index + 1, t('settings.areas.lineFormat'));
    const [code = '', nameJa = '', nameEn = ''] = parts;
    areas.push({ code: code.normalize('NFKC'), nameJa, nameEn });
    lineNumbers.push(index + 1);
  }
  const result = areasSchema.safeParse(areas);
  if (result.success) return { ok: true, data: result.data };
  const [path, messages] = Object.entries(fieldErrors(result.error, t))[0] ?? ['_', []];
  const message = messages[0] ?? t('validation.invalid');
  const item = /^(\d+)\./.exec(path);
  if (item) return lineError(lineNumbers[Number(item[1])] ?? 0, message);
  // The only list-level rule besides "not empty" is unique codes: point at the repeated line.
  const duplicate = areas.findIndex((a, i) => areas.findIndex((b) => b.code === a.code) !== i);
  if (duplicate >= 0) return lineError(lineNumbers[duplicate] ?? 0, message);
  return { ok: false, errors: { areas: message } };
}

function validateSection(
  c: AppContext,
  section: SettingsPageSection,
  form: Form,
): FormResult<unknown> {
  const candidate = sectionForms[section].fromForm(form);
  if (section === 'areas') return parseAreas(String(candidate), c.var.t);
  const parsed = validateForm(c, settingSections[section].schema, candidate);
  return parsed.ok ? parsed : { ok: false, errors: fieldsOnly(parsed.errors) };
}

const isPageSection = (s: string): s is SettingsPageSection =>
  (SETTINGS_PAGE_SECTIONS as readonly string[]).includes(s);

settingsPages.get('/settings', async (c) => {
  requireAdmin(c);
  const settings = await getCenterSettings(c.var.deps);
  return render(c, <SettingsPage ctx={viewContext(c)} values={formValuesOf(settings)} />);
});

settingsPages.post('/settings/:section', async (c) => {
  const admin = requireAdmin(c);
  const section = c.req.param('section');
  if (!isPageSection(section)) throw notFound();
  const form = await readForm(c);
  const parsed = validateSection(c, section, form);
  if (!parsed.ok) {
    const values = formValuesOf(await getCenterSettings(c.var.deps));
    const submitted = Object.fromEntries(
      Object.keys(values[section]).map((name) => [name, form[name] ?? '']),
    );
    return render(
      c,
      <SettingsPage
        ctx={viewContext(c)}
        values={{ ...values, [section]: submitted }}
        invalid={{ section, errors: parsed.errors }}
      />,
      422,
    );
  }
  await updateCenterSettings(c.var.deps, admin, { [section]: parsed.data }, c.var.clientAddress);
  setFlash(c, 'settings.saved', { section: c.var.t(`settings.section.${section}`) });
  return c.redirect('/settings', 303);
});
