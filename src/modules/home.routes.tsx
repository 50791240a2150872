import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { render, viewContext } from '../http/render.js';
import { HomePage } from '../../views/pages/home/home.js';

export const homePages = new Hono<AppEnv>();

homePages.get('/', (c) => {
  const user = c.var.user;
  if (!user) return c.redirect('/login', 303);
  const ctx = viewContext(c);
  return render(c, <HomePage ctx={{ ...ctx, user: { name: user.name, role: user.role } }} />);
});
