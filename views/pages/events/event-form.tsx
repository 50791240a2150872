import {
  ErrorSummary,
  TextField,
  type FormErrors,
  RadioGroup,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { EVENT_AUDIENCES } from '../../../src/modules/events/audience.js';
import { EVENT_KINDS } from '../../../src/modules/events/events.schemas.js';
import { StaffBackLink } from '../../components/back-link.js';

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
  const field = bindFields(t, v, errors, labels);
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink
        href={editing ? `/events/${props.eventId}` : '/events'}
        label={t('events.back')}
      />
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form
        method="post"
        action={editing ? `/events/${props.eventId}/edit` : '/events'}
        class="member-form"
        novalidate
      >
        <RadioGroup
          {...field('kind')}
          legend={labels.kind!}
          required
          value={v.kind ?? 'exchange'}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
        />
        <TextField
          {...field('title')}
          required
          maxlength={100}
          hint={t('events.field.titleHint')}
        />
        <TextField {...field('date')} type="date" required />
        <div class="cl-time-row">
          <TextField {...field('startTime')} type="time" required />
          <TextField {...field('endTime')} type="time" required />
        </div>
        <TextField {...field('venue')} required maxlength={200} />
        <TextField
          {...field('capacity')}
          type="number"
          required
          hint={t('events.field.capacityHint')}
        />
        <RadioGroup
          {...field('audience')}
          legend={labels.audience!}
          required
          value={v.audience ?? 'members'}
          options={EVENT_AUDIENCES.map((a) => ({
            value: a,
            label: t(`events.audience.${a}`),
            hint: t(`events.audienceHint.${a}`),
          }))}
        />
        <RadioGroup
          {...field('childcare')}
          legend={labels.childcare!}
          required
          inline
          value={v.childcare ?? 'no'}
          hint={t('events.field.childcareHint')}
          options={[
            { value: 'yes', label: t('events.childcareOption.yes') },
            { value: 'no', label: t('events.childcareOption.no') },
          ]}
        />
        <TextareaField
          {...field('description')}
          rows={8}
          maxlength={5000}
          hint={t('markdown.hint')}
        />
        <button type="submit" class="button button--primary">
          {t(editing ? 'events.saveChanges' : 'events.publish')}
        </button>
      </form>
    </Layout>
  );
}
