import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { AppError } from '../../lib/errors.js';
import { StaffAccountsPage } from '../../../views/pages/staff/staff-accounts.js';
import { listStaffUsers } from '../auth/users.queries.js';
import { createStaffBody } from './staff.schemas.js';
import { createStaffAccount } from './staff.service.js';

export const staffPages = new Hono<AppEnv>();

staffPages.get('/staff-accounts', async (c) => {
  requireAdmin(c);
  const accounts = await listStaffUsers(c.var.deps.db);
  return render(
    c,
    <StaffAccountsPage ctx={viewContext(c)} accounts={accounts} values={{}} errors={{}} />,
  );
});

staffPages.post('/staff-accounts', async (c) => {
  const admin = requireAdmin(c);
  const form = await readForm(c);
  const values = { name: form.name, email: form.email, role: form.role };
  const rerender = async (errors: Record<string, string>) => {
    const accounts = await listStaffUsers(c.var.deps.db);
    return render(
      c,
      <StaffAccountsPage
        ctx={viewContext(c)}
        accounts={accounts}
        values={values}
        errors={errors}
      />,
      422,
    );
  };
  const parsed = validateForm(c, createStaffBody, {
    name: form.name ?? '',
    email: form.email ?? '',
    role: form.role ?? '',
    password: form.password ?? '',
  });
  if (!parsed.ok) return rerender(parsed.errors);
  try {
    await createStaffAccount(c.var.deps, admin, parsed.data, c.var.clientAddress);
  } catch (err) {
    if (err instanceof AppError && err.code === 'email_taken') {
      return rerender({ email: c.var.t('staff.emailTaken') });
    }
    throw err;
  }
  setFlash(c, 'staff.addedNotice', { name: parsed.data.name });
  return c.redirect('/staff-accounts', 303);
});
