import type { AppContext } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { isMessageKey } from '../../lib/i18n.js';

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

/** A certificate date in the future or an unknown module is a field problem on the form. */
export function recordServiceErrors(
  c: AppContext,
  err: unknown,
  moduleField: string,
): Record<string, string> | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === 'completed_in_future')
    return { completedOn: c.var.t('training.rule.completed_in_future') };
  if (err.code === 'unknown_module')
    return { [moduleField]: c.var.t('training.rule.unknown_module') };
  return null;
}
