import { PageHead } from '../../components/page-head.js';
import { Layout } from '../../layout.js';
import { Pagination } from '../../components/pagination.js';
import type { ViewContext } from '../../view-context.js';
import { EventBadges, eventWhen, seatsText, type EventView } from './event-facts.js';

/**
 * イベント: the events the viewer may see, soonest first (or those past). Anyone can open it:
 * without signing in, only public events are listed. Staff get the link to publish one.
 */
export function EventListPage(props: {
  ctx: ViewContext;
  events: EventView[];
  when: 'upcoming' | 'past';
  /** Which page is shown; the next page's link when there is one. */
  paging?: { page: number; pageCount: number; href: (page: number) => string };
  isStaff: boolean;
  signedIn: boolean;
}) {
  const { t, locale } = props.ctx;
  const title = t('events.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <PageHead
        title={title}
        action={props.isStaff && { href: '/events/new', label: t('events.new') }}
      />
      <p>{t(props.signedIn ? 'events.lead' : 'events.leadPublic')}</p>
      {!props.signedIn && (
        <p>
          <a href="/login?next=%2Fevents">{t('events.loginForMore')}</a>
        </p>
      )}
      <nav class="cl-tabs" aria-label={t('events.tabs')}>
        <a href="/events" aria-current={props.when === 'upcoming' ? 'page' : undefined}>
          {t('events.upcoming')}
        </a>
        <a href="/events?when=past" aria-current={props.when === 'past' ? 'page' : undefined}>
          {t('events.past')}
        </a>
      </nav>
      {props.events.length === 0 ? (
        <p class="card">{t(props.when === 'past' ? 'events.noPast' : 'events.none')}</p>
      ) : (
        <ul class="plain-list cl-cards">
          {props.events.map((e) => (
            <li class="card cl-card">
              <h2 class="cl-card__title">
                <a href={`/events/${e.id}`}>{e.title}</a>
              </h2>
              <EventBadges t={t} event={e} />
              <p class="cl-card__when">{eventWhen(t, locale, e)}</p>
              <p>
                {t('events.venueLine', { venue: e.venue })}
                {!e.cancelled && !e.ended && (
                  <>
                    <br />
                    {seatsText(t, e)}
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.paging && <Pagination t={t} {...props.paging} />}
    </Layout>
  );
}
