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

/** 病児 (sick) or 病後児 (recovering), as the doctor saw the child: the report counts them apart. */
export const SICK_CONDITIONS = ['sick', 'recovering'] as const;

/** 医師連絡票 (and the 代理受診委任状 when the family gives one). */
export const doctorNoteBody = z
  .object({
    condition: z.enum(SICK_CONDITIONS).default('sick'),
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

/** A form's repeated field counts by its last value, as a browser never repeats these. */
const lastValue = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[]).at(-1) : v);
const formText = (v: unknown) => {
  const value = lastValue(v);
  return typeof value === 'string' ? value : '';
};

/** The 医師連絡票 form: flat fields, the 委任状 behind a checkbox (`proxy` = yes). */
export const doctorNoteForm = z
  .record(z.string(), z.unknown())
  .transform((raw): z.input<typeof doctorNoteBody> => {
    const f = (name: string) => formText(raw[name]);
    return {
      // Checked by the body's enum below (a value outside it is a 422 on the field).
      condition: (f('condition') || undefined) as (typeof SICK_CONDITIONS)[number] | undefined,
      doctorName: f('doctorName'),
      institution: f('institution'),
      seenOn: f('seenOn'),
      diagnosis: f('diagnosis'),
      instructions: f('instructions'),
      proxy:
        f('proxy') === 'yes'
          ? { institution: f('proxyInstitution'), reason: f('proxyReason') }
          : null,
    };
  })
  .pipe(doctorNoteBody);

/** Full-width digits and a comma for the decimal point (３７，５) are read as 37.5. */
function formTemperature(v: unknown): number {
  const text = formText(v).normalize('NFKC').trim().replace(',', '.');
  return /^\d{2}(\.\d)?$/.test(text) ? Number(text) : Number.NaN;
}

/** The handover form: `checklist.<code>` = yes | no, the temperature and the child's state. */
export const handoverForm = z
  .record(z.string(), z.unknown())
  .transform((raw) => ({
    answers: Object.fromEntries(
      Object.keys(raw)
        .filter((k) => k.startsWith('checklist.') && ['yes', 'no'].includes(formText(raw[k])))
        .map((k) => [k.slice('checklist.'.length), formText(raw[k]) === 'yes']),
    ),
    temperature: formTemperature(raw.temperature),
    childState: formText(raw.childState),
  }))
  .pipe(handoverBody);

/** A form field's name for a schema path (`proxy.institution` → `proxyInstitution`). */
export const NOTE_FORM_FIELD: Record<string, string> = {
  'proxy.institution': 'proxyInstitution',
  'proxy.reason': 'proxyReason',
};
