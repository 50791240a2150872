import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { AnnouncementView } from './announcement-text.js';

/** Home: the latest published announcements for the user's audience (at most three). */
export function HomeNews(props: { ctx: ViewContext; announcements: AnnouncementView[] }) {
  const { t, locale } = props.ctx;
  return (
    <section aria-labelledby="home-news-title" class="cl-home">
      <h2 id="home-news-title">{t('ann.home.title')}</h2>
      {props.announcements.length === 0 ? (
        <p>{t('ann.home.none')}</p>
      ) : (
        <ul class="plain-list cl-home__list">
          {props.announcements.map((a) => (
            <li class="cl-home__item">
              <a href={`/announcements/${a.id}`} class="cl-home__link">
                {a.title}
              </a>
              {a.publishedAt && (
                <span class="cl-home__meta">{formatDate(a.publishedAt, locale)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/announcements">{t('ann.home.all')}</a>
      </p>
    </section>
  );
}
