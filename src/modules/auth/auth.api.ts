import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import { clearSessionCookie, setSessionCookie } from '../../auth/session.middleware.js';
import type { AppEnv, CurrentUser } from '../../context.js';
import { readJson } from '../../http/json.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
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

export const authApi = new Hono<AppEnv>();

authApi.post('/auth/login', async (c) => {
  const body = await readJson(c, loginBody);
  const { user, sessionToken } = await signIn(c.var.deps, c.var.lucia, {
    ...body,
    clientAddress: c.var.clientAddress,
  });
  setSessionCookie(c, sessionToken);
  return c.json({ user: toUserJson(user) }, 200);
});

authApi.post('/auth/logout', async (c) => {
  requireUser(c);
  await signOut(c.var.lucia, c.var.sessionToken!);
  clearSessionCookie(c);
  return c.body(null, 204);
});

authApi.get('/me', (c) => {
  const user = requireUser(c);
  return c.json({ user: toUserJson(user), member: null });
});

authApi.post('/me/password', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, changePasswordBody);
  const { sessionToken } = await changePassword(c.var.deps, c.var.lucia, {
    userId: user.id,
    ...body,
    clientAddress: c.var.clientAddress,
  });
  setSessionCookie(c, sessionToken);
  return c.body(null, 204);
});

export const authApiDocs: ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    access: 'public',
    body: loginBody,
    summary: 'Sign in; sets the session cookie',
    responses: {
      200: '{ user }',
      400: 'Invalid input',
      401: 'invalid_credentials',
      429: 'Too many failed attempts',
    },
  },
  {
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    access: 'signed-in',
    summary: 'End the current session on the server',
    responses: { 204: 'Signed out', 401: 'Not signed in' },
  },
  {
    method: 'get',
    path: '/me',
    tag: 'auth',
    access: 'signed-in',
    summary: 'The signed-in user and their member record',
    responses: { 200: '{ user, member }', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/me/password',
    tag: 'auth',
    access: 'signed-in',
    body: changePasswordBody,
    summary: 'Change the password; every other session ends',
    responses: {
      204: 'Changed',
      400: 'Invalid input or wrong current password',
      401: 'Not signed in',
    },
  },
];
