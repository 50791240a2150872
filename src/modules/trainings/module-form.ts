import { z } from 'zod';
import { formFields, normalizeInput, reportIssuesAt } from '../../http/form-fields.js';
import type {
  ModuleFormValues,
  ValidityFormValues,
} from '../../../views/pages/trainings/curriculum.js';
import {
  MODULE_KINDS,
  moduleBody,
  moduleValidityBody,
  type ModuleInput,
  type ModuleValidityInput,
} from './trainings.schemas.js';

/** The curriculum's "add a module" form ↔ the module's input. */

export const moduleFormValues = (form: Record<string, string>): ModuleFormValues => ({
  code: normalizeInput(form.code),
  titleJa: form.titleJa ?? '',
  titleEn: form.titleEn ?? '',
  hours: normalizeInput(form.hours),
  kind: form.kind ?? '',
  validityMode: form.validityMode ?? 'months',
  validityMonths: normalizeInput(form.validityMonths),
});

const FORM_FIELD: Record<string, string> = { 'title.ja': 'titleJa', 'title.en': 'titleEn' };

/** A new module (and the form as sent): hours and months must be numbers. */
export const moduleForm = formFields.transform((form, ctx) => {
  const v = moduleFormValues(form);
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  const hours = Number(v.hours);
  if (!v.hours) issue('hours', 'validation.required');
  else if (!Number.isFinite(hours)) issue('hours', 'training.validation.number');
  const months = v.validityMonths === '' ? null : Number(v.validityMonths);
  if (months !== null && !Number.isInteger(months))
    issue('validityMonths', 'training.validation.number');
  const parsed = moduleBody.safeParse({
    code: v.code,
    title: { ja: v.titleJa, en: v.titleEn },
    hours,
    kind: (MODULE_KINDS as readonly string[]).includes(v.kind ?? '') ? v.kind : undefined,
    validityMonths: months,
    validityMode: v.validityMode,
  });
  if (!parsed.success) {
    reportIssuesAt(parsed.error, ctx, (path) => {
      const key = path.map(String).join('.');
      return FORM_FIELD[key] ?? key;
    });
    return z.NEVER;
  }
  if (ctx.issues.length > 0) return z.NEVER;
  const input: ModuleInput = parsed.data;
  return { input, values: v };
});

/** The curriculum's "refresher period" form: one module's validity. */
export const validityFormValues = (form: Record<string, string>): ValidityFormValues => ({
  moduleId: form.moduleId ?? '',
  validityMode: form.validityMode ?? 'months',
  validityMonths: normalizeInput(form.validityMonths),
});

export const moduleValidityForm = formFields.transform((form, ctx) => {
  const v = validityFormValues(form);
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (!v.moduleId) issue('moduleId', 'validation.required');
  const months = v.validityMonths === '' ? null : Number(v.validityMonths);
  if (months !== null && !Number.isInteger(months)) {
    issue('validityMonths', 'training.validation.number');
    return z.NEVER;
  }
  const parsed = moduleValidityBody.safeParse({
    validityMode: v.validityMode,
    validityMonths: months,
  });
  if (!parsed.success) {
    reportIssuesAt(parsed.error, ctx, (path) => path.map(String).join('.'));
    return z.NEVER;
  }
  if (ctx.issues.length > 0) return z.NEVER;
  const input: ModuleValidityInput = parsed.data;
  return { moduleId: v.moduleId ?? '', input, values: v };
});
