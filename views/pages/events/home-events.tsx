import type { ViewContext } from '../../view-context.js';
import { eventWhen, type EventView } from './event-facts.js';

/** Home: the next events the user may join, each a link to its page (where one signs up). */
export function HomeEvents(props: { ctx: ViewContext; events: EventView[] }) {
  const { t, locale } = props.ctx;
  return (
    <section aria-labelledby="home-events-title" class="cl-home">
      <h2 id="home-events-title">{t('events.home.title')}</h2>
      {props.events.length === 0 ? (
        <p>{t('events.home.none')}</p>
      ) : (
        <ul class="plain-list cl-home__list">
          {props.events.map((e) => (
            <li class="cl-home__item">
              <a href={`/events/${e.id}`} class="cl-home__link">
                {e.title}
              </a>
              <span class="cl-home__meta">
                {eventWhen(t, locale, e)}
                {e.mine?.status === 'registered' && ` ・ ${t('events.mine.registered')}`}
                {e.mine?.status === 'waitlisted' &&
                  ` ・ ${t('events.mine.waitlisted', { position: e.mine.waitlistPosition ?? 1 })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/events">{t('events.home.all')}</a>
      </p>
    </section>
  );
}
