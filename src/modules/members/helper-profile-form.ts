import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { CATEGORIES } from '../../i18n/category-labels.js';
import type { HelperProfileValues } from '../../../views/pages/members/helper-profile.js';
import { reissue } from './form-issues.js';
import type { MemberWithEmail } from './members.queries.js';
import { memberPatchBody, type MemberPatch } from './members.schemas.js';

/** The helper profile of マイページ: ticked areas and categories, ages as years + months. */

const parseList = (json: string): unknown[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

const monthsToParts = (months: number | null) =>
  months === null
    ? { years: '', months: '' }
    : { years: String(Math.floor(months / 12)), months: String(months % 12) };

/** The saved profile as the form shows it. */
export function helperValues(member: MemberWithEmail): HelperProfileValues {
  const min = monthsToParts(member.helper_child_age_min_months);
  const max = monthsToParts(member.helper_child_age_max_months);
  return {
    areas: parseList(member.helper_areas).map(String),
    categories: parseList(member.helper_categories).map(String),
    ageMinYears: min.years,
    ageMinMonths: min.months,
    ageMaxYears: max.years,
    ageMaxMonths: max.months,
    maxChildren: String(member.helper_max_children),
    hasPets: member.helper_has_pets === 1,
    smokerInHome: member.helper_smoker_in_home === 1,
    preschoolersAtHome: member.helper_preschoolers_at_home === 1,
    householdNotes: member.helper_household_notes ?? '',
  };
}

/** An age typed as years and months (full-width digits too): months, null when both empty. */
function ageInMonthsFromForm(years: string, months: string): number | null | 'invalid' {
  const y = years.normalize('NFKC').trim();
  const m = months.normalize('NFKC').trim();
  if (y === '' && m === '') return null;
  if (!/^\d{0,2}$/.test(y) || !/^\d{0,2}$/.test(m)) return 'invalid';
  const yn = y === '' ? 0 : Number(y);
  const mn = m === '' ? 0 : Number(m);
  if (yn > 12 || mn > 11) return 'invalid';
  return yn * 12 + mn;
}

/**
 * The submitted form as the page shows it again. Areas are every ticked `helperAreas.*`: the
 * service keeps those of the center's settings.
 */
export function helperFormValues(raw: unknown): HelperProfileValues {
  const form = textValues(raw);
  const yes = (name: string) => form[name] === 'yes';
  const ticked = (prefix: string) =>
    Object.keys(form)
      .filter((k) => k.startsWith(prefix) && yes(k))
      .map((k) => k.slice(prefix.length));
  return {
    areas: ticked('helperAreas.'),
    categories: CATEGORIES.map(String).filter((n) => yes(`helperCategories.${n}`)),
    ageMinYears: form['ageMin.years'] ?? '',
    ageMinMonths: form['ageMin.months'] ?? '',
    ageMaxYears: form['ageMax.years'] ?? '',
    ageMaxMonths: form['ageMax.months'] ?? '',
    maxChildren: form.helperMaxChildren ?? '',
    hasPets: yes('helperHasPets'),
    smokerInHome: yes('helperSmokerInHome'),
    preschoolersAtHome: yes('helperPreschoolersAtHome'),
    householdNotes: form.helperHouseholdNotes ?? '',
  };
}

export interface HelperProfileForm {
  patch: MemberPatch & { helperAreas: string[] };
  values: HelperProfileValues;
}

export const helperProfileForm = z.unknown().transform((raw, ctx): HelperProfileForm => {
  const values = helperFormValues(raw);
  const min = ageInMonthsFromForm(values.ageMinYears, values.ageMinMonths);
  const max = ageInMonthsFromForm(values.ageMaxYears, values.ageMaxMonths);
  const ageError = (path: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message: 'my.helper.ageError' });
  if (min === 'invalid') ageError('helperChildAgeMinMonths');
  if (max === 'invalid') ageError('helperChildAgeMaxMonths');
  const parsed = memberPatchBody.safeParse({
    helperAreas: values.areas,
    helperCategories: values.categories.map(Number),
    helperChildAgeMinMonths: min === 'invalid' ? null : min,
    helperChildAgeMaxMonths: max === 'invalid' ? null : max,
    helperMaxChildren: /^[1-9]$/.test(values.maxChildren) ? Number(values.maxChildren) : undefined,
    helperHasPets: values.hasPets,
    helperSmokerInHome: values.smokerInHome,
    helperPreschoolersAtHome: values.preschoolersAtHome,
    helperHouseholdNotes: values.householdNotes,
  });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  if (parsed.data.helperMaxChildren === undefined) {
    ctx.addIssue({ code: 'custom', path: ['helperMaxChildren'], message: 'validation.choice' });
  }
  if (min === 'invalid' || max === 'invalid' || parsed.data.helperMaxChildren === undefined)
    return z.NEVER;
  return { patch: { ...parsed.data, helperAreas: values.areas }, values };
});
