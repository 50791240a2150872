import { Hono } from 'hono';
import { isStaff, type AppEnv } from '../../context.js';
import { render, viewContext } from '../../http/render.js';
import { HomePage } from '../../../views/pages/home/home.js';
import { StaffDashboardPage } from '../../../views/pages/home/staff-dashboard.js';
import { latestAnnouncementsFor } from '../announcements/announcements.routes.js';
import { loadStaffDashboard } from './dashboard.service.js';
import { upcomingEventsFor } from '../events/events.routes.js';

export const homePages = new Hono<AppEnv>();

/** Home: the staff dashboard for staff and admins, the member home for members. */
homePages.get('/', async (c) => {
  const user = c.var.user;
  if (!user) return c.redirect('/login', 303);
  const ctx = { ...viewContext(c), user: { name: user.name, role: user.role } };
  if (isStaff(user)) {
    const [dashboard, announcements] = await Promise.all([
      loadStaffDashboard(c.var.deps),
      latestAnnouncementsFor(c),
    ]);
    return render(
      c,
      <StaffDashboardPage ctx={ctx} dashboard={dashboard} announcements={announcements} />,
    );
  }
  const [announcements, events] = await Promise.all([
    latestAnnouncementsFor(c),
    upcomingEventsFor(c),
  ]);
  return render(c, <HomePage ctx={ctx} announcements={announcements} events={events} />);
});
