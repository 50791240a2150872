import { requireAdmin } from '../../auth/guards.js';
import { apiRouter, jsonResponse, operationsOf } from '../../http/api-route.js';
import { toUserJson, userEnvelope } from '../auth/auth.api.js';
import { createStaffBody } from './staff.schemas.js';
import { createStaffAccount } from './staff.service.js';

export const staffApi = apiRouter();
const op = operationsOf('staff');

const createStaff = op('admin', 'post /staff', {
  summary: 'Create a staff or admin account',
  errors: { 409: ['email_taken'] },
  body: createStaffBody,
  responses: { 201: jsonResponse('The new account', userEnvelope) },
});
staffApi.openapi(createStaff, async (c) => {
  const admin = requireAdmin(c);
  const body = c.req.valid('json');
  const user = await createStaffAccount(c.var.deps, admin, body, c.var.clientAddress);
  return c.json({ user: toUserJson(user) }, 201);
});
