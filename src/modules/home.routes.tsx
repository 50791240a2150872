import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { render, viewContext } from '../http/render.js';
import { HomePage } from '../../views/pages/home/home.js';
import { latestAnnouncementsFor } from './announcements/announcements.routes.js';
import { upcomingEventsFor } from './events/events.routes.js';

export const homePages = new Hono<AppEnv>();

homePages.get('/', async (c) => {
  const user = c.var.user;
  if (!user) return c.redirect('/login', 303);
  const ctx = viewContext(c);
  const [announcements, events] = await Promise.all([
    latestAnnouncementsFor(c),
    upcomingEventsFor(c),
  ]);
  return render(
    c,
    <HomePage
      ctx={{ ...ctx, user: { name: user.name, role: user.role } }}
      announcements={announcements}
      events={events}
    />,
  );
});
