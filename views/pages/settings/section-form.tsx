import type { Child } from 'hono/jsx';
import {
  ErrorSummary,
  FieldFrame,
  SubmitButton,
  describedBy,
  type FormErrors,
} from '../../components/form-fields.js';
import type { Translator } from '../../../src/lib/i18n.js';

/**
 * The settings page's sections (their order and field labels), the card each is shown in, and
 * the textarea its list sections use.
 */

/** The sections the page edits, in page order; each has its own form posting to /settings/<key>. */
export const SETTINGS_PAGE_SECTIONS = [
  'labels',
  'areas',
  'eligibility',
  'retention',
  'renewal',
  'consent',
  'requests',
  'reports',
  'training',
  'programme',
] as const;
export type SettingsPageSection = (typeof SETTINGS_PAGE_SECTIONS)[number];

/** A section's form fields as the browser sends them (field name → text). */
export type SectionValues = Record<string, string>;

const MEMBER_TYPES = ['requester', 'helper', 'both'] as const;
/** The programme section's fields (issue #20), named `programme.<field>` in its form. */
export const PROGRAMME_FIELDS = [
  'enabled',
  'serviceStart',
  'serviceEnd',
  'overnight',
  'maxHours',
  'partners',
  'exclusions',
] as const;

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
    case 'renewal':
      return { opensMonthsBefore: t('settings.renewal.opensMonthsBefore') };
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
    case 'programme':
      return Object.fromEntries(
        PROGRAMME_FIELDS.map((name) => [`programme.${name}`, t(`settings.programme.${name}`)]),
      );
  }
}

export interface SectionProps {
  t: Translator;
  section: SettingsPageSection;
  values: SectionValues;
  errors: FormErrors;
}

/** One card: heading, explanation, the section's error summary and its own form. */
export function SectionForm(props: SectionProps & { lead: string; children: Child }) {
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

/** A labelled textarea, laid out and described like `Field`. */
export function TextareaField(props: {
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
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        required={props.required}
        spellcheck={false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}
