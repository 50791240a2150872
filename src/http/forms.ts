import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../context.js';
import { badRequest } from '../lib/errors.js';

/**
 * `c.req.parseBody()`, with an unparseable body as a 400. The Fetch API rejects a malformed form
 * with a TypeError; anything else (the body limit's own error) goes on to its handler.
 */
export async function parseFormOrReject(
  c: AppContext,
  options: { all?: boolean } = {},
): ReturnType<AppContext['req']['parseBody']> {
  try {
    return await c.req.parseBody(options);
  } catch (err) {
    if (err instanceof TypeError) throw badRequest('malformed_form');
    throw err;
  }
}

const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)$/;

/**
 * A form post whose body cannot be parsed (a multipart body without its boundary, a truncated
 * upload) is the client's mistake: 400 here, before any handler reads it. The parsed body is
 * cached by Hono, so handlers that read it again pay nothing more.
 */
export const rejectMalformedForms = createMiddleware<AppEnv>(async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && FORM_TYPES.test(type)) {
    await parseFormOrReject(c);
  }
  await next();
});
