import {
  TextField,
  SelectField,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { ProgrammeSection } from './programme-section.js';
import {
  SETTINGS_PAGE_SECTIONS,
  SectionForm,
  TextareaField,
  settingsFieldLabels,
  type SectionProps,
  type SectionValues,
  type SettingsPageSection,
} from './section-form.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { HANDOVER_RULES } from '../../../src/modules/settings/settings.schemas.js';

export {
  PROGRAMME_FIELDS,
  SETTINGS_PAGE_SECTIONS,
  settingsFieldLabels,
  type SectionValues,
  type SettingsPageSection,
} from './section-form.js';

export interface SettingsPageProps {
  ctx: ViewContext;
  values: Record<SettingsPageSection, SectionValues>;
  /** The section whose post was refused, with a message per field. */
  invalid?: { section: SettingsPageSection; errors: FormErrors } | undefined;
}

const MEMBER_TYPES = ['requester', 'helper', 'both'] as const;
const CHILD_UNTIL = ['end_of_preschool', 'end_of_elementary', 'end_of_junior_high'] as const;

export function SettingsPage(props: SettingsPageProps) {
  const { t } = props.ctx;
  const errorsOf = (section: SettingsPageSection): FormErrors =>
    props.invalid?.section === section ? props.invalid.errors : {};
  const common = (section: SettingsPageSection) => ({
    t,
    section,
    values: props.values[section],
    errors: errorsOf(section),
  });
  return (
    <Layout ctx={props.ctx} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.lead')}</p>
      <nav aria-labelledby="settings-contents-title">
        <h2 id="settings-contents-title">{t('settings.contents')}</h2>
        <ul>
          {SETTINGS_PAGE_SECTIONS.map((section) => (
            <li>
              <a href={`#settings-${section}`}>{t(`settings.section.${section}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <LabelsSection {...common('labels')} />
      <AreasSection {...common('areas')} />
      <EligibilitySection {...common('eligibility')} />
      <RetentionSection {...common('retention')} />
      <RenewalSection {...common('renewal')} />
      <ConsentSection {...common('consent')} />
      <RequestsSection {...common('requests')} />
      <ReportsSection {...common('reports')} />
      <TrainingSection {...common('training')} />
      <ProgrammeSection {...common('programme')} />
    </Layout>
  );
}

function LabelsSection(props: SectionProps) {
  const { t, values, errors } = props;
  return (
    <SectionForm {...props} lead={t('settings.labels.lead')}>
      {MEMBER_TYPES.map((type) => (
        <fieldset>
          <legend>{t(`settings.labels.${type}`)}</legend>
          <TextField
            t={t}
            name={`${type}.ja`}
            label={t('settings.labels.ja')}
            value={values[`${type}.ja`]}
            error={errors[`${type}.ja`]}
            required
            maxlength={20}
          />
          <TextField
            t={t}
            name={`${type}.en`}
            label={t('settings.labels.en')}
            value={values[`${type}.en`]}
            error={errors[`${type}.en`]}
            required
            maxlength={40}
          />
        </fieldset>
      ))}
    </SectionForm>
  );
}

function AreasSection(props: SectionProps) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.areas.lead')}>
      <TextareaField
        {...field('areas')}
        label={t('settings.areas.field')}
        hint={t('settings.areas.hint')}
        rows={10}
        required
      />
    </SectionForm>
  );
}

/** A required whole number of a section, with its hint below the label. */
function NumberSetting(props: SectionProps & { name: string; label: string; hint: string }) {
  return (
    <TextField
      t={props.t}
      name={props.name}
      type="number"
      label={props.label}
      hint={props.hint}
      value={props.values[props.name]}
      error={props.errors[props.name]}
      required
    />
  );
}

function EligibilitySection(props: SectionProps) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.eligibility.lead')}>
      <fieldset>
        <legend>{t('settings.eligibility.requester')}</legend>
        <NumberSetting
          {...props}
          name="requesterChildMinAgeDays"
          label={t('settings.eligibility.requesterChildMinAgeDays')}
          hint={t('settings.eligibility.requesterChildMinAgeDaysHint')}
        />
        <SelectField
          {...field('requesterChildUntil')}
          label={t('settings.eligibility.requesterChildUntil')}
          options={CHILD_UNTIL.map((value) => ({
            value,
            label: t(`settings.eligibility.until.${value}`),
          }))}
          required
        />
      </fieldset>
      <fieldset>
        <legend>{t('settings.eligibility.helper')}</legend>
        <NumberSetting
          {...props}
          name="helperMinAgeYears"
          label={t('settings.eligibility.helperMinAgeYears')}
          hint={t('settings.eligibility.helperMinAgeYearsHint')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('settings.eligibility.infant')}</legend>
        <NumberSetting
          {...props}
          name="infantMonths"
          label={t('settings.eligibility.infantMonths')}
          hint={t('settings.eligibility.infantMonthsHint')}
        />
        <NumberSetting
          {...props}
          name="infantMaxHours"
          label={t('settings.eligibility.infantMaxHours')}
          hint={t('settings.eligibility.infantMaxHoursHint')}
        />
      </fieldset>
    </SectionForm>
  );
}

function RetentionSection(props: SectionProps) {
  const { t } = props;
  return (
    <SectionForm {...props} lead={t('settings.retention.lead')}>
      <NumberSetting
        {...props}
        name="withdrawnMemberYears"
        label={t('settings.retention.withdrawnMemberYears')}
        hint={t('settings.retention.withdrawnMemberYearsHint')}
      />
    </SectionForm>
  );
}

function RenewalSection(props: SectionProps) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.renewal.lead')}>
      <TextField
        {...field('opensMonthsBefore')}
        type="number"
        label={t('settings.renewal.opensMonthsBefore')}
        hint={t('settings.renewal.opensMonthsBeforeHint')}
        required
      />
    </SectionForm>
  );
}

function ConsentSection(props: SectionProps) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.consent.lead')}>
      <TextField
        {...field('termsVersion')}
        label={t('settings.consent.termsVersion')}
        hint={t('settings.consent.versionHint')}
        required
        maxlength={20}
      />
      <TextField
        {...field('healthDataVersion')}
        label={t('settings.consent.healthDataVersion')}
        hint={t('settings.consent.versionHint')}
        required
        maxlength={20}
      />
    </SectionForm>
  );
}

function RequestsSection(props: SectionProps) {
  const { t, values, errors } = props;
  const bound = bindFields(t, values, errors, settingsFieldLabels(t, 'requests'));
  const field = (name: string, type: 'number' | 'time', hint?: string) => (
    <TextField {...bound(name)} type={type} hint={hint} required />
  );
  return (
    <SectionForm {...props} lead={t('settings.requests.lead')}>
      <fieldset>
        <legend>{t('settings.requests.leadTime')}</legend>
        {field('leadTimeCutoff', 'time', t('settings.requests.leadTimeCutoffHint'))}
        {field('firstRequestLeadDays', 'number', t('settings.requests.firstRequestLeadDaysHint'))}
      </fieldset>
      <fieldset aria-describedby="settings-service-hint">
        <legend>{t('settings.requests.hours')}</legend>
        <p class="hint" id="settings-service-hint">
          {t('settings.requests.serviceHint')}
        </p>
        {field('serviceStart', 'time')}
        {field('serviceEnd', 'time')}
      </fieldset>
      <fieldset>
        <legend>{t('settings.requests.matching')}</legend>
        {field('offerExpiryHours', 'number', t('settings.requests.offerExpiryHoursHint'))}
        {field('plannerMaxPerDay', 'number', t('settings.requests.plannerMaxPerDayHint'))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.requests.safety')}</legend>
        {field('maxSiblings', 'number', t('settings.requests.maxSiblingsHint'))}
        <SelectField
          {...bound('carTransportAllowed')}
          label={t('settings.requests.carTransportAllowed')}
          options={[
            { value: 'false', label: t('settings.requests.car.no') },
            { value: 'true', label: t('settings.requests.car.yes') },
          ]}
          required
        />
        <SelectField
          {...bound('handoverTo')}
          label={t('settings.requests.handoverTo')}
          options={HANDOVER_RULES.map((rule) => ({
            value: rule,
            label: t(`safety.handover.${rule}`),
          }))}
          required
        />
      </fieldset>
    </SectionForm>
  );
}

function ReportsSection(props: SectionProps) {
  const { t } = props;
  return (
    <SectionForm {...props} lead={t('settings.reports.lead')}>
      <NumberSetting
        {...props}
        name="activityReportDueDay"
        label={t('settings.reports.activityReportDueDay')}
        hint={t('settings.reports.activityReportDueDayHint')}
      />
      <NumberSetting
        {...props}
        name="activityStartWindowMinutes"
        label={t('settings.reports.activityStartWindowMinutes')}
        hint={t('settings.reports.activityStartWindowMinutesHint')}
      />
    </SectionForm>
  );
}

function TrainingSection(props: SectionProps) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.training.lead')}>
      <TextField
        {...field('expiryNoticeDays')}
        label={t('settings.training.expiryNoticeDays')}
        hint={t('settings.training.expiryNoticeDaysHint')}
      />
    </SectionForm>
  );
}
