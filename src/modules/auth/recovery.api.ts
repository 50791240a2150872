import { z } from 'zod';
import { jsonApi, jsonResponse, noContent, operationsOf } from '../../http/api-route.js';
import { requestPasswordReset, resetPassword } from './recovery.service.js';
import { forgotPasswordBody, resetWithCodeBody, resetWithTokenBody } from './recovery.schemas.js';

const api = jsonApi();
/** Account recovery: the forgot-password mail, the reset itself, and codes staff issue. */
export const recoveryApi = api.router;
const op = operationsOf('auth');

/** The origin links in mail point at: the configured public one, else this request's. */
export const publicOrigin = (configured: string | undefined, requestUrl: string) =>
  configured ?? new URL(requestUrl).origin;

const forgot = op('public', 'post /auth/password-reset/request', {
  summary: 'Mail a single-use reset link (15 minutes); the answer is the same for any address',
  body: forgotPasswordBody,
  responses: { 202: jsonResponse('Accepted', z.object({ ok: z.literal(true) })) },
});
api.openapi(forgot, async (c) => {
  const { email } = c.req.valid('json');
  await requestPasswordReset(c.var.deps, {
    email,
    clientAddress: c.var.clientAddress,
    origin: publicOrigin(c.var.deps.config.PUBLIC_ORIGIN, c.req.url),
    locale: c.var.locale,
  });
  return { ok: true as const };
});

const resetByLink = op('public', 'post /auth/password-reset', {
  summary: "Set a new password with the mailed link's token; every session of the account ends",
  errors: { 400: ['invalid_reset'] },
  body: resetWithTokenBody,
  responses: { 204: noContent('Password set') },
});
api.openapi(resetByLink, async (c) => {
  const { token, newPassword } = c.req.valid('json');
  await resetPassword(c.var.deps, {
    kind: 'link',
    token,
    newPassword,
    clientAddress: c.var.clientAddress,
  });
});

const resetByCode = op('public', 'post /auth/password-reset/code', {
  summary: 'Set a new password with a reset code from staff; every session of the account ends',
  errors: { 400: ['invalid_reset'], 429: ['too_many_attempts'] },
  body: resetWithCodeBody,
  responses: { 204: noContent('Password set') },
});
api.openapi(resetByCode, async (c) => {
  const body = c.req.valid('json');
  await resetPassword(c.var.deps, { kind: 'code', ...body, clientAddress: c.var.clientAddress });
});
