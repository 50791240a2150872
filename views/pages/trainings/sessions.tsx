import { ScrollTable } from '../../components/scroll-table.js';
import {
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { CheckboxGroup } from '../../components/form-fields.js';
import { hoursText, moduleTitle, sessionWhen } from './training-text.js';
import { paren } from '../../format.js';
import { TrainingSubnav } from './training-subnav.js';
import type { ModuleView, SessionView } from '../../../src/modules/trainings/trainings.views.js';

export interface SessionFormValues {
  date?: string;
  startTime?: string;
  endTime?: string;
  venue?: string;
  instructor?: string;
  capacity?: string;
  notes?: string;
  moduleIds?: string[];
}

export interface SummaryView {
  from: string;
  to: string;
  sessionsHeld: number;
  hoursDelivered: number;
  attendances: number;
  attendeeHours: number;
  newlyQualified: number;
}

/** Staff: the calendar list of sessions, this year's figures, and the form to schedule one. */
export function SessionsPage(props: {
  ctx: ViewContext;
  upcoming: SessionView[];
  past: SessionView[];
  modules: ModuleView[];
  summary: SummaryView;
  pendingCount: number;
  values: SessionFormValues;
  errors: FormErrors;
}) {
  const { t, locale } = props.ctx;
  const labels = {
    date: t('training.field.date'),
    startTime: t('training.field.startTime'),
    endTime: t('training.field.endTime'),
    venue: t('training.field.venue'),
    instructor: t('training.field.instructor'),
    capacity: t('training.field.capacity'),
    moduleIds: t('training.field.modules'),
    notes: t('training.field.notes'),
  };
  const s = props.summary;
  const field = bindFields(t, props.values, props.errors, labels);
  return (
    <Layout ctx={props.ctx} title={t('training.sessions.title')}>
      <TrainingSubnav ctx={props.ctx} current="sessions" pendingCount={props.pendingCount} />
      <h1>{t('training.sessions.title')}</h1>
      <p>{t('training.sessions.lead')}</p>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('training.sessions.upcoming')}</h2>
        <SessionTable ctx={props.ctx} sessions={props.upcoming} headingId="upcoming-title" />
      </section>

      <section class="card" aria-labelledby="create-title">
        <h2 id="create-title">{t('training.sessions.create')}</h2>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form method="post" action="/training/sessions" novalidate>
          <TextField {...field('date')} type="date" hint={t('training.field.dateHint')} required />
          <div class="training-row">
            <TextField
              {...field('startTime')}
              type="time"
              hint={t('training.field.timeHint')}
              required
            />
            <TextField
              {...field('endTime')}
              type="time"
              hint={t('training.field.timeHint')}
              required
            />
          </div>
          <TextField {...field('venue')} required maxlength={200} />
          <TextField {...field('instructor')} maxlength={100} />
          <TextField
            {...field('capacity')}
            type="number"
            value={props.values.capacity ?? '20'}
            required
          />
          <CheckboxGroup
            t={t}
            name="moduleIds"
            legend={labels.moduleIds}
            options={props.modules.map((m) => ({
              value: m.id,
              label: `${moduleTitle(locale, m)}${paren(locale, hoursText(t, m.hours))}`,
            }))}
            checked={new Set(props.values.moduleIds ?? [])}
            error={props.errors.moduleIds}
            required
          />
          <TextField {...field('notes')} maxlength={1000} />
          <SubmitButton>{t('training.sessions.createSubmit')}</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('training.sessions.past')}</h2>
        <SessionTable ctx={props.ctx} sessions={props.past} headingId="past-title" />
      </section>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">
          {t('training.sessions.summary', {
            from: formatDate(s.from, locale),
            to: formatDate(s.to, locale),
          })}
        </h2>
        <dl class="training-figures">
          <div>
            <dt>{t('training.sessions.summaryHeld')}</dt>
            <dd>
              {t('training.sessions.summaryHeldValue', {
                count: s.sessionsHeld,
                hours: String(s.hoursDelivered),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('training.sessions.summaryAttendances')}</dt>
            <dd>
              {t('training.sessions.summaryAttendancesValue', {
                count: s.attendances,
                hours: String(s.attendeeHours),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('training.sessions.summaryQualified')}</dt>
            <dd>{t('training.sessions.summaryQualifiedValue', { count: s.newlyQualified })}</dd>
          </div>
        </dl>
      </section>
    </Layout>
  );
}

function SessionTable(props: { ctx: ViewContext; sessions: SessionView[]; headingId: string }) {
  const { t, locale } = props.ctx;
  if (props.sessions.length === 0) return <p>{t('training.sessions.none')}</p>;
  return (
    <ScrollTable
      labelledBy={props.headingId}
      head={[
        t('training.sessions.when'),
        t('training.sessions.what'),
        t('training.sessions.where'),
        t('training.sessions.enrolled'),
        t('training.sessions.waitlisted'),
      ]}
    >
      {props.sessions.map((s) => (
        <tr>
          <th scope="row" class="training-cell-when">
            <a href={`/training/sessions/${s.id}`}>{sessionWhen(t, locale, s)}</a>
          </th>
          <td class="training-cell-title">
            {s.modules.map((m) => moduleTitle(locale, m)).join(locale === 'ja' ? '、' : ', ')}
          </td>
          <td>{s.venue}</td>
          <td class="training-nowrap">
            {t('training.sessions.enrolledOf', { enrolled: s.enrolled, capacity: s.capacity })}
          </td>
          <td>{s.waitlisted}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
