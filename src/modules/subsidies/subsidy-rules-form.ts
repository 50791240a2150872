import { z } from 'zod';
import { formFields, normalizeInput, reportIssuesAt } from '../../http/form-fields.js';
import { SUBSIDY_CATEGORIES } from './eligibility-rules.js';
import { subsidyRuleSetSchema, type SubsidyRuleSet } from '../settings/subsidy-rules.js';

/**
 * The subsidy rules form ↔ a rule set. Fields are `validFrom`, `<category>.<field>` per
 * category and `freeChildcare.<field>`; yes/no fields are checkboxes (sent as `yes` when ticked),
 * amounts may be typed as 「15,000」「¥300」.
 */

export type SubsidyRulesFormValues = Record<string, string>;

export const CATEGORY_NUMBER_FIELDS = ['ratePercent', 'perHourYen', 'monthlyCap'] as const;
export const CATEGORY_FLAG_FIELDS = [
  'enabled',
  'excludeCosts',
  'excludeCancellationFees',
  'excludeTransportOnly',
  'paidFirst',
] as const;
export const FREE_CHILDCARE_NUMBER_FIELDS = ['capAge3to5', 'capAge0to2TaxExempt'] as const;

function formInt(s: string | undefined): number | undefined {
  const v = normalizeInput(s).replace(/[,¥円]/g, '');
  if (v === '') return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

const flag = (b: boolean) => (b ? 'yes' : '');

/** A rule set as the form shows it (the new set starts as a copy of the latest one). */
export function subsidyRulesValuesOf(set: SubsidyRuleSet, validFrom = ''): SubsidyRulesFormValues {
  const out: SubsidyRulesFormValues = { validFrom };
  for (const r of set.categories) {
    for (const f of CATEGORY_NUMBER_FIELDS) out[`${r.category}.${f}`] = String(r[f]);
    for (const f of CATEGORY_FLAG_FIELDS) out[`${r.category}.${f}`] = flag(r[f]);
    out[`${r.category}.basis`] = r.basis;
    out[`${r.category}.capPer`] = r.capPer;
  }
  for (const f of FREE_CHILDCARE_NUMBER_FIELDS)
    out[`freeChildcare.${f}`] = String(set.freeChildcare[f]);
  out['freeChildcare.paidFirst'] = flag(set.freeChildcare.paidFirst);
  return out;
}

function candidateOf(v: SubsidyRulesFormValues) {
  return {
    validFrom: normalizeInput(v.validFrom),
    categories: SUBSIDY_CATEGORIES.map((category) => ({
      category,
      basis: v[`${category}.basis`] || undefined,
      capPer: v[`${category}.capPer`] || undefined,
      ...Object.fromEntries(CATEGORY_NUMBER_FIELDS.map((f) => [f, formInt(v[`${category}.${f}`])])),
      ...Object.fromEntries(CATEGORY_FLAG_FIELDS.map((f) => [f, v[`${category}.${f}`] === 'yes'])),
    })),
    freeChildcare: {
      capAge3to5: formInt(v['freeChildcare.capAge3to5']),
      capAge0to2TaxExempt: formInt(v['freeChildcare.capAge0to2TaxExempt']),
      paidFirst: v['freeChildcare.paidFirst'] === 'yes',
    },
  };
}

/** Schema path → form field: `categories.2.monthlyCap` is `public_assistance.monthlyCap`. */
function fieldOf(path: PropertyKey[]): string {
  if (path[0] === 'categories' && typeof path[1] === 'number' && path[2] !== undefined)
    return `${SUBSIDY_CATEGORIES[path[1]]}.${String(path[2])}`;
  return path.map(String).join('.') || 'validFrom';
}

/** A new rule set (and the form's text fields), its problems under the form's field names. */
export const subsidyRulesForm = formFields.transform((form, ctx) => {
  const parsed = subsidyRuleSetSchema.safeParse(candidateOf(form));
  if (parsed.success) return { version: parsed.data, form };
  reportIssuesAt(parsed.error, ctx, fieldOf);
  return z.NEVER;
});
