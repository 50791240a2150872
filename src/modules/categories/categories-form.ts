import { z } from 'zod';
import { formFields, normalizeInput, reportIssuesAt } from '../../http/form-fields.js';
import { helpCategoryBody } from './categories.schemas.js';
import type { HelpCategory } from './help-category-rules.js';

/**
 * The help category form ↔ an edit (categories.schemas.ts). Fields: `labelJa`, `labelEn`,
 * `sortOrder`, `nationalCategory`; the flags `active`, `transportOnly`, `sickChild` are
 * checkboxes sent as `yes` when ticked.
 */
export type HelpCategoryFormValues = Record<string, string>;

export const HELP_CATEGORY_FLAGS = ['active', 'transportOnly', 'sickChild'] as const;

export function helpCategoryValuesOf(c: HelpCategory): HelpCategoryFormValues {
  return {
    labelJa: c.labelJa,
    labelEn: c.labelEn,
    sortOrder: String(c.sortOrder),
    nationalCategory: c.nationalCategory,
    active: c.active ? 'yes' : '',
    transportOnly: c.transportOnly ? 'yes' : '',
    sickChild: c.sickChild ? 'yes' : '',
  };
}

function formInt(s: string | undefined): number {
  const v = normalizeInput(s);
  return /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN;
}

export const helpCategoryForm = formFields.transform((form, ctx) => {
  const parsed = helpCategoryBody.safeParse({
    labelJa: form.labelJa ?? '',
    labelEn: form.labelEn ?? '',
    sortOrder: formInt(form.sortOrder),
    nationalCategory: form.nationalCategory ?? '',
    active: form.active === 'yes',
    transportOnly: form.transportOnly === 'yes',
    sickChild: form.sickChild === 'yes',
  });
  if (parsed.success) return { input: parsed.data, form };
  reportIssuesAt(parsed.error, ctx, (path) => path.map(String).join('.') || 'labelJa');
  return z.NEVER;
});
