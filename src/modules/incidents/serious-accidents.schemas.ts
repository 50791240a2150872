import { z } from 'zod';
import { optionalMultiLineText, singleLineText } from '../../lib/text-schemas.js';
import { tokyoDateField } from '../../lib/time-schemas.js';
import { SERIOUS_LEVELS, SERIOUS_STAGES } from './serious-accident-rules.js';

/** A step of a serious accident's reporting chain (issue #19): when and by whom it was reported. */
export const seriousStepBody = z
  .object({
    stage: z.enum(SERIOUS_STAGES),
    level: z.enum(SERIOUS_LEVELS),
    reportedOn: tokyoDateField,
    reportedBy: singleLineText(100, 0).refine((s) => s.length > 0, 'validation.required'),
    note: optionalMultiLineText(1000),
  })
  .strict();
export type SeriousStepInput = z.output<typeof seriousStepBody>;
