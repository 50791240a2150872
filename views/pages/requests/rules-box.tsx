import type { HandoverRule } from '../../../src/modules/settings/settings.schemas.js';
import type { Locale } from '../../../db/schema.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { displayTime, monthDay, yen } from '../../format.js';

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
  handoverTo: HandoverRule;
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
        <li>{t(`safety.handover.${props.handoverTo}`)}</li>
        <li>{t('req.safety.overnight')}</li>
        <li>{t('req.safety.emergency')}</li>
      </ul>
    </section>
  );
}
