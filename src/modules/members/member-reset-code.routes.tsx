import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { staffOnly } from '../../http/validate.js';
import { renderIssuedResetCode } from '../auth/recovery.routes.js';
import { issueResetCode } from '../auth/recovery.service.js';
import { memberOfPath } from './member-pages.js';

export const memberResetCodePages = new Hono<AppEnv>();

/** Staff issue a code for a member who phoned; it is shown on this page only. */
memberResetCodePages.post('/members/:id/reset-code', staffOnly, async (c) => {
  const staff = requireStaff(c);
  const member = await memberOfPath(c);
  const issued = await issueResetCode(c.var.deps, staff, member.user_id, {
    account: 'member',
    clientAddress: c.var.clientAddress,
  });
  return renderIssuedResetCode(c, member.name, issued, `/members/${member.id}`);
});
