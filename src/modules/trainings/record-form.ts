import { z } from 'zod';
import { formFields, normalizeInput, tickedIds } from '../../http/form-fields.js';
import { tokyoDateField } from '../../lib/time-schemas.js';
import { unprocessable } from '../../lib/errors.js';
import type { RecordFormValues } from '../../../views/pages/trainings/helpers.js';
import type { SubmitValues } from '../../../views/pages/trainings/my-training.js';
import { RECORD_SOURCES } from './trainings.schemas.js';

/** Training records sent on a form (a certificate or an exemption) and their review. */

const recordFields = z.object({
  completedOn: tokyoDateField,
  source: z.enum(RECORD_SOURCES),
  note: z.string().trim().min(1).max(500),
});

/** The helper's own record of one module, as her page shows it again. */
export const submitValues = (form: Record<string, string>): SubmitValues => ({
  moduleId: form.moduleId ?? '',
  completedOn: normalizeInput(form.completedOn),
  source: form.source ?? '',
  note: form.note ?? '',
});

/** Staff recording modules for a helper, as the helper's page shows it again. */
export const staffRecordValues = (form: Record<string, string>): RecordFormValues => ({
  moduleIds: tickedIds(form, 'moduleIds'),
  completedOn: normalizeInput(form.completedOn),
  source: form.source ?? '',
  note: form.note ?? '',
});

/** The record's fields, or the problems under the form's field names. */
function recordInputOf(
  values: { completedOn?: string; source?: string; note?: string },
  moduleIds: string[],
  ctx: z.RefinementCtx,
  noModule: { field: string; message: string },
) {
  const parsed = recordFields.safeParse(values);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  if (moduleIds.length === 0)
    ctx.addIssue({ code: 'custom', path: [noModule.field], message: noModule.message });
  return parsed.success && moduleIds.length > 0 ? { ...parsed.data, moduleIds } : z.NEVER;
}

/** A helper's own certificate or exemption, for one module (and the form as sent). */
export const ownRecordForm = formFields.transform((form, ctx) => {
  const values = submitValues(form);
  const input = recordInputOf(values, values.moduleId ? [values.moduleId] : [], ctx, {
    field: 'moduleId',
    message: 'validation.choice',
  });
  return { input, values };
});

/** Staff recording one or more modules for a helper (and the form as sent). */
export const staffRecordForm = formFields.transform((form, ctx) => {
  const values = staffRecordValues(form);
  const input = recordInputOf(values, values.moduleIds!, ctx, {
    field: 'moduleIds',
    message: 'training.validation.modulesRequired',
  });
  return { input, values };
});

/** Approve or reject a submission, with an optional note (at most 500 characters kept). */
export const reviewForm = formFields.transform((form, ctx) => {
  const decision =
    form.decision === 'approve' ? 'approved' : form.decision === 'reject' ? 'rejected' : null;
  if (!decision) {
    ctx.addIssue({ code: 'custom', path: ['decision'], message: 'validation.choice' });
    return z.NEVER;
  }
  return { decision, note: (form.note ?? '').trim().slice(0, 500) || null } as const;
});

/** The review form has no page to show again: an unknown decision is a 422. */
export const rejectDecision = (): never => {
  throw unprocessable('invalid_decision', 'validation.choice');
};
