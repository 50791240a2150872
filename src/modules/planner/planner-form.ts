import { z } from 'zod';

/**
 * The planner's grid as posted: the week (`from`, `to`), one `assign.<requestId>` select per row
 * (a helper's id, or empty) and one hidden `basis.<requestId>` (the proposal it started from).
 * A form like this only comes from the page: anything else is a 400, not a message on a field
 * (the field named in each issue picks the code, `plannerFormProblem`).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** More rows than any range can hold: a bigger form is not ours. */
const MAX_POSTED = 2_000;

/** A field's text; a repeated field counts by its last value, as the page never repeats one. */
const text = (v: unknown): string => {
  const last: unknown = Array.isArray(v) ? (v as unknown[]).at(-1) : v;
  return typeof last === 'string' ? last : '';
};

export interface PostedRow {
  requestId: string;
  /** '' when the row is left without a helper. */
  helperId: string;
}

export const plannerForm = z.unknown().transform((raw, ctx) => {
  const problem = (path: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message: 'validation.invalid' });
    return z.NEVER;
  };
  const form = (raw ?? {}) as Record<string, unknown>;
  const from = text(form.from);
  const to = text(form.to);
  if (!from || !to) return problem('range');
  const entries = Object.entries(form);
  if (entries.length > MAX_POSTED) return problem('fields');
  const assign: PostedRow[] = [];
  const basis = new Map<string, string>();
  for (const [key, value] of entries) {
    const dot = key.indexOf('.');
    const [kind, requestId] = [key.slice(0, dot), key.slice(dot + 1)];
    if (!UUID.test(requestId)) continue;
    const helperId = text(value);
    if (helperId && !UUID.test(helperId)) return problem('helper');
    if (kind === 'basis') basis.set(requestId, helperId);
    if (kind === 'assign') assign.push({ requestId, helperId });
  }
  return { from, to, assign, basis };
});

/** The 400's code for the field `plannerForm` refused. */
export const plannerFormProblem = (errors: Record<string, string>) =>
  'range' in errors ? 'invalid_range' : 'fields' in errors ? 'too_many_fields' : 'invalid_helper';
