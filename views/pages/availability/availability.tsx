import {
  ErrorSummary,
  FieldFrame,
  TextField,
  describedBy,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { describeExceptionHours, weekdayKey } from './availability-text.js';
import { monthDay } from '../../format.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Time ranges offered per weekday in the form (more are shown when a helper already has more). */
export const SLOTS_PER_DAY = 3;

/** The form field names of one time range: w<weekday>_<index>_start / _end. */
export const slotRowKey = (weekday: number, index: number) => `w${weekday}_${index}`;

export interface WeeklyFormState {
  /** Field values by name (w1_0_start, w1_0_end …), as the browser sends them. */
  values: Record<string, string>;
  /** Rows shown per weekday. */
  rows: Record<number, number>;
  /** Row key (w1_0) → message shown next to that row. */
  errors: Record<string, string>;
}

export interface ExceptionFormState {
  values: { date?: string; kind?: string; start?: string; end?: string; note?: string };
  errors: FormErrors;
}

export interface ExceptionItem {
  id: string;
  date: string;
  start: string | null;
  end: string | null;
  note: string | null;
}

export interface AvailabilityPageProps {
  ctx: ViewContext;
  /** Where the forms post: /availability, or /members/:id/availability for staff. */
  base: string;
  calendarHref: string;
  /** Set when staff look at a helper's page. */
  helperName: string | null;
  weekly: WeeklyFormState;
  exceptions: ExceptionItem[];
  exceptionForm: ExceptionFormState;
  feed: { createdAt: string | null; newUrl: string | null };
  today: string;
}

export function AvailabilityPage(props: AvailabilityPageProps) {
  const { t } = props.ctx;
  const title = props.helperName
    ? t('availability.titleFor', { name: props.helperName })
    : t('availability.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {props.helperName && (
        <p class="alert alert--info">{t('availability.staffNote', { name: props.helperName })}</p>
      )}
      <p>{t('availability.lead')}</p>
      <nav aria-labelledby="availability-contents-title" class="av-contents">
        <h2 id="availability-contents-title" class="visually-hidden">
          {t('availability.contents')}
        </h2>
        <ul>
          <li>
            <a href="#weekly">{t('availability.weekly.title')}</a>
          </li>
          <li>
            <a href="#exceptions">{t('availability.exceptions.title')}</a>
          </li>
          <li>
            <a href="#calendar-feed">{t('availability.feed.title')}</a>
          </li>
          <li>
            <a href={props.calendarHref}>{t('availability.toCalendar')}</a>
          </li>
        </ul>
      </nav>
      <WeeklySection {...props} />
      <ExceptionsSection {...props} />
      <FeedSection {...props} />
    </Layout>
  );
}

function slotLabels(t: Translator, weekly: WeeklyFormState): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const weekday of WEEKDAYS) {
    for (let i = 0; i < (weekly.rows[weekday] ?? 1); i++) {
      labels[`${slotRowKey(weekday, i)}_start`] = t('availability.weekly.slotLabel', {
        weekday: t(weekdayKey(weekday)),
        n: i + 1,
      });
    }
  }
  return labels;
}

function WeeklySection(props: AvailabilityPageProps) {
  const { t } = props.ctx;
  const { weekly } = props;
  // The summary links to the first field of each offending row.
  const summaryErrors = Object.fromEntries(
    Object.entries(weekly.errors).map(([row, message]) => [`${row}_start`, message]),
  );
  return (
    <section class="card" id="weekly" aria-labelledby="weekly-title">
      <h2 id="weekly-title">{t('availability.weekly.title')}</h2>
      <p>{t('availability.weekly.lead')}</p>
      <ul class="hint av-hint-list">
        <li>{t('availability.weekly.moreHint')}</li>
        <li>{t('availability.weekly.clearHint')}</li>
      </ul>
      <ErrorSummary t={t} errors={summaryErrors} labels={slotLabels(t, weekly)} />
      <form method="post" action={`${props.base}/weekly#weekly`} novalidate>
        {WEEKDAYS.map((weekday) => (
          <WeekdayFieldset t={t} weekday={weekday} weekly={weekly} />
        ))}
        <SubmitButton>{t('availability.weekly.save')}</SubmitButton>
      </form>
    </section>
  );
}

function WeekdayFieldset(props: { t: Translator; weekday: number; weekly: WeeklyFormState }) {
  const { t, weekday, weekly } = props;
  const rows = weekly.rows[weekday] ?? 1;
  const dayName = t(weekdayKey(weekday));
  return (
    <fieldset class="av-weekday">
      <legend class="av-weekday__name">{dayName}</legend>
      <ol class="av-weekday__slots">
        {Array.from({ length: rows }, (_, i) => {
          const row = slotRowKey(weekday, i);
          const error = weekly.errors[row];
          const slotName = t('availability.weekly.slotLabel', { weekday: dayName, n: i + 1 });
          return (
            <li class={error ? 'av-slot av-slot--error' : 'av-slot'}>
              {error && (
                <p class="field-error" id={`${row}-error`}>
                  {error}
                </p>
              )}
              <div class="av-times">
                <TimeInput
                  name={`${row}_start`}
                  label={t('availability.weekly.start')}
                  hiddenPrefix={slotName}
                  value={weekly.values[`${row}_start`]}
                  error={error ? `${row}-error` : undefined}
                />
                <span class="av-dash" aria-hidden="true">
                  〜
                </span>
                <TimeInput
                  name={`${row}_end`}
                  label={t('availability.weekly.end')}
                  hiddenPrefix={slotName}
                  value={weekly.values[`${row}_end`]}
                  error={error ? `${row}-error` : undefined}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

function TimeInput(props: {
  name: string;
  label: string;
  hiddenPrefix: string;
  value: string | undefined;
  error: string | undefined;
}) {
  const id = `field-${props.name}`;
  return (
    <div class="av-time">
      <label for={id}>
        <span class="visually-hidden">{props.hiddenPrefix} </span>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="time"
        value={props.value ?? ''}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error}
      />
    </div>
  );
}

function ExceptionsSection(props: AvailabilityPageProps) {
  const { t, locale } = props.ctx;
  const { values, errors } = props.exceptionForm;
  const labels = {
    date: t('availability.exceptions.date'),
    kind: t('availability.exceptions.kind'),
    start: t('availability.exceptions.start'),
    end: t('availability.exceptions.end'),
    note: t('availability.exceptions.note'),
  };
  const hours = values.kind === 'hours';
  const field = bindFields(t, values, errors, labels);
  return (
    <section class="card" id="exceptions" aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('availability.exceptions.title')}</h2>
      <p>{t('availability.exceptions.lead')}</p>
      <h3 id="exceptions-list-title">{t('availability.exceptions.list')}</h3>
      {props.exceptions.length === 0 ? (
        <p>{t('availability.exceptions.none')}</p>
      ) : (
        <ul class="av-exceptions" aria-labelledby="exceptions-list-title">
          {props.exceptions.map((ex) => {
            const date = monthDay(ex.date, locale);
            return (
              <li class="av-exceptions__item">
                <div class="av-exceptions__text">
                  <strong>{date}</strong> {describeExceptionHours(t, ex)}
                  {ex.note && <span class="av-exceptions__note">{ex.note}</span>}
                </div>
                <form method="post" action={`${props.base}/exceptions/${ex.id}/delete`}>
                  <button type="submit" class="button button--secondary av-button-small">
                    {t('availability.exceptions.delete')}
                    <span class="visually-hidden">
                      {' '}
                      {t('availability.exceptions.deleteLabel', { date })}
                    </span>
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <h3 id="exception-add-title">{t('availability.exceptions.add')}</h3>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form
        method="post"
        action={`${props.base}/exceptions#exceptions`}
        novalidate
        aria-labelledby="exception-add-title"
      >
        <FieldFrame t={t} id="field-date" label={labels.date} error={errors.date} required>
          <input
            id="field-date"
            name="date"
            type="date"
            min={props.today}
            value={values.date ?? ''}
            required
            aria-invalid={errors.date ? 'true' : undefined}
            aria-describedby={describedBy('field-date', undefined, errors.date)}
          />
        </FieldFrame>
        <fieldset class="field choice-group">
          <legend>{labels.kind}</legend>
          <div class="choices">
            <div class="choice">
              <input type="radio" id="field-kind" name="kind" value="day" checked={!hours} />
              <label for="field-kind">{t('availability.exceptions.kindWholeDay')}</label>
            </div>
            <div class="choice">
              <input type="radio" id="field-kind-hours" name="kind" value="hours" checked={hours} />
              <label for="field-kind-hours">{t('availability.exceptions.kindHours')}</label>
            </div>
          </div>
        </fieldset>
        <div class="av-time-pair">
          <p class="hint" id="exception-times-hint">
            {t('availability.exceptions.timesHint')}
          </p>
          {(errors.start || errors.end) && (
            <p class="field-error" id="field-start-error">
              {errors.start ?? errors.end}
            </p>
          )}
          <div class="av-times">
            <div class={errors.start || errors.end ? 'av-time field--error' : 'av-time'}>
              <label for="field-start">{labels.start}</label>
              <input
                id="field-start"
                name="start"
                type="time"
                value={values.start ?? ''}
                aria-invalid={errors.start || errors.end ? 'true' : undefined}
                aria-describedby={
                  errors.start || errors.end
                    ? 'exception-times-hint field-start-error'
                    : 'exception-times-hint'
                }
              />
            </div>
            <span class="av-dash" aria-hidden="true">
              〜
            </span>
            <div class={errors.end ? 'av-time field--error' : 'av-time'}>
              <label for="field-end">{labels.end}</label>
              <input
                id="field-end"
                name="end"
                type="time"
                value={values.end ?? ''}
                aria-invalid={errors.end ? 'true' : undefined}
                aria-describedby={
                  errors.end ? 'exception-times-hint field-start-error' : 'exception-times-hint'
                }
              />
            </div>
          </div>
        </div>
        <TextField
          {...field('note')}
          hint={t('availability.exceptions.noteHint')}
          maxlength={200}
        />
        <SubmitButton>{t('availability.exceptions.submit')}</SubmitButton>
      </form>
    </section>
  );
}

function FeedSection(props: AvailabilityPageProps) {
  const { t, locale } = props.ctx;
  const { feed } = props;
  return (
    <section class="card" id="calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('availability.feed.title')}</h2>
      <p>{t('availability.feed.lead')}</p>
      {feed.newUrl && <NewFeedUrl t={t} url={feed.newUrl} />}
      {feed.createdAt && !feed.newUrl && (
        <>
          <p>{t('availability.feed.active', { date: formatDate(feed.createdAt, locale) })}</p>
          <p class="hint">{t('availability.feed.lostHint')}</p>
        </>
      )}
      {feed.createdAt ? (
        <div class="button-row">
          <form method="post" action={`${props.base}/calendar-feed`}>
            <button type="submit" class="button button--secondary">
              {t('availability.feed.rotate')}
            </button>
            <p class="hint">{t('availability.feed.rotateHint')}</p>
          </form>
          <form method="post" action={`${props.base}/calendar-feed/revoke`}>
            <button type="submit" class="button button--secondary">
              {t('availability.feed.revoke')}
            </button>
          </form>
        </div>
      ) : (
        <form method="post" action={`${props.base}/calendar-feed`}>
          <SubmitButton>{t('availability.feed.create')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function NewFeedUrl(props: { t: Translator; url: string }) {
  const { t, url } = props;
  const webcal = url.replace(/^https?:/, 'webcal:');
  return (
    <div class="av-feed-url" role="status">
      <p class="notice">{t('availability.feed.created')}</p>
      <div class="field">
        <label for="feed-url">{t('availability.feed.urlLabel')}</label>
        <p class="hint" id="feed-url-hint">
          {t('availability.feed.urlOnce')}
        </p>
        <textarea
          id="feed-url"
          readonly
          rows={3}
          aria-describedby="feed-url-hint"
          class="av-feed-url__input"
        >
          {url}
        </textarea>
      </div>
      <p class="alert alert--warning">{t('availability.feed.secret')}</p>
      <h3>{t('availability.feed.iphone.title')}</h3>
      <p>
        <a class="button button--primary" href={webcal}>
          {t('availability.feed.iphone.link')}
        </a>
      </p>
      <p class="hint">{t('availability.feed.iphone.linkHint')}</p>
      <p>{t('availability.feed.iphone.steps')}</p>
      <h3>{t('availability.feed.google.title')}</h3>
      <p>{t('availability.feed.google.steps')}</p>
      <p class="hint">{t('availability.feed.delay')}</p>
    </div>
  );
}
