import { Hono, type MiddlewareHandler } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { adminOnly, formBody } from '../../http/validate.js';
import { renderPage, setFlash } from '../../http/render.js';
import { notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import {
  SETTINGS_PAGE_SECTIONS,
  SettingsPage,
  type SectionValues,
  type SettingsPageSection,
} from '../../../views/pages/settings/settings.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { MEMBER_TYPES, settingsForm } from './settings-form.js';
import type { CenterSettings } from './settings.schemas.js';
import { getCenterSettings, updateCenterSettings } from './settings.service.js';

export const settingsPages = new Hono<AppEnv>();

/** How each section is shown in its form (settings-form.ts reads it back). */
const sectionValues: {
  [K in SettingsPageSection]: (value: CenterSettings[K]) => SectionValues;
} = {
  labels: (v) =>
    Object.fromEntries(
      MEMBER_TYPES.flatMap((type) => [
        [`${type}.ja`, v[type].ja],
        [`${type}.en`, v[type].en],
      ]),
    ),
  areas: (v) => ({ areas: v.map((a) => `${a.code},${a.nameJa},${a.nameEn}`).join('\n') }),
  eligibility: (v) => ({
    requesterChildMinAgeDays: String(v.requesterChildMinAgeDays),
    requesterChildUntil: v.requesterChildUntil,
    helperMinAgeYears: String(v.helperMinAgeYears),
    infantMonths: String(v.infantMonths),
    infantMaxHours: String(v.infantMaxHours),
  }),
  retention: (v) => ({ withdrawnMemberYears: String(v.withdrawnMemberYears) }),
  renewal: (v) => ({ opensMonthsBefore: String(v.opensMonthsBefore) }),
  consent: (v) => ({ termsVersion: v.termsVersion, healthDataVersion: v.healthDataVersion }),
  requests: (v) => ({
    leadTimeCutoff: v.leadTimeCutoff,
    firstRequestLeadDays: String(v.firstRequestLeadDays),
    serviceStart: v.serviceStart,
    serviceEnd: v.serviceEnd,
    offerExpiryHours: String(v.offerExpiryHours),
    plannerMaxPerDay: String(v.plannerMaxPerDay),
    maxSiblings: String(v.maxSiblings),
    carTransportAllowed: String(v.carTransportAllowed),
    handoverTo: v.handoverTo,
  }),
  reports: (v) => ({
    activityReportDueDay: String(v.activityReportDueDay),
    activityStartWindowMinutes: String(v.activityStartWindowMinutes),
  }),
  training: (v) => ({ expiryNoticeDays: v.expiryNoticeDays.join(',') }),
  programme: (v) => ({
    'programme.enabled': String(v.enabled),
    'programme.serviceStart': v.serviceStart,
    'programme.serviceEnd': v.serviceEnd,
    'programme.overnight': String(v.overnight),
    'programme.maxHours': String(v.maxHours),
    'programme.partners': v.partners
      .map((p) => [p.name, p.phone, p.note].filter(Boolean).join(','))
      .join('\n'),
    'programme.exclusions': v.exclusions.map((e) => `${e.code},${e.ja},${e.en}`).join('\n'),
  }),
};

function formValuesOf(settings: CenterSettings): Record<SettingsPageSection, SectionValues> {
  const values = {} as Record<SettingsPageSection, SectionValues>;
  for (const section of SETTINGS_PAGE_SECTIONS) {
    const toValues = sectionValues[section] as (v: unknown) => SectionValues;
    values[section] = toValues(settings[section]);
  }
  return values;
}

/**
 * The form's messages by field: a problem inside a list (expiryNoticeDays.1) belongs to the
 * list's field; one on a line of the areas (areas.3) names the line.
 */
function sectionErrors(t: Translator, errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const line = /^areas\.(\d+)$/.exec(path);
    if (line) out.areas ??= t('settings.areas.lineError', { line: Number(line[1]), message });
    else out[path.replace(/\.\d+(\..*)?$/, '')] ??= message;
  }
  return out;
}

const isPageSection = (s: string): s is SettingsPageSection =>
  (SETTINGS_PAGE_SECTIONS as readonly string[]).includes(s);

settingsPages.get('/settings', async (c) => {
  requireAdmin(c);
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(c, SettingsPage, { values: formValuesOf(settings) });
});

/** The submitted form again, with the messages, in its section of the page (422). */
async function renderInvalid(
  c: AppContext,
  section: SettingsPageSection,
  errors: FormErrors,
  form: Record<string, string>,
) {
  const values = formValuesOf(await getCenterSettings(c.var.deps));
  const submitted = Object.fromEntries(
    Object.keys(values[section]).map((name) => [name, form[name] ?? '']),
  );
  return renderPage(
    c,
    SettingsPage,
    {
      values: { ...values, [section]: submitted },
      invalid: { section, errors: sectionErrors(c.var.t, errors) },
    },
    422,
  );
}

/** Each section's form validator (the section is the path's): an unknown section is a 404. */
const sectionValidators = Object.fromEntries(
  SETTINGS_PAGE_SECTIONS.map((section) => [
    section,
    formBody(settingsForm(section), (c, errors, values) =>
      renderInvalid(c, section, errors, values),
    ),
  ]),
) as Record<SettingsPageSection, MiddlewareHandler<AppEnv>>;

settingsPages.post(
  '/settings/:section',
  adminOnly,
  (c, next) => {
    const section = c.req.param('section');
    if (!isPageSection(section)) throw notFound();
    return sectionValidators[section](c, next);
  },
  async (c) => {
    const admin = requireAdmin(c);
    const section = c.req.param('section') as SettingsPageSection;
    // NOTE: the section's validator was picked at run time, so its output is not typed here.
    const value = (c.req.valid as (target: 'form') => unknown)('form');
    await updateCenterSettings(c.var.deps, admin, { [section]: value }, c.var.clientAddress);
    setFlash(c, 'settings.saved', { section: c.var.t(`settings.section.${section}`) });
    return c.redirect('/settings', 303);
  },
);
