import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import type { MessageKey } from '../lib/i18n.js';
import { ErrorPage } from '../../views/pages/errors/error.js';
import { render, viewContext } from './render.js';

interface ErrorShape {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;
  code: string;
  messageKey: MessageKey;
  fields?: Record<string, string[]> | undefined;
}

function describe(err: unknown): ErrorShape {
  if (err instanceof AppError) {
    return {
      status: err.status,
      code: err.code,
      messageKey: err.messageKey as MessageKey,
      fields: err.fields,
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
  const message = t(shape.messageKey);
  if (isApiRequest(c)) {
    return c.json(
      { error: { code: shape.code, message, ...(shape.fields ? { fields: shape.fields } : {}) } },
      shape.status,
    );
  }
  if (shape.status === 401) {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return render(
    c,
    <ErrorPage ctx={viewContext(c)} status={shape.status} message={message} />,
    shape.status,
  );
}

export async function handleNotFound(c: AppContext): Promise<Response> {
  return handleError(new AppError(404, 'not_found', 'error.not_found'), c);
}
