import type { Child } from 'hono/jsx';
import {
  ErrorSummary,
  TextField,
  SelectField,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { HANDOVER_RULES } from '../../../src/modules/settings/settings.schemas.js';

/** The sections the page edits, in page order; each has its own form posting to /settings/<key>. */
export const SETTINGS_PAGE_SECTIONS = [
  'labels',
  'areas',
  'eligibility',
  'retention',
  'consent',
  'requests',
  'reports',
  'training',
] as const;
export type SettingsPageSection = (typeof SETTINGS_PAGE_SECTIONS)[number];

/** A section's form fields as the browser sends them (field name → text). */
export type SectionValues = Record<string, string>;

export interface SettingsPageProps {
  ctx: ViewContext;
  values: Record<SettingsPageSection, SectionValues>;
  /** The section whose post was refused, with a message per field. */
  invalid?: { section: SettingsPageSection; errors: FormErrors } | undefined;
}

const MEMBER_TYPES = ['requester', 'helper', 'both'] as const;
const CHILD_UNTIL = ['end_of_preschool', 'end_of_elementary', 'end_of_junior_high'] as const;

/** Field name → visible label, for the error summary of each section. */
export function settingsFieldLabels(
  t: Translator,
  section: SettingsPageSection,
): Record<string, string> {
  switch (section) {
    case 'labels':
      return Object.fromEntries(
        MEMBER_TYPES.flatMap((type) => [
          [`${type}.ja`, `${t(`settings.labels.${type}`)} ${t('settings.labels.ja')}`],
          [`${type}.en`, `${t(`settings.labels.${type}`)} ${t('settings.labels.en')}`],
        ]),
      );
    case 'areas':
      return { areas: t('settings.areas.field') };
    case 'eligibility':
      return {
        requesterChildMinAgeDays: t('settings.eligibility.requesterChildMinAgeDays'),
        requesterChildUntil: t('settings.eligibility.requesterChildUntil'),
        helperMinAgeYears: t('settings.eligibility.helperMinAgeYears'),
        infantMonths: t('settings.eligibility.infantMonths'),
        infantMaxHours: t('settings.eligibility.infantMaxHours'),
      };
    case 'retention':
      return { withdrawnMemberYears: t('settings.retention.withdrawnMemberYears') };
    case 'consent':
      return {
        termsVersion: t('settings.consent.termsVersion'),
        healthDataVersion: t('settings.consent.healthDataVersion'),
      };
    case 'requests':
      return {
        leadTimeCutoff: t('settings.requests.leadTimeCutoff'),
        firstRequestLeadDays: t('settings.requests.firstRequestLeadDays'),
        serviceStart: t('settings.requests.serviceStart'),
        serviceEnd: t('settings.requests.serviceEnd'),
        offerExpiryHours: t('settings.requests.offerExpiryHours'),
        plannerMaxPerDay: t('settings.requests.plannerMaxPerDay'),
        maxSiblings: t('settings.requests.maxSiblings'),
        carTransportAllowed: t('settings.requests.carTransportAllowed'),
        handoverTo: t('settings.requests.handoverTo'),
      };
    case 'reports':
      return {
        activityReportDueDay: t('settings.reports.activityReportDueDay'),
        activityStartWindowMinutes: t('settings.reports.activityStartWindowMinutes'),
      };
    case 'training':
      return { expiryNoticeDays: t('settings.training.expiryNoticeDays') };
  }
}

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
      <ConsentSection {...common('consent')} />
      <RequestsSection {...common('requests')} />
      <ReportsSection {...common('reports')} />
      <TrainingSection {...common('training')} />
    </Layout>
  );
}

interface SectionProps {
  t: Translator;
  section: SettingsPageSection;
  values: SectionValues;
  errors: FormErrors;
}

/** One card: heading, explanation, the section's error summary and its own form. */
function SectionForm(props: SectionProps & { lead: string; children: Child }) {
  const { t, section } = props;
  const titleId = `settings-${section}-title`;
  return (
    <section class="card" id={`settings-${section}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`settings.section.${section}`)}</h2>
      <p>{props.lead}</p>
      <ErrorSummary t={t} errors={props.errors} labels={settingsFieldLabels(t, section)} />
      <form method="post" action={`/settings/${section}`} novalidate>
        {props.children}
        <SubmitButton>{t('settings.save')}</SubmitButton>
      </form>
    </section>
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

function EligibilitySection(props: SectionProps) {
  const { t, values, errors } = props;
  const number = (name: string, label: string, hint: string) => (
    <TextField
      t={t}
      name={name}
      type="number"
      label={label}
      hint={hint}
      value={values[name]}
      error={errors[name]}
      required
    />
  );
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.eligibility.lead')}>
      <fieldset>
        <legend>{t('settings.eligibility.requester')}</legend>
        {number(
          'requesterChildMinAgeDays',
          t('settings.eligibility.requesterChildMinAgeDays'),
          t('settings.eligibility.requesterChildMinAgeDaysHint'),
        )}
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
        {number(
          'helperMinAgeYears',
          t('settings.eligibility.helperMinAgeYears'),
          t('settings.eligibility.helperMinAgeYearsHint'),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('settings.eligibility.infant')}</legend>
        {number(
          'infantMonths',
          t('settings.eligibility.infantMonths'),
          t('settings.eligibility.infantMonthsHint'),
        )}
        {number(
          'infantMaxHours',
          t('settings.eligibility.infantMaxHours'),
          t('settings.eligibility.infantMaxHoursHint'),
        )}
      </fieldset>
    </SectionForm>
  );
}

function RetentionSection(props: SectionProps) {
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.retention.lead')}>
      <TextField
        {...field('withdrawnMemberYears')}
        type="number"
        label={t('settings.retention.withdrawnMemberYears')}
        hint={t('settings.retention.withdrawnMemberYearsHint')}
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
  const { t, values, errors } = props;
  const field = bindFields(t, values, errors);
  return (
    <SectionForm {...props} lead={t('settings.reports.lead')}>
      <TextField
        {...field('activityReportDueDay')}
        type="number"
        label={t('settings.reports.activityReportDueDay')}
        hint={t('settings.reports.activityReportDueDayHint')}
        required
      />
      <TextField
        t={t}
        name="activityStartWindowMinutes"
        type="number"
        label={t('settings.reports.activityStartWindowMinutes')}
        hint={t('settings.reports.activityStartWindowMinutesHint')}
        value={values.activityStartWindowMinutes}
        error={errors.activityStartWindowMinutes}
        required
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

/** A labelled textarea, laid out and described like `Field`. */
function TextareaField(props: {
  t: Translator;
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
  required?: boolean;
}) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required && <span class="required">{props.t('form.required')}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        required={props.required}
        spellcheck={false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}
