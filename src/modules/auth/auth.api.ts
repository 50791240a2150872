import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../auth/session.middleware.js';
import type { CurrentUser } from '../../context.js';
import { jsonApi, jsonResponse, noContent, operationsOf } from '../../http/api-route.js';
import type { User } from '../../../db/schema.js';
import { changePassword, signIn, signOut } from './auth.service.js';
import { changePasswordBody, loginBody } from './auth.schemas.js';

export const toUserJson = (
  u: Pick<User | CurrentUser, 'id' | 'email' | 'name' | 'role' | 'locale'>,
) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  locale: u.locale ?? null,
});

export const userJson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'staff', 'member']),
  locale: z.enum(['ja', 'en']).nullable(),
});
export const userEnvelope = z.object({ user: userJson });

const api = jsonApi();
export const authApi = api.router;
const op = operationsOf('auth');

const login = op('public', 'post /auth/login', {
  summary: 'Sign in; sets the session cookie',
  errors: { 401: ['invalid_credentials'], 429: ['too_many_attempts'] },
  body: loginBody,
  responses: { 200: jsonResponse('Signed in (Set-Cookie)', userEnvelope) },
});
api.openapi(login, async (c) => {
  const body = c.req.valid('json');
  const { user, sessionToken } = await signIn(c.var.deps, c.var.lucia, {
    ...body,
    clientAddress: c.var.clientAddress,
  });
  setSessionCookie(c, sessionToken);
  return { user: toUserJson(user) };
});

const logout = op('signed-in', 'post /auth/logout', {
  summary: 'End the current session on the server',
  responses: { 204: noContent('Signed out') },
});
api.openapi(logout, async (c) => {
  await signOut(c.var.lucia, c.var.sessionToken!);
  clearSessionCookie(c);
});

const me = op('signed-in', 'get /me', {
  summary: 'The signed-in user and their member record',
  responses: {
    200: jsonResponse('The user', z.object({ user: userJson, member: z.null() })),
  },
});
api.openapi(me, (c, user) => ({ user: toUserJson(user), member: null }));

const password = op('signed-in', 'post /me/password', {
  summary: 'Change the password; every other session ends',
  errors: { 400: ['wrong_current_password'] },
  body: changePasswordBody,
  responses: { 204: noContent('Changed (a new session cookie)') },
});
api.openapi(password, async (c, user) => {
  const body = c.req.valid('json');
  const { sessionToken } = await changePassword(c.var.deps, c.var.lucia, {
    userId: user.id,
    ...body,
    clientAddress: c.var.clientAddress,
  });
  setSessionCookie(c, sessionToken);
});
