import type { Child } from 'hono/jsx';
import { categoryLabel } from '../../../src/i18n/category-labels.js';
import type { MessageKey } from '../../../src/lib/i18n.js';
import type { ViewContext } from '../../view-context.js';
import { OfferCard, type OfferCardView } from '../requests/offers.js';
import { whenText } from '../requests/request-text.js';

/** One row of a home list: a help (or a report) with when, who and where to act on it. */
export interface HomeItem {
  id: string;
  startsAt: string;
  endsAt: string;
  category?: number | undefined;
  /** The other person: the family for a helper, the helper for a parent. */
  otherName?: string | undefined;
  /** A status said in words (e.g. 紹介中), for requests still looking for a helper. */
  status?: string | undefined;
  today?: boolean | undefined;
  href: string;
  /** The row's own button (報告を書く, 内容を確認する); else the when is the link. */
  action?: { href: string; label: MessageKey } | undefined;
}

export interface MemberHomeView {
  helper?:
    | {
        offers: OfferCardView[];
        offersWaiting: number;
        assignments: HomeItem[];
        reports: HomeItem[];
        reportsDue: number;
      }
    | undefined;
  requester?:
    | {
        /** Why she cannot ask for help yet (her requester side is not active), or null. */
        notYet: 'applied' | 'suspended' | null;
        toConfirm: HomeItem[];
        toConfirmTotal: number;
        nextHelp: HomeItem[];
        looking: HomeItem[];
      }
    | undefined;
}

/**
 * What waits for a member, first on her home page: a parent's "new request" button and lists, a
 * helper's offers (accepted or declined right here, in one tap), her help and reports to write.
 */
export function MemberHomeSections(props: { ctx: ViewContext; home: MemberHomeView }) {
  const { ctx, home } = props;
  const { t, locale } = ctx;
  return (
    <>
      {home.requester &&
        (home.requester.notYet === null ? (
          <p class="home-new-request">
            <a class="button button--primary home-new-request__button" href="/requests/new">
              {t('req.home.new')}
            </a>
          </p>
        ) : (
          // An applicant (or a suspended requester) is told why, and where to go next, instead of
          // a button that leads to a refusal.
          <div class="alert alert--info">
            <p>
              {home.requester.notYet === 'applied'
                ? t('home.requester.applied')
                : t('req.new.suspended')}
            </p>
            {home.requester.notYet === 'applied' && (
              <p>
                <a href="/my/orientations">{t('my.homeOrientations')}</a>
              </p>
            )}
          </div>
        ))}
      {home.helper && (
        <HomeSection
          id="home-offers"
          title={t('home.offers.title')}
          count={home.helper.offersWaiting}
          more={{
            href: '/offers',
            text: t('home.offers.all'),
          }}
        >
          {home.helper.offers.length === 0 ? (
            <p>{t('home.offers.none')}</p>
          ) : (
            <ul class="offer-cards">
              {home.helper.offers.map((o) => (
                <li>
                  <OfferCard t={t} locale={locale} offer={o} />
                </li>
              ))}
            </ul>
          )}
        </HomeSection>
      )}
      {home.requester && (
        <HomeSection
          id="home-confirm"
          title={t('home.confirm.title')}
          count={home.requester.toConfirmTotal}
          more={{
            href: '/activities',
            text: t('home.confirm.all'),
          }}
        >
          <HomeList ctx={ctx} items={home.requester.toConfirm} none={t('home.confirm.none')} />
        </HomeSection>
      )}
      {home.helper && (
        <HomeSection
          id="home-reports"
          title={t('home.reports.title')}
          count={home.helper.reportsDue}
          more={{
            href: '/activities',
            text: t('home.reports.all'),
          }}
        >
          <HomeList ctx={ctx} items={home.helper.reports} none={t('home.reports.none')} />
        </HomeSection>
      )}
      {home.helper && (
        <HomeSection
          id="home-next"
          title={t('home.next.title')}
          more={{ href: '/requests', text: t('home.next.all') }}
        >
          <HomeList ctx={ctx} items={home.helper.assignments} none={t('home.next.none')} />
        </HomeSection>
      )}
      {home.requester && (
        <>
          <HomeSection id="home-help" title={t('home.help.title')}>
            <HomeList ctx={ctx} items={home.requester.nextHelp} none={t('home.help.none')} />
          </HomeSection>
          <HomeSection
            id="home-looking"
            title={t('home.looking.title')}
            more={{ href: '/requests', text: t('home.requests.all') }}
          >
            <HomeList ctx={ctx} items={home.requester.looking} none={t('home.looking.none')} />
          </HomeSection>
        </>
      )}
    </>
  );
}

function HomeSection(props: {
  id: string;
  title: string;
  count?: number;
  more?: { href: string; text: string };
  children?: Child;
}) {
  return (
    <section aria-labelledby={props.id} class="home-waiting">
      <h2 id={props.id}>
        {props.title}
        {props.count ? <span class="home-waiting__count">{` (${props.count})`}</span> : null}
      </h2>
      {props.children}
      {props.more && (
        <p class="home-waiting__more">
          <a href={props.more.href}>{props.more.text}</a>
        </p>
      )}
    </section>
  );
}

function HomeList(props: { ctx: ViewContext; items: HomeItem[]; none: string }) {
  const { t, locale } = props.ctx;
  if (props.items.length === 0) return <p>{props.none}</p>;
  return (
    <ul class="home-list">
      {props.items.map((item) => {
        const titleId = `home-item-${item.id}`;
        return (
          <li class="home-list__item">
            <p class="home-list__when" id={titleId}>
              {item.today && <strong class="home-list__today">{t('home.today')}</strong>}
              <a href={item.href}>{whenText(t, locale, item.startsAt, item.endsAt)}</a>
            </p>
            <p class="home-list__meta">
              {[
                item.category !== undefined ? categoryLabel(t, item.category) : undefined,
                item.otherName,
                item.status,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {item.action && (
              <p class="home-list__action">
                <a
                  class="button button--primary"
                  href={item.action.href}
                  aria-describedby={titleId}
                >
                  {t(item.action.label)}
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
