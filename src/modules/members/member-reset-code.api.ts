import { emptyBody, jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { resetCodeJson } from '../auth/recovery.schemas.js';
import { issueResetCode } from '../auth/recovery.service.js';
import { findMemberById } from './members.queries.js';

const api = jsonApi();
/** Staff-assisted recovery for a member who phoned the center (issue #22). */
export const memberResetCodeApi = api.router;
const op = operationsOf('members');

const memberResetCode = op('staff', 'post /members/{id}/password-reset-code', {
  summary: "Issue a one-time reset code for a member's account (shown once, valid 24 hours)",
  body: emptyBody,
  responses: { 201: jsonResponse('The code, shown this once', resetCodeJson) },
});
api.openapi(memberResetCode, async (c, staff) => {
  const member = await findMemberById(c.var.deps.db, c.req.valid('param').id);
  if (!member) throw notFound();
  const issued = await issueResetCode(c.var.deps, staff, member.user_id, {
    account: 'member',
    clientAddress: c.var.clientAddress,
  });
  return issued;
});
