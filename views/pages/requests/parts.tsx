import type { Child as JsxChild } from 'hono/jsx';
import type { Locale, RequestStatus } from '../../../db/schema.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { displayTime, monthDay, statusName, yen } from './format.js';

/** The status in words on a tinted, bordered badge: the colour only repeats the words. */
export function StatusBadge(props: { t: Translator; status: RequestStatus }) {
  return (
    <span class={`req-badge req-badge--${props.status}`}>{statusName(props.t, props.status)}</span>
  );
}

/**
 * 申込 → 紹介中 → 決定 → 完了, or 取消: each step says in (hidden) words whether it is done,
 * the current one or still to come, so the order and state do not depend on colour or icons.
 */
export function StatusTimeline(props: {
  t: Translator;
  status: RequestStatus;
  /** Whether a helper had been matched before a cancellation. */
  wasMatched: boolean;
}) {
  const { t, status } = props;
  type Step = { key: 'applied' | 'offered' | 'matched' | 'completed' | 'cancelled' };
  const order: Step['key'][] = ['applied', 'offered', 'matched', 'completed'];
  const reached: Record<RequestStatus, number> = {
    open: 0,
    offered: 1,
    matched: 2,
    completed: 3,
    cancelled: props.wasMatched ? 2 : 0,
  };
  const current = reached[status];
  const steps: Step['key'][] =
    status === 'cancelled' ? [...order.slice(0, current + 1), 'cancelled'] : order;
  return (
    <ol class="req-timeline" aria-label={t('req.timeline.label')}>
      {steps.map((key, i) => {
        const state: 'done' | 'current' | 'todo' =
          status === 'cancelled'
            ? key === 'cancelled'
              ? 'current'
              : 'done'
            : i < current
              ? 'done'
              : i === current
                ? 'current'
                : 'todo';
        return (
          <li
            class={`req-timeline__step req-timeline__step--${state}${key === 'cancelled' ? ' req-timeline__step--cancelled' : ''}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span class="visually-hidden">{t(`req.timeline.state.${state}`)}</span>
            <span class="req-timeline__mark" aria-hidden="true">
              {state === 'done' ? '✓' : key === 'cancelled' ? '×' : String(i + 1)}
            </span>
            <span class="req-timeline__label">{t(`req.timeline.${key}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

export interface RulesView {
  leadTimeCutoff: string;
  serviceStart: string;
  serviceEnd: string;
  infantMonths: number;
  infantMaxHours: number;
  maxSiblings: number;
  firstRequestLeadDays: number;
  fees: {
    weekdayDay: number;
    weekdayOther: number;
    weekendHoliday: number;
    yearEnd: number;
    sickChild: number;
    dayStart: string;
    dayEnd: string;
    siblingPercent: number;
  } | null;
}

/** The request rules in plain words, shown before a parent submits anything. */
export function RulesBox(props: { t: Translator; locale: Locale; rules: RulesView }) {
  const { t, locale, rules } = props;
  const f = rules.fees;
  return (
    <section class="req-rules" aria-labelledby="req-rules-title">
      <h2 id="req-rules-title">{t('req.rules.title')}</h2>
      <ul>
        <li>{t('req.rules.leadTime', { time: displayTime(rules.leadTimeCutoff) })}</li>
        <li>
          {t('req.rules.hours', {
            start: displayTime(rules.serviceStart),
            end: displayTime(rules.serviceEnd),
          })}
        </li>
        <li>
          {t('req.rules.infant', { months: rules.infantMonths, hours: rules.infantMaxHours })}
        </li>
        <li>{t('req.rules.siblings', { n: rules.maxSiblings })}</li>
        <li>{t('req.rules.firstTime', { days: rules.firstRequestLeadDays })}</li>
      </ul>
      {f && (
        <details class="req-rules__fees">
          <summary>{t('req.rules.feesSummary')}</summary>
          <p>
            {t('req.rules.fees', {
              dayStart: displayTime(f.dayStart),
              dayEnd: displayTime(f.dayEnd),
              day: yen(f.weekdayDay, locale),
              other: yen(f.weekdayOther, locale),
              weekend: yen(f.weekendHoliday, locale),
              yearEnd: yen(f.yearEnd, locale),
              sick: yen(f.sickChild, locale),
              sibling: f.siblingPercent,
            })}
          </p>
        </details>
      )}
    </section>
  );
}

/** A rule's "no" at the top of a form, with the dates it concerns and a link to the field. */
export function RuleErrorAlert(props: {
  t: Translator;
  locale: Locale;
  rule?: { message: string; dates: string[]; field?: string | undefined } | undefined;
}) {
  const { t, locale, rule } = props;
  if (!rule) return null;
  return (
    <div class="alert alert--error rule-alert req-rule-alert" role="alert" id="req-rule-alert">
      <p class="rule-alert__title">{t('req.ruleAlert.title')}</p>
      <p>{rule.message}</p>
      {rule.dates.length > 0 && (
        <p>
          {t('req.ruleAlert.dates', {
            dates: rule.dates
              .slice(0, 10)
              .map((d) => monthDay(d, locale))
              .join(locale === 'ja' ? '、' : ', '),
          })}
        </p>
      )}
      {rule.field && (
        <p>
          <a href={`#field-${rule.field}`}>{t('req.ruleAlert.fix')}</a>
        </p>
      )}
    </div>
  );
}

/** What a helper must keep in mind: DOMAIN.md "Safety rules the system should warn about". */
export function SafetyReminders(props: {
  t: Translator;
  carAllowed: boolean;
  maxSiblings: number;
}) {
  const { t } = props;
  return (
    <section class="req-safety" aria-labelledby="req-safety-title">
      <h2 id="req-safety-title">{t('req.safety.title')}</h2>
      <ul>
        <li>{t('req.safety.medicine')}</li>
        <li>{t('req.safety.bathing')}</li>
        <li>{props.carAllowed ? t('req.safety.carAllowed') : t('req.safety.noCar')}</li>
        <li>{t('req.safety.handover')}</li>
        <li>{t('req.safety.overnight')}</li>
        <li>{t('req.safety.emergency')}</li>
      </ul>
    </section>
  );
}

/** Label/value rows (stacked on a phone). Rows with an empty value are left out. */
export function DetailList(props: { rows: [string, JsxChild | string | null | undefined][] }) {
  return (
    <dl class="summary-list req-details">
      {props.rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function BackLink(props: { href: string; label: string }) {
  return (
    <p class="my-back-link">
      <a href={props.href}>{props.label}</a>
    </p>
  );
}
