import { z } from 'zod';
import { multiLineText, singleLineText } from '../../lib/text-schemas.js';
import { tokyoDateField } from '../../lib/time-schemas.js';

/** The exclusion checklist's answers: item code → "yes" (true) or "no" (false). */
export const checklistAnswers = z
  .record(z.string().min(1).max(32), z.boolean())
  .refine((a) => Object.keys(a).length <= 40, 'validation.invalid');
export type ChecklistAnswers = z.output<typeof checklistAnswers>;

/** 代理受診委任状: where the helper may take the child, and why. */
export const proxyVisitBody = z
  .object({ institution: singleLineText(100), reason: multiLineText(500, 1) })
  .strict();

/** 医師連絡票 (and the 代理受診委任状 when the family gives one). */
export const doctorNoteBody = z
  .object({
    doctorName: singleLineText(60),
    institution: singleLineText(100),
    seenOn: tokyoDateField,
    diagnosis: singleLineText(200),
    instructions: multiLineText(1000, 1),
    proxy: proxyVisitBody.nullable().default(null),
  })
  .strict();
export type DoctorNoteInput = z.output<typeof doctorNoteBody>;

/** The handover: the checklist again, the temperature taken and the child's state. */
export const handoverBody = z
  .object({
    answers: checklistAnswers,
    temperature: z.number().min(34).max(43),
    childState: multiLineText(1000, 1),
  })
  .strict();
export type HandoverInput = z.output<typeof handoverBody>;
