import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { formPosts } from '../../http/form-posts.js';
import { fieldRefusal } from '../../http/refusal.js';
import { renderPage, setFlash } from '../../http/render.js';
import { adminOnly } from '../../http/validate.js';
import { StaffAccountsPage } from '../../../views/pages/staff/staff-accounts.js';
import { listStaffUsers } from '../auth/users.queries.js';
import { createStaffBody } from './staff.schemas.js';
import { createStaffAccount } from './staff.service.js';

export const staffPages = new Hono<AppEnv>();

staffPages.get('/staff-accounts', async (c) => {
  requireAdmin(c);
  const accounts = await listStaffUsers(c.var.deps.db);
  return renderPage(c, StaffAccountsPage, { accounts, values: {}, errors: {} });
});

const rerenderStaffAccounts = async (
  c: AppContext,
  errors: Record<string, string>,
  values: Record<string, string>,
) => {
  const accounts = await listStaffUsers(c.var.deps.db);
  const { name, email, role } = values;
  return renderPage(c, StaffAccountsPage, { accounts, values: { name, email, role }, errors }, 422);
};

formPosts(staffPages, [adminOnly], requireAdmin)(
  '/staff-accounts',
  createStaffBody,
  rerenderStaffAccounts,
  async (c, admin, input) => {
    try {
      await createStaffAccount(c.var.deps, admin, input, c.var.clientAddress);
    } catch (err) {
      const errors = fieldRefusal(c, err, { email_taken: ['email', 'staff.emailTaken'] });
      if (!errors) throw err;
      return rerenderStaffAccounts(c, errors, input);
    }
    setFlash(c, 'staff.addedNotice', { name: input.name });
    return c.redirect('/staff-accounts', 303);
  },
);
