import { Badge } from '../../components/status-badge.js';
import {
  ErrorSummary,
  TextField,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { TextareaField } from '../../components/form-fields.js';
import { sessionWhen, type OrientationSession } from './session-text.js';

export interface SessionRow extends OrientationSession {
  attended?: number | undefined;
}

export type ScheduleValues = Partial<
  Record<'date' | 'startTime' | 'endTime' | 'venue' | 'capacity' | 'notes', string>
>;

function SessionTable(props: { ctx: ViewContext; id: string; rows: SessionRow[]; past: boolean }) {
  const { t, locale } = props.ctx;
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby={props.id}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('orientationAdmin.date')}</th>
            <th scope="col">{t('orientationAdmin.venue')}</th>
            <th scope="col">{t('orientationAdmin.registered')}</th>
            {props.past && <th scope="col">{t('orientationAdmin.attended')}</th>}
            <th scope="col">{t('orientationAdmin.sheet')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((o) => {
            const registered = Number(o.registered ?? 0);
            return (
              <tr>
                <th scope="row" class="nowrap">
                  {sessionWhen(t, locale, o)}
                </th>
                <td class="wrap">{o.venue}</td>
                <td class="nowrap">
                  {t('orientationAdmin.registeredValue', { registered, capacity: o.capacity })}
                  {!props.past && registered >= o.capacity && (
                    <Badge class="badge--after">{t('orientationAdmin.full')}</Badge>
                  )}
                </td>
                {props.past && (
                  <td class="nowrap">
                    {t('orientationAdmin.attendedValue', { n: o.attended ?? 0 })}
                  </td>
                )}
                <td>
                  <a href={`/orientations/${o.id}`} class="nowrap">
                    {t('orientationAdmin.sheetLink')}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function OrientationListPage(props: {
  ctx: ViewContext;
  upcoming: SessionRow[];
  past: SessionRow[];
  pastLimit: number;
  pastTotal: number;
  values: ScheduleValues;
  errors: FormErrors;
}) {
  const { t } = props.ctx;
  const { values, errors } = props;
  const labels = {
    date: t('orientationAdmin.field.date'),
    startTime: t('orientationAdmin.field.startTime'),
    endTime: t('orientationAdmin.field.endTime'),
    venue: t('orientationAdmin.field.venue'),
    capacity: t('orientationAdmin.field.capacity'),
    notes: t('orientationAdmin.field.notes'),
  };
  const hasErrors = Object.keys(errors).length > 0;
  const field = bindFields(t, values, errors, labels);
  const scheduleForm = (
    <section class="card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('orientationAdmin.schedule')}</h2>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/orientations" novalidate>
        <div class="field-row">
          <TextField {...field('date')} type="date" required />
          <TextField {...field('startTime')} type="time" required />
          <TextField {...field('endTime')} type="time" required />
        </div>
        <TextField {...field('venue')} required maxlength={200} />
        <TextField
          {...field('capacity')}
          type="number"
          hint={t('orientationAdmin.field.capacityHint')}
          required
        />
        <TextareaField
          {...field('notes')}
          id="field-notes"
          hint={t('orientationAdmin.field.notesHint')}
          maxlength={1000}
        />
        <button type="submit" class="button button--primary">
          {t('orientationAdmin.submit')}
        </button>
      </form>
    </section>
  );
  return (
    <Layout ctx={props.ctx} title={t('orientationAdmin.title')}>
      <h1>{t('orientationAdmin.title')}</h1>
      <p>{t('orientationAdmin.lead')}</p>
      {/* After a failed submit the form comes first, so its messages are the first thing seen. */}
      {hasErrors && scheduleForm}

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('orientationAdmin.upcoming')}</h2>
        {props.upcoming.length === 0 ? (
          <p>{t('orientationAdmin.noUpcoming')}</p>
        ) : (
          <SessionTable ctx={props.ctx} id="upcoming-title" rows={props.upcoming} past={false} />
        )}
      </section>

      {!hasErrors && scheduleForm}

      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('orientationAdmin.past')}</h2>
        {props.past.length === 0 ? (
          <p>{t('orientationAdmin.noPast')}</p>
        ) : (
          <>
            {props.pastTotal > props.pastLimit && (
              <p class="hint">{t('orientationAdmin.pastLimit', { limit: props.pastLimit })}</p>
            )}
            <SessionTable ctx={props.ctx} id="past-title" rows={props.past} past />
          </>
        )}
      </section>
    </Layout>
  );
}
