import { z } from 'zod';
import { NATIONAL_CATEGORIES, type HelpCategory } from './help-category-rules.js';

export const helpCategorySchema = z.object({
  code: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  transportOnly: z.boolean(),
  sickChild: z.boolean(),
  nationalCategory: z.enum(NATIONAL_CATEGORIES),
  inUse: z.boolean().describe('Some request or activity stores the code: it cannot be deleted'),
});

export const helpCategoryJson = (
  c: HelpCategory,
  inUse: boolean,
): z.infer<typeof helpCategorySchema> => ({
  ...c,
  inUse,
});
