import type { Child } from 'hono/jsx';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { StatusBadge } from '../../components/status-badge.js';
import { reportOpensText, whenText, type ActivityStatus } from './activity-text.js';
import { yen } from '../../format.js';
import { Pagination } from '../../components/pagination.js';

/**
 * 活動報告 for everyone, by role: a helper sees what to report and her reports; a parent sees
 * what to confirm (with the buttons) and past activities; staff see the review queue.
 */

export interface ActivityListItem {
  id: string;
  status: ActivityStatus;
  startedAt: string;
  endedAt: string;
  requesterName: string;
  helperName: string;
  childNames: string[];
  amountDue: number;
}

export interface AwaitingItem {
  requestId: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  /** Whether the help has ended: only then is the report form offered. */
  ended: boolean;
}

/** Which page of a member's list is shown, and the link to another. */
export interface ListPaging {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}

export interface ActivitiesPageProps {
  ctx: ViewContext;
  staff?: { queue: ActivityListItem[]; missingCount: number } | undefined;
  helper?:
    { awaiting: AwaitingItem[]; reports: ActivityListItem[]; paging?: ListPaging } | undefined;
  requester?:
    { toConfirm: ActivityListItem[]; past: ActivityListItem[]; paging?: ListPaging } | undefined;
}

function Item(props: {
  ctx: ViewContext;
  item: ActivityListItem;
  who: 'helper' | 'requester' | 'both';
  children?: Child;
}) {
  const { t, locale } = props.ctx;
  const a = props.item;
  const titleId = `activity-${a.id}`;
  return (
    <li class="act-item">
      <h3 class="act-item__title" id={titleId}>
        <a href={`/activities/${a.id}`}>{whenText(a.startedAt, a.endedAt, locale)}</a>
      </h3>
      <p class="act-item__meta">
        <StatusBadge kind="activity" status={a.status}>
          {t(`activities.status.${a.status}`)}
        </StatusBadge>
        <span>
          {props.who !== 'requester' && t('activities.list.family', { name: a.requesterName })}
          {props.who === 'both' && ' · '}
          {props.who !== 'helper' && t('activities.list.helper', { name: a.helperName })}
        </span>
      </p>
      <p class="act-item__meta">
        <span>{a.childNames.join(t('activities.separator'))}</span>
        <span class="num">{t('activities.list.amount', { amount: yen(a.amountDue, locale) })}</span>
      </p>
      {props.children}
    </li>
  );
}

export function ActivitiesPage(props: ActivitiesPageProps) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('activities.list.title')}>
      <h1>{t('activities.list.title')}</h1>
      {props.staff && (
        <section aria-labelledby="queue-title">
          <p class="button-row">
            <a class="button button--secondary" href="/activities/missing">
              {t('activities.list.missing', { count: props.staff.missingCount })}
            </a>
            <a class="button button--secondary" href="/incidents">
              {t('incidents.title')}
            </a>
            <a class="button button--secondary" href="/statements">
              {t('statements.title')}
            </a>
            <a class="button button--secondary" href="/payments/outstanding">
              {t('payments.home.outstanding')}
            </a>
          </p>
          <h2 id="queue-title">{t('activities.list.queue')}</h2>
          {props.staff.queue.length === 0 ? (
            <p>{t('activities.list.queueEmpty')}</p>
          ) : (
            <ul class="act-list">
              {props.staff.queue.map((a) => (
                <Item ctx={ctx} item={a} who="both">
                  {a.status === 'confirmed' ? (
                    <form
                      method="post"
                      action={`/activities/${a.id}/approve`}
                      class="act-item__actions"
                    >
                      <button
                        type="submit"
                        class="button button--primary"
                        aria-describedby={`activity-${a.id}`}
                      >
                        {t('activities.action.approve')}
                      </button>
                      <a class="button button--secondary" href={`/activities/${a.id}#review`}>
                        {t('activities.action.review')}
                      </a>
                    </form>
                  ) : (
                    <p class="act-item__actions">
                      <a class="button button--secondary" href={`/activities/${a.id}#review`}>
                        {t('activities.action.review')}
                      </a>
                    </p>
                  )}
                </Item>
              ))}
            </ul>
          )}
        </section>
      )}
      {props.helper && (
        <>
          <section aria-labelledby="awaiting-title">
            <h2 id="awaiting-title">{t('activities.list.awaiting')}</h2>
            {props.helper.awaiting.length === 0 ? (
              <p>{t('activities.list.awaitingEmpty')}</p>
            ) : (
              <ul class="act-list">
                {props.helper.awaiting.map((r) => (
                  <li class="act-item">
                    <h3 class="act-item__title" id={`request-${r.requestId}`}>
                      {whenText(r.startsAt, r.endsAt, locale)}
                    </h3>
                    <p class="act-item__meta">
                      {t('activities.list.family', { name: r.requesterName })}
                    </p>
                    {r.ended ? (
                      <p class="act-item__actions">
                        <a
                          class="button button--primary"
                          href={`/activities/new?request=${r.requestId}`}
                          aria-describedby={`request-${r.requestId}`}
                        >
                          {t('activities.action.report')}
                        </a>
                      </p>
                    ) : (
                      <p class="hint">
                        {t('activities.list.notYet', { when: reportOpensText(r.endsAt, locale) })}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reports-title">
            <h2 id="reports-title">{t('activities.list.myReports')}</h2>
            {props.helper.reports.length === 0 ? (
              <p>{t('activities.list.none')}</p>
            ) : (
              <ul class="act-list">
                {props.helper.reports.map((a) => (
                  <Item ctx={ctx} item={a} who="helper" />
                ))}
              </ul>
            )}
            {props.helper.paging && <Pagination t={t} {...props.helper.paging} />}
          </section>
        </>
      )}
      {props.requester && (
        <>
          <section aria-labelledby="confirm-title">
            <h2 id="confirm-title">{t('activities.list.toConfirm')}</h2>
            {props.requester.toConfirm.length === 0 ? (
              <p>{t('activities.list.toConfirmEmpty')}</p>
            ) : (
              <ul class="act-list">
                {props.requester.toConfirm.map((a) => (
                  <Item ctx={ctx} item={a} who="requester">
                    <form
                      method="post"
                      action={`/activities/${a.id}/confirm`}
                      class="act-item__actions"
                    >
                      <button
                        type="submit"
                        class="button button--primary"
                        aria-describedby={`activity-${a.id}`}
                      >
                        {t('activities.action.confirm')}
                      </button>
                      <a class="button button--secondary" href={`/activities/${a.id}#dispute`}>
                        {t('activities.action.checkOrDispute')}
                      </a>
                    </form>
                  </Item>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="past-title">
            <h2 id="past-title">{t('activities.list.past')}</h2>
            <p>
              <a href="/statements">{t('activities.list.statements')}</a>
            </p>
            {props.requester.past.length === 0 ? (
              <p>{t('activities.list.none')}</p>
            ) : (
              <ul class="act-list">
                {props.requester.past.map((a) => (
                  <Item ctx={ctx} item={a} who="requester" />
                ))}
              </ul>
            )}
            {props.requester.paging && <Pagination t={t} {...props.requester.paging} />}
          </section>
        </>
      )}
      {!props.staff && !props.helper && !props.requester && <p>{t('activities.list.notMember')}</p>}
    </Layout>
  );
}
