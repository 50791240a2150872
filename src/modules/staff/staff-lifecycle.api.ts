import {
  emptyBody,
  jsonApi,
  jsonResponse,
  noContent,
  onObject,
  operationsOf,
} from '../../http/api-route.js';
import { resetCodeJson } from '../auth/recovery.schemas.js';
import { issueResetCode } from '../auth/recovery.service.js';
import { staffRoleBody } from './staff.schemas.js';
import {
  changeStaffRole,
  disableStaffAccount,
  enableStaffAccount,
} from './staff-lifecycle.service.js';

const api = jsonApi();
/** Staff accounts over their life: disable, enable, role, password reset (admin only). */
export const staffLifecycleApi = api.router;
const op = operationsOf('staff');

const lastAdmin = { 409: ['last_active_admin'] };

const disable = op('admin', 'post /staff/{id}/disable', {
  summary: 'Disable a staff account: its sessions end, sign-in is refused',
  errors: lastAdmin,
  body: emptyBody,
  responses: { 204: noContent('Disabled') },
});
api.openapi(disable, async (c, admin) => {
  const { deps, id, clientAddress } = onObject(c);
  await disableStaffAccount(deps, { admin, userId: id, clientAddress });
});

const enable = op('admin', 'post /staff/{id}/enable', {
  summary: 'Enable a disabled staff account again',
  body: emptyBody,
  responses: { 204: noContent('Enabled') },
});
api.openapi(enable, async (c, admin) => {
  const { deps, id, clientAddress } = onObject(c);
  await enableStaffAccount(deps, { admin, userId: id, clientAddress });
});

const changeRole = op('admin', 'patch /staff/{id}', {
  summary: "Change a staff account's role; its sessions end",
  errors: lastAdmin,
  body: staffRoleBody,
  responses: { 204: noContent('Changed') },
});
api.openapi(changeRole, async (c, admin) => {
  const { deps, id, clientAddress } = onObject(c);
  const { role } = c.req.valid('json');
  await changeStaffRole(deps, { admin, userId: id, role, clientAddress });
});

const passwordReset = op('admin', 'post /staff/{id}/password-reset', {
  summary: 'Issue a one-time reset code for a staff account (shown once, valid 24 hours)',
  body: emptyBody,
  responses: { 201: jsonResponse('The code, shown this once', resetCodeJson) },
});
api.openapi(passwordReset, async (c, admin) => {
  const { deps, id, clientAddress } = onObject(c);
  return issueResetCode(deps, admin, id, { account: 'staff', clientAddress });
});
