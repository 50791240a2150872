import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { isMessageKey, type MessageKey } from '../lib/i18n.js';

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

/**
 * Runs a page action. Answers null when it went through (the handler then redirects); when it
 * was refused (409/422), the page re-rendered with the message; anything else propagates.
 */
export async function refusedOr(
  c: AppContext,
  action: () => Promise<unknown>,
  rerender: (refused: { actionError: string; status: 409 | 422 }) => Promise<Response>,
): Promise<Response | null> {
  try {
    await action();
    return null;
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return rerender({ actionError: r.message, status: r.status });
  }
}

/**
 * `refusedOr` for a form posted from a page: once the action went through, 303 to `to` (the
 * action sets its flash); refused, the page again with the message.
 */
export async function redirectUnlessRefused(
  c: AppContext,
  to: string,
  action: () => Promise<unknown>,
  rerender: (refused: { actionError: string; status: 409 | 422 }) => Promise<Response>,
): Promise<Response> {
  return (await refusedOr(c, action, rerender)) ?? c.redirect(to, 303);
}

/**
 * Refusals that belong beside one field of a form (a code already taken, a date already used):
 * the error's code → the field and its message.
 */
export type FieldRefusals = Readonly<Record<string, readonly [field: string, message: MessageKey]>>;

/** The message beside its field of a refusal `rules` names; null for any other error. */
export function fieldRefusal(
  c: AppContext,
  err: unknown,
  rules: FieldRefusals,
): Record<string, string> | null {
  const rule = err instanceof AppError ? rules[err.code] : undefined;
  return rule ? { [rule[0]]: c.var.t(rule[1]) } : null;
}
