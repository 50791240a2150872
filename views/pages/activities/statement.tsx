import { ScrollTable } from '../../components/scroll-table.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { MemberStatement } from '../../../src/modules/activities/activities.service.js';
import type { ChildStatement } from '../../../src/modules/fees/statements.js';
import { tokyoTimeOf, shortDay, yen } from '../../format.js';
import { duration } from './activity-text.js';
import { StatementMoney } from '../claims/statement-money.js';
import type { MonthMoney } from '../../../src/modules/claims/claims.service.js';
import { StaffBackLink } from '../../components/back-link.js';

/**
 * 利用明細 (a family's monthly statement, per child, for the free-childcare claim) and 活動実績
 * (a helper's monthly summary), one printable A4 page: app.css hides the site's header, menus
 * and this page's navigation when printing.
 */

function monthTitle(ctx: ViewContext, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return ctx.t('statements.month', { year: y, month: m });
}

function ChildSection(props: { ctx: ViewContext; c: ChildStatement; index: number }) {
  const { t, locale } = props.ctx;
  const { c } = props;
  const id = `child-${props.index}`;
  return (
    <section class="stmt-child" aria-labelledby={id}>
      <h3 id={id}>
        {t('statements.child', { name: c.child.name })}
        <span class="heading-sub">
          {t('statements.birthDate', { date: formatDate(c.child.birthDate, locale) })}
          {' · '}
          {c.freeChildcareAge ? t('statements.ageEligible') : t('statements.ageNotEligible')}
        </span>
      </h3>
      <ScrollTable
        labelledBy={id}
        class="stmt-table"
        head={[
          t('statements.when'),
          t('statements.kind'),
          { label: t('statements.amount'), class: 'num' },
        ]}
      >
        {c.lines.map((l) => (
          <tr>
            <td>
              <span class="nowrap">{shortDay(l.date, locale)}</span>{' '}
              <span class="nowrap">
                {tokyoTimeOf(l.startedAt)}–{tokyoTimeOf(l.endedAt)}
              </span>{' '}
              <span class="nowrap">{t('activities.paren', { text: duration(t, l.minutes) })}</span>
            </td>
            <td>{t(`statements.kind.${l.kind}`)}</td>
            <td class="num">{yen(l.amount, locale)}</td>
          </tr>
        ))}
      </ScrollTable>
      <dl class="summary-list stmt-totals">
        <div>
          <dt>{t('statements.reimbursableCare')}</dt>
          <dd>
            {yen(c.reimbursableCare.amount, locale)}
            {t('activities.paren', { text: duration(t, c.reimbursableCare.minutes) })}
          </dd>
        </div>
        <div>
          <dt>{t('statements.otherCare')}</dt>
          <dd>{yen(c.otherCare.amount, locale)}</dd>
        </div>
        <div>
          <dt>{t('statements.transportOnly')}</dt>
          <dd>
            {yen(c.transportOnly.amount, locale)}
            {t('activities.paren', { text: duration(t, c.transportOnly.minutes) })}
          </dd>
        </div>
        <div class="stmt-claim">
          <dt>{t('statements.withinCap', { cap: yen(c.cap, locale) })}</dt>
          <dd>{yen(c.reimbursableWithinCap, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function StatementPage(props: {
  ctx: ViewContext;
  statement: MemberStatement;
  /** A family's payments and what it can claim (issue #18 point 6). */
  money?: MonthMoney | null;
  prevHref: string;
  nextHref: string | null;
}) {
  const { ctx, statement: s } = props;
  const { t, locale } = ctx;
  const title = t('statements.pageTitle', { month: monthTitle(ctx, s.month) });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="no-print stmt-nav">
        <StaffBackLink href="/statements" label={t('statements.backToIndex')} />
        <nav aria-label={t('statements.monthNav')} class="button-row">
          <a class="button button--secondary" href={props.prevHref}>
            {t('statements.prev')}
          </a>
          {props.nextHref && (
            <a class="button button--secondary" href={props.nextHref}>
              {t('statements.next')}
            </a>
          )}
          <button type="button" class="button button--primary" data-print hidden>
            {t('statements.print')}
          </button>
          {s.requester && (
            <a
              class="button button--secondary"
              href={`/statements/${s.memberId}/${s.month}/receipt`}
            >
              {t('receipts.link')}
            </a>
          )}
        </nav>
      </div>
      <article class="stmt">
        <header class="stmt-head">
          <p class="stmt-center">{t('app.center')}</p>
          <h1>{title}</h1>
          <p>
            {t('statements.member', { name: s.memberName })}
            {s.memberNo !== null &&
              ` · ${t('statements.memberNo', { no: String(s.memberNo).padStart(5, '0') })}`}
          </p>
        </header>
        {s.requester && (
          <section aria-labelledby="family-title">
            <h2 id="family-title">{t('statements.familyTitle')}</h2>
            <p class="hint">{t('statements.familyLead')}</p>
            {s.requester.pending > 0 && (
              <p class="alert alert--info">
                {t('statements.pending', { count: s.requester.pending })}
              </p>
            )}
            {s.requester.children.length === 0 && <p>{t('statements.noActivities')}</p>}
            {s.requester.children.map((c, i) => (
              <ChildSection ctx={ctx} c={c} index={i} />
            ))}
            <h3 id="costs-title">{t('statements.costs')}</h3>
            {s.requester.costs.lines.length === 0 ? (
              <p>{t('statements.none')}</p>
            ) : (
              <ScrollTable
                labelledBy="costs-title"
                class="stmt-table"
                head={[
                  t('statements.date'),
                  { label: t('statements.transport'), class: 'num' },
                  { label: t('statements.meal'), class: 'num' },
                ]}
              >
                {s.requester.costs.lines.map((l) => (
                  <tr>
                    <td class="nowrap">{shortDay(l.date, locale)}</td>
                    <td class="num">{yen(l.transportCost, locale)}</td>
                    <td class="num">{yen(l.mealCost, locale)}</td>
                  </tr>
                ))}
              </ScrollTable>
            )}
            <h3 id="cancel-title">{t('statements.cancellations')}</h3>
            {s.requester.cancellations.lines.length === 0 ? (
              <p>{t('statements.none')}</p>
            ) : (
              <ul class="plain-list">
                {s.requester.cancellations.lines.map((l) => (
                  <li>
                    {formatDate(l.date, locale)}：{yen(l.amount, locale)}
                  </li>
                ))}
              </ul>
            )}
            <dl class="summary-list stmt-totals stmt-grand">
              <div>
                <dt>{t('statements.feesTotal')}</dt>
                <dd>{yen(s.requester.feesTotal, locale)}</dd>
              </div>
              <div>
                <dt>{t('statements.costsTotal')}</dt>
                <dd>{yen(s.requester.costs.total, locale)}</dd>
              </div>
              <div>
                <dt>{t('statements.cancellationTotal')}</dt>
                <dd>{yen(s.requester.cancellations.total, locale)}</dd>
              </div>
              <div>
                <dt>{t('statements.grandTotal')}</dt>
                <dd>{yen(s.requester.grandTotal, locale)}</dd>
              </div>
            </dl>
            <p class="hint">{t('statements.reimbursementNote')}</p>
            {props.money && (
              <StatementMoney
                ctx={ctx}
                money={props.money}
                claimHref={`/members/${s.memberId}/claims/${s.month}`}
              />
            )}
          </section>
        )}
        {s.helper && (
          <section aria-labelledby="helper-title">
            <h2 id="helper-title">{t('statements.helperTitle')}</h2>
            {s.helper.pending > 0 && (
              <p class="alert alert--info">
                {t('statements.pending', { count: s.helper.pending })}
              </p>
            )}
            {s.helper.lines.length === 0 ? (
              <p>{t('statements.noActivities')}</p>
            ) : (
              <ScrollTable
                labelledBy="helper-title"
                class="stmt-table"
                head={[
                  t('statements.date'),
                  t('statements.family'),
                  { label: t('statements.fee'), class: 'num' },
                  { label: t('statements.costsShort'), class: 'num' },
                  { label: t('statements.received'), class: 'num' },
                ]}
              >
                {s.helper.lines.map((l) => (
                  <tr>
                    <td>
                      <span class="nowrap">{shortDay(l.date, locale)}</span>{' '}
                      <span class="nowrap">
                        {tokyoTimeOf(l.startedAt)}–{tokyoTimeOf(l.endedAt)}
                      </span>
                    </td>
                    <td>{l.requesterName}</td>
                    <td class="num">{yen(l.feeTotal, locale)}</td>
                    <td class="num">{yen(l.transportCost + l.mealCost, locale)}</td>
                    <td class="num">{yen(l.total, locale)}</td>
                  </tr>
                ))}
              </ScrollTable>
            )}
            <dl class="summary-list stmt-totals stmt-grand">
              <div>
                <dt>{t('statements.helperCount')}</dt>
                <dd>
                  {t('statements.countValue', { count: s.helper.count })}
                  {t('activities.paren', { text: duration(t, s.helper.minutes) })}
                </dd>
              </div>
              <div>
                <dt>{t('statements.fee')}</dt>
                <dd>{yen(s.helper.fees, locale)}</dd>
              </div>
              <div>
                <dt>{t('statements.costsShort')}</dt>
                <dd>{yen(s.helper.transport + s.helper.meal, locale)}</dd>
              </div>
              <div>
                <dt>{t('statements.received')}</dt>
                <dd>{yen(s.helper.total, locale)}</dd>
              </div>
            </dl>
          </section>
        )}
      </article>
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}

export interface StatementIndexProps {
  ctx: ViewContext;
  month: string;
  months: string[];
  /** A member's own statements. */
  self?: { memberId: string } | undefined;
  /** Staff: families and helpers with approved activities in the month. */
  families?: { id: string; name: string; count: number; fees: number }[] | undefined;
  helpers?: { id: string; name: string; count: number; fees: number }[] | undefined;
}

export function StatementIndexPage(props: StatementIndexProps) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('statements.title')}>
      <h1>{t('statements.title')}</h1>
      <p>{t('statements.indexLead')}</p>
      {props.self && (
        <ul class="action-list">
          {props.months.map((m) => (
            <li>
              <a class="action-list__link" href={`/statements/${props.self!.memberId}/${m}`}>
                {monthTitle(ctx, m)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.families && (
        <>
          <form method="get" action="/statements" class="inline-form">
            <div class="field">
              <label for="field-month">{t('statements.monthLabel')}</label>
              <select id="field-month" name="month">
                {props.months.map((m) => (
                  <option value={m} selected={m === props.month}>
                    {monthTitle(ctx, m)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button button--secondary">
              {t('statements.show')}
            </button>
          </form>
          {(
            [
              ['families', t('statements.families'), props.families],
              ['helpers', t('statements.helpers'), props.helpers ?? []],
            ] as const
          ).map(([key, heading, rows]) => (
            <section aria-labelledby={`${key}-title`}>
              <h2 id={`${key}-title`}>{heading}</h2>
              {rows.length === 0 ? (
                <p>{t('statements.noActivities')}</p>
              ) : (
                <ul class="plain-list act-links">
                  {rows.map((r) => (
                    <li>
                      <a href={`/statements/${r.id}/${props.month}`}>{r.name}</a>{' '}
                      <span class="muted">
                        {t('statements.countValue', { count: r.count })} · {yen(r.fees, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
