import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { adminOnly, jsonBody } from '../../http/validate.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { toUserJson } from '../auth/auth.api.js';
import { createStaffBody } from './staff.schemas.js';
import { createStaffAccount } from './staff.service.js';

export const staffApi = new Hono<AppEnv>();

staffApi.post('/staff', adminOnly, ...jsonBody(createStaffBody), async (c) => {
  const admin = requireAdmin(c);
  const body = c.req.valid('json');
  const user = await createStaffAccount(c.var.deps, admin, body, c.var.clientAddress);
  return c.json({ user: toUserJson(user) }, 201);
});

export const staffApiDocs: ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/staff',
    tag: 'staff',
    access: 'admin',
    body: createStaffBody,
    summary: 'Create a staff or admin account',
    responses: {
      201: '{ user }',
      400: 'Invalid input',
      401: 'Not signed in',
      403: 'Not an admin',
      409: 'email_taken',
    },
  },
];
