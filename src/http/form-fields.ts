import { z } from 'zod';

/**
 * Building blocks of the form schemas that `formBody` validates (see e.g.
 * `activities/report-form.ts`): forms whose fields are not known in advance (checkbox groups
 * named `<group>.<id>`) start from all their text fields and map them to the service's input.
 */

/** A form's text fields; a field sent twice counts once, with its last value. */
export const formFields = z.record(z.string(), z.unknown()).transform((raw) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const last: unknown = Array.isArray(v) ? (v as unknown[]).at(-1) : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
});

/** The named text fields of a form, each one not sent as ''. */
export const textFieldsOf = <K extends string>(
  form: Readonly<Record<string, string | undefined>>,
  names: readonly K[],
) => Object.fromEntries(names.map((name) => [name, form[name] ?? ''])) as Record<K, string>;

/** Full-width digits, colons and spaces (１０：００) become ASCII; surrounding spaces go. */
export const normalizeInput = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();

/** The ids of a checkbox group named `<prefix>.<id>`: every one sent, or those sent as `value`. */
export const tickedIds = (form: Record<string, string>, prefix: string, value?: string) =>
  Object.keys(form)
    .filter((k) => k.startsWith(`${prefix}.`) && (value === undefined || form[k] === value))
    .map((k) => k.slice(prefix.length + 1));

/** Re-reports a nested schema's issues at the paths `pathOf` gives (form field names). */
export function reportIssuesAt(
  error: z.ZodError,
  ctx: z.RefinementCtx,
  pathOf: (path: PropertyKey[]) => string,
) {
  for (const issue of error.issues) ctx.addIssue({ ...issue, path: [pathOf(issue.path)] });
}

/** The `onInvalid` of a form schema that accepts any form: there is never anything to show. */
export const acceptsAnyForm = (): never => {
  throw new Error('a schema that accepts any form rejected one');
};
