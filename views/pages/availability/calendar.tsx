import { Badge } from '../../components/status-badge.js';
import { categoryLabel } from '../../../src/i18n/category-labels.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { describeExceptionHours, displayRange } from './availability-text.js';
import { displayTime, monthDay } from '../../format.js';

export interface CalendarDayView {
  date: string;
  isToday: boolean;
  isPast: boolean;
  holiday: string | null;
  free: { start: string; end: string }[];
  exceptions: { id: string; start: string | null; end: string | null; note: string | null }[];
  assignments: {
    id: string;
    start: string;
    end: string;
    family: string;
    category: number;
    children: number;
    status: string;
  }[];
}

export interface CalendarPageProps {
  ctx: ViewContext;
  /** This page's path without the query: /calendar or /members/:id/calendar. */
  path: string;
  availabilityHref: string;
  helperName: string | null;
  week: {
    monday: string;
    previous: string;
    next: string;
    isCurrent: boolean;
    hasWeeklySlots: boolean;
    days: CalendarDayView[];
  };
}

export function CalendarPage(props: CalendarPageProps) {
  const { t, locale } = props.ctx;
  const { week } = props;
  const title = props.helperName
    ? t('availability.calendar.titleFor', { name: props.helperName })
    : t('availability.calendar.title');
  const sunday = week.days[6]?.date ?? week.monday;
  // On a phone the week is a long list: from Tuesday on, one tap jumps to today.
  const today = week.days.find((d) => d.isToday);
  const range = t('availability.calendar.weekOf', {
    from: monthDay(week.monday, locale),
    to: monthDay(sunday, locale),
  });
  return (
    <Layout ctx={props.ctx} title={`${title} ${range}`}>
      <h1>{title}</h1>
      <p>{t('availability.calendar.lead')}</p>
      <p>
        <a href={props.availabilityHref}>{t('availability.calendar.edit')}</a>
      </p>
      {!week.hasWeeklySlots && (
        <p class="alert alert--info">
          {t('availability.calendar.noSlots')}{' '}
          <a href={props.availabilityHref}>{t('availability.calendar.edit')}</a>
        </p>
      )}
      <h2 class="av-week-title" id="week-title">
        {range}
      </h2>
      <WeekNav {...props} landmark />
      {today && today.date !== week.monday && (
        <p>
          <a href={`#day-${today.date}`}>{t('availability.calendar.jumpToday')}</a>
        </p>
      )}
      <ol class="av-days" aria-labelledby="week-title">
        {week.days.map((day) => (
          <DayItem ctx={props.ctx} day={day} />
        ))}
      </ol>
      <WeekNav {...props} landmark={false} />
    </Layout>
  );
}

/** Previous / next week; the copy below the list is not a second navigation landmark. */
function WeekNav(props: CalendarPageProps & { landmark: boolean }) {
  const { t } = props.ctx;
  const { week, path } = props;
  const links = (
    <>
      <a class="button button--secondary" href={`${path}?week=${week.previous}`} rel="prev">
        <span aria-hidden="true">← </span>
        {t('availability.calendar.previous')}
      </a>
      <a class="button button--secondary" href={`${path}?week=${week.next}`} rel="next">
        {t('availability.calendar.next')}
        <span aria-hidden="true"> →</span>
      </a>
      {!week.isCurrent && (
        <a class="button button--secondary" href={path}>
          {t('availability.calendar.thisWeek')}
        </a>
      )}
    </>
  );
  return props.landmark ? (
    <nav class="av-week-nav" aria-label={t('availability.calendar.weekNav')}>
      {links}
    </nav>
  ) : (
    <div class="av-week-nav">{links}</div>
  );
}

function DayItem(props: { ctx: ViewContext; day: CalendarDayView }) {
  const { t, locale } = props.ctx;
  const { day } = props;
  const headingId = `day-${day.date}`;
  const classes = ['av-day', day.isToday && 'av-day--today', day.isPast && 'av-day--past']
    .filter(Boolean)
    .join(' ');
  return (
    <li class={classes} aria-labelledby={headingId}>
      <h3 class="av-day__date" id={headingId}>
        {monthDay(day.date, locale)}
        {day.isToday && (
          <Badge tone="info" solid>
            {t('availability.calendar.today')}
          </Badge>
        )}
        {day.holiday && <Badge>{day.holiday}</Badge>}
      </h3>
      <dl class="av-day__details">
        <div class="av-day__row">
          <dt>{t('availability.calendar.free')}</dt>
          <dd>
            {day.free.length === 0
              ? t('availability.calendar.noFree')
              : day.free
                  .map((f) => displayRange(t, f.start, f.end))
                  .join(locale === 'ja' ? '、' : ', ')}
          </dd>
        </div>
        {day.exceptions.length > 0 && (
          <div class="av-day__row av-day__row--off">
            <dt>{t('availability.calendar.exceptions')}</dt>
            <dd>
              <ul class="plain-list">
                {day.exceptions.map((ex) => (
                  <li>
                    {describeExceptionHours(t, ex)}
                    {ex.note && <span class="av-day__note">（{ex.note}）</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div class="av-day__row">
          <dt>{t('availability.calendar.assignments')}</dt>
          <dd>
            {day.assignments.length === 0 ? (
              t('availability.calendar.noAssignments')
            ) : (
              <ul class="plain-list av-assignments">
                {day.assignments.map((a) => (
                  <li class="av-assignment">
                    <a href={`/requests/${a.id}`} class="av-assignment__link">
                      <span class="av-assignment__time">
                        {t('availability.range', {
                          start: displayTime(a.start),
                          end: displayTime(a.end),
                        })}
                      </span>
                      <span class="av-assignment__family">
                        {t(
                          a.children === 1
                            ? 'availability.calendar.assignmentOne'
                            : 'availability.calendar.assignment',
                          {
                            family: a.family,
                            children: a.children,
                          },
                        )}
                      </span>
                      <span class="av-assignment__category">{categoryLabel(t, a.category)}</span>
                      {a.status === 'completed' && (
                        <Badge>{t('availability.calendar.completed')}</Badge>
                      )}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
