import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { adminOnly, formBody } from '../../http/validate.js';
import { AppError, notFound } from '../../lib/errors.js';
import { renderIssuedResetCode } from '../auth/recovery.routes.js';
import { StaffAccountPage } from '../../../views/pages/staff/staff-account.js';
import { issueResetCode } from '../auth/recovery.service.js';
import { findUserById } from '../auth/users.queries.js';
import { staffRoleBody } from './staff.schemas.js';
import {
  changeStaffRole,
  disableStaffAccount,
  enableStaffAccount,
} from './staff-lifecycle.service.js';

/** One staff account's page and its actions (admin only). */
export const staffLifecyclePages = new Hono<AppEnv>();
staffLifecyclePages.use('/staff-accounts/:id/*', adminOnly);
staffLifecyclePages.use('/staff-accounts/:id', adminOnly);

async function loadAccount(c: AppContext) {
  const user = await findUserById(c.var.deps.db, c.req.param('id') ?? '');
  if (!user || user.role === 'member') throw notFound();
  return user;
}

const accountPage = async (c: AppContext, formError?: string) =>
  renderPage(
    c,
    StaffAccountPage,
    { account: await loadAccount(c), formError },
    formError ? 409 : 200,
  );

staffLifecyclePages.get('/staff-accounts/:id', (c) => accountPage(c));

/** Runs an action; the last-admin refusal is shown on the account page. */
async function act(c: AppContext, action: () => Promise<void>, notice: string) {
  const account = await loadAccount(c);
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError && err.code === 'last_active_admin')
      return accountPage(c, c.var.t('staffAccounts.lastAdmin'));
    throw err;
  }
  setFlash(c, notice, { name: account.name });
  return c.redirect(`/staff-accounts/${account.id}`, 303);
}

const change = (c: AppContext) => ({
  admin: requireAdmin(c),
  userId: c.req.param('id') ?? '',
  clientAddress: c.var.clientAddress,
});

staffLifecyclePages.post('/staff-accounts/:id/disable', (c) =>
  act(c, () => disableStaffAccount(c.var.deps, change(c)), 'staffAccounts.disabledNotice'),
);

staffLifecyclePages.post('/staff-accounts/:id/enable', (c) =>
  act(c, () => enableStaffAccount(c.var.deps, change(c)), 'staffAccounts.enabledNotice'),
);

staffLifecyclePages.post(
  '/staff-accounts/:id/role',
  formBody(staffRoleBody, (c) => accountPage(c)),
  (c) =>
    act(
      c,
      () => changeStaffRole(c.var.deps, { ...change(c), role: c.req.valid('form').role }),
      'staffAccounts.roleNotice',
    ),
);

staffLifecyclePages.post('/staff-accounts/:id/password-reset', async (c) => {
  const account = await loadAccount(c);
  const issued = await issueResetCode(c.var.deps, requireAdmin(c), account.id, {
    account: 'staff',
    clientAddress: c.var.clientAddress,
  });
  return renderIssuedResetCode(c, account.name, issued, `/staff-accounts/${account.id}`);
});
