import {
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextareaField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  INCIDENT_SITUATIONS,
  INCIDENT_VICTIMS,
} from '../../../src/modules/incidents/incident-rules.js';
import {
  INCIDENT_FORM_FIELDS,
  type IncidentFormValues,
} from '../../../src/modules/incidents/incident-form.js';
import {
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  SERIOUS_REASONS,
} from '../../../src/modules/activities/activities.schemas.js';
import { StaffBackLink } from '../../components/back-link.js';

/**
 * Staff record a near-miss or accident on its own (phoned in: on the way to help, at training,
 * at an exchange meeting), or complete one later (diagnosis, days of treatment, who was told).
 * Works without JavaScript; 422 keeps what was typed.
 */
export function IncidentFormPage(props: {
  ctx: ViewContext;
  incidentId?: string;
  values: IncidentFormValues;
  errors: FormErrors;
  linkOptions: { value: string; label: string }[];
}) {
  const { t } = props.ctx;
  const { values: v, errors } = props;
  const editing = props.incidentId !== undefined;
  const title = t(editing ? 'incidents.editTitle' : 'incidents.newTitle');
  const labels: Record<string, string> = Object.fromEntries(
    INCIDENT_FORM_FIELDS.map((f) => [f, t(`incidents.form.${f}`)]),
  );
  const field = bindFields(t, v, errors, labels);
  const told = (who: 'family' | 'center' | 'police') => (
    <fieldset class="field">
      <legend>{t(`incidents.form.${who}Told`)}</legend>
      <div class="cl-time-row">
        <TextField {...field(`${who}ToldDate`)} type="date" />
        <TextField {...field(`${who}ToldTime`)} type="time" />
      </div>
    </fieldset>
  );
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink
        href={editing ? `/incidents/${props.incidentId}` : '/incidents'}
        label={t('incidents.backToList')}
      />
      <h1>{title}</h1>
      <p>{t('incidents.form.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form
        method="post"
        action={editing ? `/incidents/${props.incidentId}/edit` : '/incidents/new'}
        class="member-form"
        novalidate
      >
        <h2>{t('incidents.form.whenWhere')}</h2>
        <div class="cl-time-row">
          <TextField {...field('date')} type="date" required />
          <TextField {...field('time')} type="time" required />
        </div>
        <TextField {...field('place')} required maxlength={200} />
        <RadioGroup
          {...field('situation')}
          legend={labels.situation!}
          required
          value={v.situation || 'during_help'}
          options={INCIDENT_SITUATIONS.map((s) => ({
            value: s,
            label: t(`incidents.situation.${s}`),
          }))}
        />
        <SelectField
          {...field('link')}
          hint={t('incidents.form.linkHint')}
          placeholder={t('incidents.link.none')}
          options={props.linkOptions}
        />
        <h2>{t('incidents.form.whatHappened')}</h2>
        <RadioGroup
          {...field('kind')}
          legend={labels.kind!}
          required
          inline
          value={v.kind || 'accident'}
          options={INCIDENT_KINDS.map((k) => ({
            value: k,
            label: t(`activities.incident.kind.${k}`),
          }))}
        />
        <RadioGroup
          {...field('severity')}
          legend={labels.severity!}
          required
          inline
          value={v.severity || 'minor'}
          options={INCIDENT_SEVERITIES.map((s) => ({
            value: s,
            label: t(`activities.incident.severity.${s}`),
          }))}
        />
        <SelectField
          {...field('seriousReason')}
          hint={t('activities.incident.seriousReasonHint')}
          placeholder={t('activities.incident.seriousReason.none')}
          options={SERIOUS_REASONS.map((r) => ({
            value: r,
            label: t(`activities.incident.seriousReason.${r}`),
          }))}
        />
        <RadioGroup
          {...field('victim')}
          legend={labels.victim!}
          required
          value={v.victim || 'child'}
          options={INCIDENT_VICTIMS.map((s) => ({ value: s, label: t(`incidents.victim.${s}`) }))}
        />
        <TextField {...field('victimName')} maxlength={100} />
        <TextareaField {...field('damage')} maxlength={2000} />
        <TextareaField {...field('description')} required rows={4} maxlength={2000} />
        <TextareaField {...field('actionTaken')} required maxlength={2000} />
        <h2>{t('incidents.form.treatment')}</h2>
        <TextField {...field('hospital')} maxlength={200} />
        <TextareaField {...field('diagnosis')} maxlength={1000} />
        <TextField
          {...field('treatmentDays')}
          type="number"
          size="tiny"
          hint={t('incidents.form.treatmentDaysHint')}
        />
        <h2>{t('incidents.form.whoWasTold')}</h2>
        {told('family')}
        {told('center')}
        {told('police')}
        <div class="button-row">
          <button type="submit" class="button button--primary">
            {t(editing ? 'incidents.save' : 'incidents.record')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
