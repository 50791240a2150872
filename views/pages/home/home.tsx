import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { MessageKey } from '../../../src/lib/i18n.js';
import { HomeNews } from '../announcements/home-news.js';
import type { AnnouncementView } from '../announcements/announcement-text.js';
import { HomeEvents } from '../events/home-events.js';
import type { EventView } from '../events/event-facts.js';
import { MemberHomeSections, type MemberHomeView } from './member-home.js';

interface Action {
  href: string;
  label: MessageKey;
}

/** The things a user can do from home, by role. Modules add their entries here as they land. */
function actionsFor(
  role: 'admin' | 'staff' | 'member',
  sides?: ViewContext['memberSides'],
): Action[] {
  const actions: Action[] = [];
  // The heart of the product first: asking for help (its button heads the member home), answering
  // offers.
  if (sides?.helper) actions.push({ href: '/offers', label: 'offers.home' });
  if (sides?.helper) actions.push({ href: '/activities', label: 'activities.home.helper' });
  if (sides?.requester) actions.push({ href: '/activities', label: 'activities.home.requester' });
  if (role === 'member') {
    actions.push({ href: '/my', label: 'my.homeAction' });
    actions.push({ href: '/my/orientations', label: 'my.homeOrientations' });
  }
  if (sides?.helper) {
    actions.push({ href: '/calendar', label: 'availability.home.calendar' });
    actions.push({ href: '/availability', label: 'availability.home.availability' });
  }
  if (role !== 'member') {
    actions.push({ href: '/board', label: 'coord.home.board' });
    actions.push({ href: '/coordination/requests/new', label: 'coord.home.intake' });
    actions.push({ href: '/activities', label: 'activities.home.staff' });
    actions.push({ href: '/activities/missing', label: 'activities.home.missing' });
    actions.push({ href: '/incidents', label: 'activities.home.incidents' });
    actions.push({ href: '/statements', label: 'activities.home.statements' });
  }
  if (role !== 'member') {
    actions.push({ href: '/staff/reports/monthly', label: 'dash.action.monthlyReport' });
    actions.push({ href: '/staff/reports/annual', label: 'dash.action.annualReport' });
  }
  if (role !== 'member') actions.push({ href: '/members/new', label: 'apply.staffHomeAction' });
  if (role !== 'member') {
    actions.push({ href: '/members', label: 'home.staff.members' });
    actions.push({ href: '/orientations', label: 'home.staff.orientations' });
    actions.push({ href: '/renewals', label: 'home.staff.renewals' });
    actions.push({ href: '/claims/ledger', label: 'claims.ledger.title' });
  }
  actions.push(
    role === 'member'
      ? { href: '/training', label: 'training.home.member' }
      : { href: '/training/sessions', label: 'training.home.staff' },
  );
  actions.push({ href: '/events', label: 'events.homeAction' });
  // Members-only sections: an applicant's open with approval.
  if (role !== 'member' || sides?.membersContent) {
    actions.push({ href: '/directory', label: 'dir.homeAction' });
    actions.push({ href: '/announcements', label: 'ann.homeAction' });
  }
  if (role === 'admin') actions.push({ href: '/staff-accounts', label: 'home.staff.accounts' });
  if (role === 'admin') actions.push({ href: '/settings', label: 'settings.homeAction' });
  if (role === 'admin')
    actions.push({ href: '/settings/fees', label: 'activities.home.feeTables' });
  if (role === 'admin') actions.push({ href: '/settings/subsidies', label: 'subsidyRules.link' });
  actions.push({ href: '/account/password', label: 'home.account.password' });
  return actions;
}

export function HomePage(props: {
  ctx: ViewContext & { user: { name: string; role: 'admin' | 'staff' | 'member' } };
  /** The latest announcements and the next events for this user (center life). */
  announcements?: AnnouncementView[];
  events?: EventView[];
  /** What waits for a member (her offers, reports, help): above everything else. */
  waiting?: MemberHomeView | undefined;
}) {
  const { t, user } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('home.title')}>
      <h1>{t('home.welcome', { name: user.name })}</h1>
      {props.waiting ? (
        <MemberHomeSections ctx={props.ctx} home={props.waiting} />
      ) : (
        <p>{t('home.signedInAs', { role: t(`role.${user.role}`) })}</p>
      )}
      {user.role !== 'member' && <p>{t('home.staff.lead')}</p>}
      {props.announcements && <HomeNews ctx={props.ctx} announcements={props.announcements} />}
      {props.events && <HomeEvents ctx={props.ctx} events={props.events} />}
      <ActionsSection ctx={props.ctx} />
    </Layout>
  );
}

/** The action links by role; the staff dashboard shows them under its own lists. */
export function ActionsSection(props: {
  ctx: ViewContext & { user: { name: string; role: 'admin' | 'staff' | 'member' } };
}) {
  const { t, user } = props.ctx;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('home.whatYouCanDo')}</h2>
      <ul class="action-list">
        {actionsFor(user.role, props.ctx.memberSides).map((a) => (
          <li>
            <a class="action-list__link" href={a.href}>
              {t(a.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
