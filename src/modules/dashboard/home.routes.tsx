import { Hono } from 'hono';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { render, viewContext } from '../../http/render.js';
import { areaName } from '../../i18n/area-labels.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { HomePage } from '../../../views/pages/home/home.js';
import type { HomeItem, MemberHomeView } from '../../../views/pages/home/member-home.js';
import { StaffDashboardPage } from '../../../views/pages/home/staff-dashboard.js';
import { ageText, timeLeftText } from '../../../views/pages/requests/request-text.js';
import { latestAnnouncementsFor } from '../announcements/announcements.routes.js';
import { loadStaffDashboard } from './dashboard.service.js';
import { loadMemberHome, type MemberHome } from './member-home.service.js';
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
  const { member, memberSides: sides } = c.var;
  const [announcements, events, home] = await Promise.all([
    // An applicant has no news section: news opens with approval (issue #22).
    sides && !sides.membersContent ? undefined : latestAnnouncementsFor(c),
    upcomingEventsFor(c),
    member && sides ? loadMemberHome(c.var.deps, member.id, sides) : Promise.resolve(undefined),
  ]);
  return render(
    c,
    <HomePage
      ctx={ctx}
      announcements={announcements}
      events={events}
      waiting={home && memberHomeView(c, home)}
    />,
  );
});

/** The member home's rows as the page shows them (ages, area names, time left, links). */
function memberHomeView(c: AppContext, home: MemberHome): MemberHomeView {
  const t = c.var.t;
  const now = c.var.deps.clock.now();
  const today = tokyoDateOf(now);
  const waiting = c.var.waiting;
  const isToday = (startsAt: string) => tokyoDateOf(new Date(startsAt)) === today;
  // The other person, as the activity lists name them: the family for a helper, the helper for a parent.
  const family = (name: string) => t('activities.list.family', { name });
  const helperName = (name: string) => t('activities.list.helper', { name });
  const requestItem = (
    r: { id: string; starts_at: string; ends_at: string; category: number },
    otherName?: string,
  ): HomeItem => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    category: r.category,
    otherName,
    today: isToday(r.starts_at),
    href: `/requests/${r.id}`,
  });
  const { helper, requester } = home;
  return {
    helper: helper && {
      offers: helper.offers.map((o) => ({
        id: o.id,
        requestId: o.request_id,
        startsAt: o.starts_at,
        endsAt: o.ends_at,
        category: o.category,
        area: areaName(home.areas, o.requester_area, c.var.locale),
        childAges: o.birthDates.map((d) => ageText(t, d, today)),
        careLocation: o.care_location,
        status: 'offered',
        expiresAt: o.expires_at,
        timeLeft: timeLeftText(t, Date.parse(o.expires_at) - now.getTime()),
      })),
      offersWaiting: waiting?.offers ?? helper.offers.length,
      assignments: helper.assignments.map((r) => requestItem(r, family(r.other_name))),
      reports: helper.reportsToWrite.map((r) => ({
        ...requestItem(r, family(r.other_name)),
        today: false,
        action: { href: `/activities/new?request=${r.id}`, label: 'activities.action.report' },
      })),
      reportsDue: waiting?.reportsDue ?? helper.reportsToWrite.length,
    },
    requester: requester && {
      notYet: requesterNotYet(c.var.member?.requester_status),
      toConfirm: requester.reportsToConfirm.map((a) => ({
        id: a.id,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        otherName: helperName(a.other_name),
        href: `/activities/${a.id}`,
        action: { href: `/activities/${a.id}`, label: 'home.confirm.check' },
      })),
      toConfirmTotal: waiting?.toConfirm ?? requester.reportsToConfirm.length,
      nextHelp: requester.nextHelp.map((r) => requestItem(r, helperName(r.other_name))),
      looking: requester.looking.map((r) => ({
        ...requestItem(r),
        status: t(`req.status.${r.status}`),
      })),
    },
  };
}

/** Why a member with a requester side cannot ask for help yet (null: she can). */
function requesterNotYet(status: string | null | undefined): 'applied' | 'suspended' | null {
  return status === 'applied' || status === 'suspended' ? status : null;
}
