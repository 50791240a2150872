import { zValidator } from '@hono/zod-validator';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { requireAdmin, requireStaff, requireUser } from '../auth/guards.js';
import type { AppContext, AppEnv } from '../context.js';
import { badRequest } from '../lib/errors.js';
import { fieldErrors, firstErrors } from '../lib/validation.js';

/**
 * Validation at the edge, one way for every route: `@hono/zod-validator` with one hook per kind
 * of caller. JSON and query strings answer the 400 of API.md (`fields` per path); a form page
 * re-renders itself with 422 and the messages next to each field (`onInvalid`). Handlers read
 * the parsed value with `c.req.valid('json' | 'query' | 'form')`.
 *
 * NOTE: authorization runs before validation, so a stranger learns nothing about a route's
 * schema from its messages: put a guard (`signedIn`, `staffOnly`, `adminOnly`) before these.
 */

type Target = 'json' | 'query' | 'param' | 'form';

/** The validation hook of every JSON route: the 400 of API.md with `fields` per path. */
export function throwApiError(
  result: { success: boolean; error?: z.core.$ZodError | undefined },
  c: AppContext,
): void {
  if (result.success || !result.error) return;
  const unknownKeys = result.error.issues.some((i) => i.code === 'unrecognized_keys');
  throw badRequest(
    unknownKeys ? 'unknown_fields' : 'invalid_input',
    fieldErrors(result.error, c.var.t),
  );
}

/** Hono's own malformed-JSON answer is a bare HTTPException; ours is the API error body. */
export const rejectMalformedJson = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/([\w.-]+\+)?json/i.test(type)) {
    try {
      await c.req.json(); // cached by Hono: the validator reads the same parsed body
    } catch {
      throw badRequest('malformed_json');
    }
  }
  await next();
});

const apiValidator = <S extends z.ZodType, T extends Exclude<Target, 'form'>>(
  target: T,
  schema: S,
) => zValidator(target, schema, (result, c) => throwApiError(result, c as AppContext));

/** A JSON body validated against a `.strict()` schema: 400 `invalid_input` / `unknown_fields`. */
export const jsonBody = <S extends z.ZodType>(schema: S) =>
  [rejectMalformedJson, apiValidator('json', schema)] as const;

/** Query-string parameters (API lists and filters). */
export const queryParams = <S extends z.ZodType>(schema: S) => apiValidator('query', schema);

/** The text fields of a submitted form, as a page re-renders them (files and lists dropped). */
export function textValues(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * A form post validated against a schema that maps the form's fields to the service's input
 * (see e.g. `requests/request-form.ts`). When it fails, `onInvalid` gets the first message per
 * field and the submitted text values, and re-renders the page (422).
 */
export const formBody = <S extends z.ZodType>(
  schema: S,
  onInvalid: (
    c: AppContext,
    errors: Record<string, string>,
    values: Record<string, string>,
  ) => Response | Promise<Response>,
) =>
  zValidator('form', schema, async (result, c) => {
    if (result.success) return;
    const ctx = c as AppContext;
    return onInvalid(
      ctx,
      firstErrors(fieldErrors(result.error, ctx.var.t)),
      textValues(result.data),
    );
  });

/** Guards as middleware, for routes whose validator must not run before authorization. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireUser(c);
  await next();
});
export const staffOnly = createMiddleware<AppEnv>(async (c, next) => {
  requireStaff(c);
  await next();
});
export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  requireAdmin(c);
  await next();
});
