/**
 * Typed application errors. Handlers throw them; the one `onError` in app.ts turns them into
 * the JSON error body of API.md or an HTML error page. `messageKey` is an i18n key.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    readonly messageKey: string,
    readonly fields?: Record<string, string[]>,
    /** Values for the message's `{placeholders}`: a rule's configured numbers, not the defaults. */
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code = 'invalid_input', fields?: Record<string, string[]>) =>
  new AppError(400, code, 'error.invalid_input', fields);
export const unauthorized = () => new AppError(401, 'unauthorized', 'error.unauthorized');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const notFound = () => new AppError(404, 'not_found', 'error.not_found');
/** A state conflict; its message is the rule's own (`rule.<code>`) when one exists. */
export const conflict = (code = 'conflict', messageKey = `rule.${code}`) =>
  new AppError(409, code, messageKey);
/** A business rule says no. `code` names the rule; `messageKey` explains it in plain words. */
export const unprocessable = (
  code: string,
  messageKey = `rule.${code}`,
  params?: Record<string, string | number>,
) => new AppError(422, code, messageKey, undefined, params);
export const tooManyRequests = (code = 'too_many_attempts') =>
  new AppError(429, code, 'error.too_many_attempts');
