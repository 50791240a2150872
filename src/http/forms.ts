import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { fieldErrors, firstErrors } from '../lib/validation.js';

/** All text fields of a form post (files are ignored here). */
export async function readForm(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export function validateForm<S extends z.ZodType>(
  c: AppContext,
  schema: S,
  input: unknown,
): FormResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: firstErrors(fieldErrors(result.error, c.var.t)) };
}
