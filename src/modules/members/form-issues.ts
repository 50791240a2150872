import type { z } from 'zod';

/** A form's text fields by name. */
export type FormValues = Record<string, string>;

/**
 * Puts the issues of an inner parse (the service input's schema) onto the form's own parse,
 * under the form's field names, so `formBody` translates and shows them as it shows any other.
 * `rename` gives a field's form name and, optionally, a plainer message key for it.
 */
export function reissue(
  ctx: z.RefinementCtx,
  issues: readonly z.core.$ZodIssue[],
  rename: (path: string) => { name: string; message?: string } = (name) => ({ name }),
): void {
  for (const issue of issues) {
    const { name, message } = rename(issue.path.map(String).join('.'));
    ctx.addIssue(
      message
        ? { code: 'custom', path: [name], message, input: issue.input }
        : { ...(issue as z.core.$ZodIssueCustom), path: [name] },
    );
  }
}

/** The text fields of a form, each named field present ('' when not sent). */
export const pickText = (raw: FormValues, names: readonly string[]): FormValues =>
  Object.fromEntries(names.map((n) => [n, raw[n] ?? '']));

/** An empty birth date is "required" rather than "not a real date". */
export const blankBirthDate = (form: FormValues, name: string): string | undefined =>
  name.endsWith('birthDate') && (form[name] ?? '').trim() === ''
    ? 'validation.required'
    : undefined;
