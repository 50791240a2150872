import { jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import { toUserJson, userEnvelope } from '../auth/auth.api.js';
import { createStaffBody } from './staff.schemas.js';
import { createStaffAccount } from './staff.service.js';

const api = jsonApi();
export const staffApi = api.router;
const op = operationsOf('staff');

const createStaff = op('admin', 'post /staff', {
  summary: 'Create a staff or admin account',
  errors: { 409: ['email_taken'] },
  body: createStaffBody,
  responses: { 201: jsonResponse('The new account', userEnvelope) },
});
api.openapi(createStaff, async (c, admin) => {
  const body = c.req.valid('json');
  const user = await createStaffAccount(c.var.deps, admin, body, c.var.clientAddress);
  return { user: toUserJson(user) };
});
