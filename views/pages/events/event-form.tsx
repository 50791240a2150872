import {
  ErrorSummary,
  TextField,
  type FormErrors,
  RadioGroup,
  TextareaField,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { EVENT_AUDIENCES } from '../../../src/modules/events/audience.js';
import { EVENT_KINDS } from '../../../src/modules/events/events.schemas.js';

export interface EventFormValues {
  kind?: string;
  title?: string;
  description?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  venue?: string;
  capacity?: string;
  audience?: string;
  childcare?: string;
}

export const EVENT_FORM_FIELDS = [
  'kind',
  'title',
  'date',
  'startTime',
  'endTime',
  'venue',
  'capacity',
  'audience',
  'childcare',
  'description',
] as const;

/** Staff: publish an event, or edit one. Works without JavaScript; 422 keeps what was typed. */
export function EventFormPage(props: {
  ctx: ViewContext;
  eventId?: string;
  values: EventFormValues;
  errors: FormErrors;
}) {
  const { t } = props.ctx;
  const { values: v, errors } = props;
  const editing = props.eventId !== undefined;
  const title = t(editing ? 'events.editTitle' : 'events.newTitle');
  const labels: Record<string, string> = {
    kind: t('events.field.kind'),
    title: t('events.field.title'),
    date: t('events.field.date'),
    startTime: t('events.field.startTime'),
    endTime: t('events.field.endTime'),
    venue: t('events.field.venue'),
    capacity: t('events.field.capacity'),
    audience: t('events.field.audience'),
    childcare: t('events.field.childcare'),
    description: t('events.field.description'),
  };
  return (
    <Layout ctx={props.ctx} title={title}>
      <p class="back-link">
        <a href={editing ? `/events/${props.eventId}` : '/events'}>{t('events.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form
        method="post"
        action={editing ? `/events/${props.eventId}/edit` : '/events'}
        class="member-form"
        novalidate
      >
        <RadioGroup
          t={t}
          name="kind"
          legend={labels.kind!}
          required
          value={v.kind ?? 'exchange'}
          error={errors.kind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
        />
        <TextField
          t={t}
          name="title"
          label={labels.title!}
          required
          maxlength={100}
          value={v.title}
          error={errors.title}
          hint={t('events.field.titleHint')}
        />
        <TextField
          t={t}
          name="date"
          type="date"
          label={labels.date!}
          required
          value={v.date}
          error={errors.date}
        />
        <div class="cl-time-row">
          <TextField
            t={t}
            name="startTime"
            type="time"
            label={labels.startTime!}
            required
            value={v.startTime}
            error={errors.startTime}
          />
          <TextField
            t={t}
            name="endTime"
            type="time"
            label={labels.endTime!}
            required
            value={v.endTime}
            error={errors.endTime}
          />
        </div>
        <TextField
          t={t}
          name="venue"
          label={labels.venue!}
          required
          maxlength={200}
          value={v.venue}
          error={errors.venue}
        />
        <TextField
          t={t}
          name="capacity"
          type="number"
          label={labels.capacity!}
          required
          value={v.capacity}
          error={errors.capacity}
          hint={t('events.field.capacityHint')}
        />
        <RadioGroup
          t={t}
          name="audience"
          legend={labels.audience!}
          required
          value={v.audience ?? 'members'}
          error={errors.audience}
          options={EVENT_AUDIENCES.map((a) => ({
            value: a,
            label: t(`events.audience.${a}`),
            hint: t(`events.audienceHint.${a}`),
          }))}
        />
        <RadioGroup
          t={t}
          name="childcare"
          legend={labels.childcare!}
          required
          inline
          value={v.childcare ?? 'no'}
          error={errors.childcare}
          hint={t('events.field.childcareHint')}
          options={[
            { value: 'yes', label: t('events.childcareOption.yes') },
            { value: 'no', label: t('events.childcareOption.no') },
          ]}
        />
        <TextareaField
          t={t}
          name="description"
          label={labels.description!}
          rows={8}
          maxlength={5000}
          value={v.description}
          error={errors.description}
          hint={t('markdown.hint')}
        />
        <button type="submit" class="button button--primary">
          {t(editing ? 'events.saveChanges' : 'events.publish')}
        </button>
      </form>
    </Layout>
  );
}
