import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { isMessageKey } from '../lib/i18n.js';

/** A refused action (409/422) becomes a message on the page; anything else propagates. */
export function refusal(
  c: AppContext,
  err: unknown,
): { status: 409 | 422; message: string } | null {
  if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
    const key = isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict';
    return { status: err.status, message: c.var.t(key) };
  }
  return null;
}
