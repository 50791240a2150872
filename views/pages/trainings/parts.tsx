import { formatDate, tokyoTimeOf } from '../../../src/lib/dates.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import type { Locale } from '../../../db/schema.js';
import type { ViewContext } from '../../view-context.js';
import { Field, SelectField, type FormErrors } from '../../components/form.js';

// Shared pieces of the training pages. Views get plain data (see TrainingView types below).

export type DisplayStatus =
  'eligible' | 'in_training' | 'lapsed' | 'inactive' | 'not_helper' | 'awaiting_approval';

export interface ModuleView {
  id: string;
  code: string;
  titleJa: string;
  titleEn: string;
  hours: number;
  kind: 'basic' | 'cpr' | 'followup' | 'sick_child';
}

export interface SessionView {
  id: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  instructor: string | null;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  notes: string | null;
  modules: ModuleView[];
  mine: { status: 'enrolled' | 'waitlisted'; waitlistPosition: number | null } | null;
}

export interface RecordView {
  id: string;
  module: ModuleView;
  completedOn: string;
  expiresOn: string | null;
  source: 'attendance' | 'external' | 'exemption';
  status: 'approved' | 'pending' | 'rejected';
  note: string | null;
  reviewNote: string | null;
}

export interface QualificationView {
  status: DisplayStatus;
  missing: ModuleView[];
  expiring: { module: ModuleView; expiresOn: string }[];
  course: { modulesDone: number; modulesTotal: number; hoursDone: number; hoursTotal: number };
  followupDue: boolean;
  basicCompletedOn: string | null;
}

export const moduleTitle = (locale: Locale, m: Pick<ModuleView, 'titleJa' | 'titleEn'>) =>
  locale === 'ja' ? m.titleJa : m.titleEn;

/** An aside in brackets: full-width（…）in Japanese, " (…)" in English. */
export const paren = (locale: Locale, text: string) =>
  locale === 'ja' ? `（${text}）` : ` (${text})`;

/** Hours without a trailing ".0": 2, 1.5. */
export const hoursText = (t: Translator, hours: number) =>
  t('training.hours', { hours: String(Math.round(hours * 100) / 100) });

/** "2026年12月5日(土) 10:00〜12:00". */
export function sessionWhen(
  t: Translator,
  locale: Locale,
  s: { startsAt: string; endsAt: string },
): string {
  return `${formatDate(s.startsAt, locale)} ${t('training.timeRange', {
    start: tokyoTimeOf(s.startsAt),
    end: tokyoTimeOf(s.endsAt),
  })}`;
}

/**
 * The status in words, on a coloured badge (the colour only repeats what the words say). The
 * helper reads it about herself (「活動できます」); staff read it about a helper (「活動できる」).
 */
export function StatusBadge(props: {
  t: Translator;
  status: DisplayStatus;
  audience?: 'self' | 'staff';
}) {
  const prefix = props.audience === 'staff' ? 'training.staffStatus' : 'training.status';
  return (
    <span class={`training-badge training-badge--${props.status}`}>
      {props.t(`${prefix}.${props.status}` as MessageKey)}
    </span>
  );
}

/** The status card: badge, one plain sentence, the progress bar and any expiry warnings. */
export function StatusCard(props: {
  ctx: ViewContext;
  q: QualificationView;
  headingId: string;
  audience?: 'self' | 'staff';
}) {
  const { t, locale } = props.ctx;
  const { q } = props;
  const c = q.course;
  const progressText = t('training.progressText', {
    done: c.modulesDone,
    total: c.modulesTotal,
    hoursDone: String(c.hoursDone),
    hoursTotal: String(c.hoursTotal),
  });
  const showProgress = q.status !== 'not_helper' && c.modulesTotal > 0;
  return (
    <section
      class={`card training-status training-status--${q.status}`}
      aria-labelledby={props.headingId}
    >
      <h2 id={props.headingId} class="training-status__heading">
        <span class="training-status__label">{t('training.statusLabel')}</span>
        <StatusBadge t={t} status={q.status} audience={props.audience} />
      </h2>
      {props.audience !== 'staff' && (
        // Addressed to the helper; staff see the badge and the list of what is missing.
        <p class="training-status__text">
          {t(`training.statusText.${q.status === 'not_helper' ? 'inactive' : q.status}`, {
            count: q.missing.length,
          })}
        </p>
      )}
      {showProgress && (
        <div class="training-progress">
          <p class="training-progress__label" id={`${props.headingId}-progress`}>
            {t('training.progress')}
          </p>
          <progress
            class="training-progress__bar"
            max={c.modulesTotal}
            value={c.modulesDone}
            aria-labelledby={`${props.headingId}-progress`}
            aria-describedby={`${props.headingId}-progress-text`}
          >
            {progressText}
          </progress>
          <p class="training-progress__text" id={`${props.headingId}-progress-text`}>
            {progressText}
          </p>
        </div>
      )}
      {q.expiring.map((e) => (
        <p class="training-warning">
          {t('training.expiringSoon', {
            module: moduleTitle(locale, e.module),
            date: formatDate(e.expiresOn, locale),
          })}
        </p>
      ))}
    </section>
  );
}

/** Validity of a record in words: "Valid until …", "Expired", "No expiry". */
export function validityText(
  t: Translator,
  locale: Locale,
  r: Pick<RecordView, 'completedOn' | 'expiresOn' | 'status'>,
  today: string,
): { text: string; valid: boolean } {
  if (r.completedOn > today)
    return {
      text: t('training.notYet', { date: formatDate(r.completedOn, locale) }),
      valid: false,
    };
  if (r.expiresOn === null) return { text: t('training.noExpiry'), valid: true };
  if (r.expiresOn < today)
    return {
      text: `${t('training.expired')}${paren(locale, formatDate(r.expiresOn, locale))}`,
      valid: false,
    };
  return { text: t('training.validUntil', { date: formatDate(r.expiresOn, locale) }), valid: true };
}

/** Every record of a helper, with its source, state and expiry. */
export function RecordsTable(props: {
  ctx: ViewContext;
  records: RecordView[];
  today: string;
  headingId: string;
}) {
  const { t, locale } = props.ctx;
  if (props.records.length === 0) return <p>{t('training.my.noRecords')}</p>;
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby={props.headingId}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('training.field.module')}</th>
            <th scope="col">{t('training.field.completedOn')}</th>
            <th scope="col">{t('training.curriculum.validity')}</th>
            <th scope="col">{t('training.field.source')}</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => {
            const validity = validityText(t, locale, r, props.today);
            return (
              <tr>
                <th scope="row" class="training-cell-title">
                  {moduleTitle(locale, r.module)}
                </th>
                <td>{formatDate(r.completedOn, locale)}</td>
                <td>
                  {r.status === 'approved' ? (
                    <span class={validity.valid ? undefined : 'training-text-warning'}>
                      {validity.text}
                    </span>
                  ) : (
                    <span class="training-text-warning">
                      {t(`training.recordStatus.${r.status}`)}
                      {r.reviewNote ? paren(locale, r.reviewNote) : ''}
                    </span>
                  )}
                </td>
                <td>
                  {t(`training.source.${r.source}`)}
                  {r.note && <span class="training-note">{r.note}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A group of checkboxes (44 px targets) with a legend and an error written next to it. */
export function CheckboxGroup(props: {
  t: Translator;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: Set<string>;
  error?: string | undefined;
  required?: boolean;
}) {
  const id = `field-${props.name}`;
  return (
    <fieldset
      class={props.error ? 'field training-checks field--error' : 'field training-checks'}
      id={id}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>
        {props.legend}
        {props.required && <span class="required">{props.t('form.required')}</span>}
      </legend>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.options.map((o, i) => (
        <div class="training-check">
          <input
            type="checkbox"
            id={`${id}-${i}`}
            name={`${props.name}.${o.value}`}
            value="1"
            checked={props.checked.has(o.value)}
          />
          <label for={`${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Staff navigation between the training pages. */
export function TrainingSubnav(props: {
  ctx: ViewContext;
  current: 'sessions' | 'helpers' | 'pending' | 'curriculum';
  pendingCount?: number | undefined;
}) {
  const { t } = props.ctx;
  const items = [
    { key: 'sessions', href: '/training/sessions', label: t('training.subnav.sessions') },
    { key: 'helpers', href: '/training/helpers', label: t('training.subnav.helpers') },
    {
      key: 'pending',
      href: '/training/records/pending',
      label: props.pendingCount
        ? t('training.subnav.pendingCount', { count: props.pendingCount })
        : t('training.subnav.pending'),
    },
    { key: 'curriculum', href: '/training/curriculum', label: t('training.subnav.curriculum') },
  ] as const;
  return (
    <nav class="training-subnav" aria-label={t('training.subnav')}>
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href} aria-current={i.key === props.current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A plain form with only a submit button (enrol, cancel, load defaults…). */
export function ButtonForm(props: {
  action: string;
  label: string;
  secondary?: boolean;
  hidden?: Record<string, string>;
  describedBy?: string;
}) {
  return (
    <form method="post" action={props.action} class="training-inline-form">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        class={props.secondary ? 'button button--secondary' : 'button button--primary'}
        aria-describedby={props.describedBy}
      >
        {props.label}
      </button>
    </form>
  );
}

/** An error from a refused action (409/422), shown at the top of the page it came back to. */
export function ActionError(props: { message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="alert alert--error" role="alert">
      {props.message}
    </p>
  );
}

/**
 * When and how a training record was earned, with its note: the same fields whether staff record
 * it for a helper or a helper sends in a certificate.
 */
export function RecordDetailsFields(props: {
  t: Translator;
  values: { completedOn?: string; source?: string; note?: string };
  errors: FormErrors;
}) {
  const { t, values, errors } = props;
  return (
    <>
      <Field
        t={t}
        name="completedOn"
        type="date"
        label={t('training.field.completedOn')}
        hint={t('training.field.completedOnHint')}
        value={values.completedOn}
        error={errors.completedOn}
        required
      />
      <SelectField
        t={t}
        name="source"
        label={t('training.field.source')}
        value={values.source ?? 'external'}
        error={errors.source}
        required
        options={[
          { value: 'external', label: t('training.source.external') },
          { value: 'exemption', label: t('training.source.exemption') },
        ]}
      />
      <Field
        t={t}
        name="note"
        label={t('training.field.note')}
        hint={t('training.field.noteHint')}
        value={values.note}
        error={errors.note}
        required
        maxlength={500}
      />
    </>
  );
}
