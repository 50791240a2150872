import { isStaff, type AppContext, type CurrentUser } from '../context.js';
import { forbidden, unauthorized } from '../lib/errors.js';

export function requireUser(c: AppContext): CurrentUser {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user;
}

export function requireStaff(c: AppContext): CurrentUser {
  const user = requireUser(c);
  if (!isStaff(user)) throw forbidden();
  return user;
}

export function requireAdmin(c: AppContext): CurrentUser {
  const user = requireUser(c);
  if (user.role !== 'admin') throw forbidden();
  return user;
}
