import { requireAdmin } from '../../auth/guards.js';
import {
  apiRoute,
  apiRouter,
  emptyBody,
  idParam,
  jsonRequest,
  jsonResponse,
  noContent,
} from '../../http/api-route.js';
import { resetCodeJson } from '../auth/recovery.schemas.js';
import { issueResetCode } from '../auth/recovery.service.js';
import { staffRoleBody } from './staff.schemas.js';
import {
  changeStaffRole,
  disableStaffAccount,
  enableStaffAccount,
} from './staff-lifecycle.service.js';

/** Staff accounts over their life: disable, enable, role, password reset (admin only). */
export const staffLifecycleApi = apiRouter();

const lastAdmin = { 409: ['last_active_admin'] };

const disable = apiRoute(
  {
    tag: 'staff',
    access: 'admin',
    summary: 'Disable a staff account: its sessions end, sign-in is refused',
    errors: lastAdmin,
  },
  {
    method: 'post',
    path: '/staff/{id}/disable',
    request: { params: idParam, body: jsonRequest(emptyBody) },
    responses: { 204: noContent('Disabled') },
  },
);
staffLifecycleApi.openapi(disable, async (c) => {
  const admin = requireAdmin(c);
  const { id } = c.req.valid('param');
  await disableStaffAccount(c.var.deps, { admin, userId: id, clientAddress: c.var.clientAddress });
  return c.body(null, 204);
});

const enable = apiRoute(
  { tag: 'staff', access: 'admin', summary: 'Enable a disabled staff account again' },
  {
    method: 'post',
    path: '/staff/{id}/enable',
    request: { params: idParam, body: jsonRequest(emptyBody) },
    responses: { 204: noContent('Enabled') },
  },
);
staffLifecycleApi.openapi(enable, async (c) => {
  const admin = requireAdmin(c);
  const { id } = c.req.valid('param');
  await enableStaffAccount(c.var.deps, { admin, userId: id, clientAddress: c.var.clientAddress });
  return c.body(null, 204);
});

const changeRole = apiRoute(
  {
    tag: 'staff',
    access: 'admin',
    summary: "Change a staff account's role; its sessions end",
    errors: lastAdmin,
  },
  {
    method: 'patch',
    path: '/staff/{id}',
    request: { params: idParam, body: jsonRequest(staffRoleBody) },
    responses: { 204: noContent('Changed') },
  },
);
staffLifecycleApi.openapi(changeRole, async (c) => {
  const admin = requireAdmin(c);
  const { id } = c.req.valid('param');
  const { role } = c.req.valid('json');
  await changeStaffRole(c.var.deps, {
    admin,
    userId: id,
    role,
    clientAddress: c.var.clientAddress,
  });
  return c.body(null, 204);
});

const passwordReset = apiRoute(
  {
    tag: 'staff',
    access: 'admin',
    summary: 'Issue a one-time reset code for a staff account (shown once, valid 24 hours)',
  },
  {
    method: 'post',
    path: '/staff/{id}/password-reset',
    request: { params: idParam, body: jsonRequest(emptyBody) },
    responses: { 201: jsonResponse('The code, shown this once', resetCodeJson) },
  },
);
staffLifecycleApi.openapi(passwordReset, async (c) => {
  const admin = requireAdmin(c);
  const { id } = c.req.valid('param');
  const issued = await issueResetCode(c.var.deps, admin, id, {
    account: 'staff',
    clientAddress: c.var.clientAddress,
  });
  return c.json(issued, 201);
});
