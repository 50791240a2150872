import { Badge } from '../../components/status-badge.js';
import { formatMonth } from '../../../src/lib/dates.js';
import type { Child } from 'hono/jsx';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { MessageKey } from '../../../src/lib/i18n.js';
import { formatDate, formatYen } from '../../../src/lib/dates.js';
import type { StaffDashboard } from '../../../src/modules/dashboard/dashboard.service.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { categoryShortLabel } from '../../../src/i18n/category-labels.js';
import { monthDay, timeRangeText } from '../../format.js';
import { HomeNews } from '../announcements/home-news.js';
import type { AnnouncementView } from '../announcements/announcement-text.js';
import { ActionsSection } from './home.js';

interface Tile {
  key: string;
  count: number;
  label: MessageKey;
  href: string;
  /** A second line, e.g. 「うち保護者の確認待ち 2件」. */
  note?: string | undefined;
}

/**
 * The staff home page (ダッシュボード): what needs doing today first, as counts that link to the
 * page where staff act, then the short lists, then this month's figures. Counts are words and
 * numbers; the tile border only repeats "needs action".
 */
export function StaffDashboardPage(props: {
  ctx: ViewContext & { user: { name: string; role: 'admin' | 'staff' | 'member' } };
  dashboard: StaffDashboard;
  announcements?: AnnouncementView[];
}) {
  const { ctx, dashboard: d } = props;
  const { t, locale } = ctx;
  const n = (value: number) => value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');
  const tiles: Tile[] = [
    { key: 'urgent', count: d.requests.urgent, label: 'dash.tile.urgent', href: '/board' },
    {
      key: 'applications',
      count: d.approvals.applications,
      label: 'dash.tile.applications',
      href: '/members?status=applied',
    },
    {
      key: 'reports',
      count: d.approvals.reportsToDecide,
      label: 'dash.tile.reports',
      href: '/activities',
      note:
        d.approvals.reportsAwaitingParent > 0
          ? t('dash.tile.reportsAwaitingParent', { count: n(d.approvals.reportsAwaitingParent) })
          : undefined,
    },
    {
      key: 'certificates',
      count: d.approvals.certificates,
      label: 'dash.tile.certificates',
      href: '/training/records/pending',
    },
    {
      key: 'missing',
      count: d.missingReports,
      label: 'dash.tile.missing',
      href: '/activities/missing',
    },
    {
      key: 'expiring',
      count: d.expiring.helpers,
      label: 'dash.tile.expiring',
      href: '/training/helpers?status=expiring',
    },
    {
      key: 'incidents',
      count: d.approvals.incidentsToReport,
      label: 'dash.tile.incidents',
      href: '/incidents',
    },
  ];
  const f = d.figures;
  const monthLabel = formatMonth(d.month, locale);
  return (
    <Layout ctx={ctx} title={t('dash.title')}>
      {/* The greeting stays the page's heading: staff and members land on the same "/". */}
      <h1>{t('home.welcome', { name: ctx.user.name })}</h1>
      <p>{t('home.signedInAs', { role: t(`role.${ctx.user.role}`) })}</p>
      <p class="dash-lead">{t('dash.lead', { date: formatDate(d.today, locale) })}</p>

      <section aria-labelledby="dash-todo" class="dash-section">
        <h2 id="dash-todo">{t('dash.todo.title')}</h2>
        <ul class="dash-tiles">
          {tiles.map((tile) => (
            <li>
              <a
                class={`dash-tile${tile.count > 0 ? ' dash-tile--action' : ''}`}
                href={tile.href}
                data-tile={tile.key}
              >
                <span class="dash-tile__count">{n(tile.count)}</span>
                <span class="dash-tile__label">{t(tile.label)}</span>
                {tile.note && <span class="dash-tile__note">{tile.note}</span>}
                {tile.count > 0 && (
                  <Badge tone="info" solid class="dash-tile__flag">
                    {t('dash.tile.needsAction')}
                  </Badge>
                )}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <div class="dash-columns">
        <DashList
          id="dash-today"
          title={t('dash.today.title', { count: n(d.todaysActivities.total) })}
          empty={t('dash.today.none')}
          more={
            d.todaysActivities.total > d.todaysActivities.items.length
              ? { href: '/board', label: t('dash.today.more') }
              : undefined
          }
          items={d.todaysActivities.items.map((a) => (
            <a href={`/coordination/requests/${a.id}`}>
              <span class="dash-item__when">{timeRangeText(a.startsAt, a.endsAt, locale)}</span>{' '}
              {t('dash.today.pair', { requester: a.requesterName, helper: a.helperName ?? '' })}
              <span class="dash-item__meta">{categoryShortLabel(t, a.category)}</span>
            </a>
          ))}
        />
        <DashList
          id="dash-urgent"
          title={t('dash.urgent.title')}
          lead={t('dash.urgent.lead', {
            open: n(d.requests.open),
            urgent: n(d.requests.urgent),
          })}
          empty={t('dash.urgent.none')}
          more={{ href: '/board', label: t('dash.urgent.board') }}
          items={d.requests.urgentItems.map((r) => (
            <a href={`/coordination/requests/${r.id}`}>
              <span class="dash-item__when">
                {monthDay(r.startsAt, locale)} {timeRangeText(r.startsAt, r.endsAt, locale)}
              </span>{' '}
              {r.requesterName}
              <span class="dash-item__meta">{categoryShortLabel(t, r.category)}</span>
            </a>
          ))}
        />
        <DashList
          id="dash-expiring"
          title={t('dash.expiring.title')}
          lead={t('dash.expiring.lead', {
            days: d.expiring.withinDays,
            count: n(d.expiring.helpers),
          })}
          empty={t('dash.expiring.none')}
          more={{ href: '/training/helpers?status=expiring', label: t('dash.expiring.more') }}
          items={d.expiring.items.map((q) => (
            <a href={`/training/helpers/${q.memberId}`}>
              <span class="dash-item__when">{formatDate(q.expiresOn, locale)}</span> {q.name}
              {q.memberNo !== null && (
                <span class="dash-item__meta">{formatMemberNo(q.memberNo)}</span>
              )}
              <span class="dash-item__meta">
                {locale === 'ja' ? q.moduleTitle.ja : q.moduleTitle.en}
              </span>
            </a>
          ))}
        />
        <DashList
          id="dash-serious"
          title={t('serious.dash.title')}
          lead={t('serious.dash.lead')}
          empty={t('serious.dash.none')}
          more={{ href: '/incidents?serious=1', label: t('incidents.showSerious') }}
          items={d.serious.map((s) => (
            <a href={`/incidents/${s.incidentId}`}>
              <span class="dash-item__when">{formatDate(s.dueOn, locale)}</span>{' '}
              {t('serious.step', {
                stage: t(`serious.stage.${s.stage}`),
                level: t(`serious.level.${s.level}`),
              })}
              {s.overdue && <span class="dash-item__meta">{t('serious.dash.overdue')}</span>}
            </a>
          ))}
        />
        <DashList
          id="dash-insurance"
          title={t('insurance.dash.title')}
          lead={t('insurance.dash.lead', { days: d.insurance.warnDays })}
          empty={t('insurance.dash.none')}
          more={{ href: '/insurance-cases', label: t('insurance.listTitle') }}
          items={d.insurance.items.map((i) => (
            <a href={`/insurance-cases/${i.id}`}>
              <span class="dash-item__when">{formatDate(i.deadline, locale)}</span>{' '}
              {locale === 'ja' ? i.cover.ja : i.cover.en}
              {i.requesterName && <span class="dash-item__meta">{i.requesterName}</span>}
              {!i.notified && <span class="dash-item__meta">{t('insurance.notNotified')}</span>}
            </a>
          ))}
        />
        <DashList
          id="dash-eligibility"
          title={t('dash.eligibility.title')}
          lead={t('dash.eligibility.lead', { count: n(d.eligibilityExpiring.length) })}
          empty={t('dash.eligibility.none')}
          items={d.eligibilityExpiring.slice(0, 5).map((r) => (
            <a href={`/members/${r.member_id}/eligibility`}>
              <span class="dash-item__when">{formatDate(r.valid_to, locale)}</span> {r.name}
              <span class="dash-item__meta">
                {r.kind === 'eligibility'
                  ? t(`subsidies.category.${r.what as 'single_parent'}`)
                  : t(`subsidies.certificationType.${r.what as 'type1'}`)}
              </span>
            </a>
          ))}
        />
      </div>

      <section aria-labelledby="dash-figures" class="dash-section">
        <h2 id="dash-figures">{t('dash.figures.title', { month: monthLabel })}</h2>
        <p class="hint">{t('dash.figures.lead')}</p>
        <dl class="dash-figures">
          <Figure label={t('dash.figures.activities')} value={n(f.activities.count)} />
          <Figure label={t('dash.figures.hours')} value={n(f.activities.hours)} />
          <Figure label={t('dash.figures.requests')} value={n(f.requests.received)} />
          <Figure label={t('dash.figures.matched')} value={n(f.requests.matched)} />
          {/* Matched ÷ requests of the same month, the two figures beside it (not the monthly
              report's matched ÷ decided), so the three agree; the definition is on the term. */}
          <Figure
            label={<abbr title={t('dash.figures.fillRateDef')}>{t('dash.figures.fillRate')}</abbr>}
            value={
              f.requests.received === 0
                ? '—'
                : `${((f.requests.matched / f.requests.received) * 100).toFixed(1)}%`
            }
          />
          <Figure label={t('dash.figures.members')} value={n(f.members.byKind.total)} />
          <Figure label={t('dash.figures.newMembers')} value={n(f.members.newMembers.total)} />
          <Figure label={t('dash.figures.fees')} value={formatYen(f.fees.total, locale)} />
          <Figure label={t('dash.figures.incidents')} value={n(f.incidents.total)} />
        </dl>
        <p class="hint">{t('dash.figures.fillRateDef')}</p>
        <p>
          <a href={`/staff/reports/monthly?month=${d.month}`}>{t('dash.figures.report')}</a>
        </p>
      </section>

      {props.announcements && <HomeNews ctx={ctx} announcements={props.announcements} />}
      <ActionsSection ctx={ctx} />
    </Layout>
  );
}

function Figure(props: { label: Child; value: string }) {
  return (
    <div class="dash-figure">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

function DashList(props: {
  id: string;
  title: string;
  lead?: string;
  empty: string;
  items: Child[];
  more?: { href: string; label: string } | undefined;
}) {
  return (
    <section aria-labelledby={props.id} class="dash-section dash-list">
      <h2 id={props.id}>{props.title}</h2>
      {props.lead && <p>{props.lead}</p>}
      {props.items.length === 0 ? (
        <p class="hint">{props.empty}</p>
      ) : (
        <ul class="dash-items">
          {props.items.map((item) => (
            <li class="dash-item">{item}</li>
          ))}
        </ul>
      )}
      {props.more && (
        <p class="dash-more">
          <a href={props.more.href}>{props.more.label}</a>
        </p>
      )}
    </section>
  );
}
