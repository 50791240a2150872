import { z } from 'zod';
import { singleLineText } from '../../lib/text-schemas.js';
import { NATIONAL_CATEGORIES } from './help-category-rules.js';

/** An edit of one help category (the code is the path's). */
export const helpCategoryBody = z
  .object({
    labelJa: singleLineText(60),
    labelEn: singleLineText(80),
    sortOrder: z
      .number()
      .int('validation.invalid')
      .min(0, 'validation.invalid')
      .max(999, 'validation.invalid'),
    active: z.boolean(),
    transportOnly: z.boolean(),
    sickChild: z.boolean(),
    nationalCategory: z.enum(NATIONAL_CATEGORIES, 'validation.choice'),
  })
  .strict();
export type HelpCategoryInput = z.output<typeof helpCategoryBody>;
