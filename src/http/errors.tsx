import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { isMessageKey, type MessageKey, type Translator } from '../lib/i18n.js';
import { ErrorPage } from '../../views/pages/errors/error.js';
import { renderPage } from './render.js';

interface ErrorShape {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;
  code: string;
  messageKey: MessageKey;
  fields?: Record<string, string[]> | undefined;
  params?: Record<string, string | number> | undefined;
}

const fallbackKey = (status: number): MessageKey =>
  status === 422 ? 'error.title.422' : status === 409 ? 'error.conflict' : 'error.invalid_input';

function describe(err: unknown): ErrorShape {
  if (err instanceof AppError) {
    const messageKey = isMessageKey(err.messageKey) ? err.messageKey : fallbackKey(err.status);
    return {
      status: err.status,
      code: err.code,
      messageKey,
      fields: err.fields,
      params: err.params,
    };
  }
  if (err instanceof HTTPException) {
    switch (err.status) {
      case 413:
        return { status: 413, code: 'payload_too_large', messageKey: 'error.payload_too_large' };
      case 403:
        return { status: 403, code: 'forbidden', messageKey: 'error.forbidden' };
      case 404:
        return { status: 404, code: 'not_found', messageKey: 'error.not_found' };
      case 401:
        return { status: 401, code: 'unauthorized', messageKey: 'error.unauthorized' };
      default:
        if (err.status < 500)
          return { status: 400, code: 'bad_request', messageKey: 'error.invalid_input' };
    }
  }
  return { status: 500, code: 'internal_error', messageKey: 'error.internal' };
}

export const isApiRequest = (c: AppContext) => new URL(c.req.url).pathname.startsWith('/api/');

/** The one error handler: the JSON error body for the API, an HTML page otherwise. Never a stack. */
export async function handleError(err: unknown, c: AppContext): Promise<Response> {
  const shape = describe(err);
  if (shape.status === 500) console.error(err);
  const t = c.var.t;
  const message = t(shape.messageKey, shape.params);
  if (isApiRequest(c)) {
    const fields = shape.fields ? translateFields(shape.fields, t) : undefined;
    return c.json(
      { error: { code: shape.code, message, ...(fields ? { fields } : {}) } },
      shape.status,
    );
  }
  if (shape.status === 401) {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return renderPage(c, ErrorPage, { status: shape.status, message }, shape.status);
}

export async function handleNotFound(c: AppContext): Promise<Response> {
  return handleError(new AppError(404, 'not_found', 'error.not_found'), c);
}

/** Services name field problems by i18n key; the edge translates them. */
export function translateFields(
  fields: Record<string, string[]>,
  t: Translator,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, msgs]) => [k, msgs.map((m) => (isMessageKey(m) ? t(m) : m))]),
  );
}
