import { areaOptions } from '../../../src/i18n/area-labels.js';
import {
  ErrorSummary,
  SubmitButton,
  type FormErrors,
  Checkbox,
  fieldId,
  RadioGroup,
  RuleAlert,
  SelectField,
  TextareaField,
  TextField,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type {
  Area,
  ConsentVersions,
  MemberTypeLabels,
} from '../../../src/modules/settings/settings.schemas.js';
import { kindLabel, sexOptions } from './labels.js';
import { HealthDataTerms } from './health-data-terms.js';

/** Without JavaScript the form has fixed slots; empty slots are ignored when it is read. */
export const CHILD_SLOTS = 2;
export const CONTACT_SLOTS = 3;
export const CHILD_FIELDS = [
  'name',
  'nameKana',
  'sex',
  'birthDate',
  'school',
  'allergies',
  'healthNotes',
  'familyDoctor',
] as const;
export const CONTACT_FIELDS = ['name', 'relation', 'phone'] as const;

export interface ApplicationFormProps {
  ctx: ViewContext;
  /** `self`: the public application; `staff`: staff entering a paper or phone application. */
  mode: 'self' | 'staff';
  action: string;
  values: Record<string, string>;
  errors: FormErrors;
  /** A rule's plain-words message (422), shown above the form. */
  ruleError?: string | undefined;
  areas: Area[];
  labels: MemberTypeLabels;
  consent: ConsentVersions;
  minChildDays: number;
}

const slots = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Labels for the error summary, by field name (nested names included). */
export function applicationFieldLabels(t: Translator, mode: 'self' | 'staff') {
  const labels: Record<string, string> = {
    kind: t('memberField.kind'),
    name: t('memberField.name'),
    nameKana: t('memberField.nameKana'),
    birthDate: t('memberField.birthDate'),
    phone: t('memberField.phone'),
    postalCode: t('memberField.postalCode'),
    address: t('memberField.address'),
    area: t('memberField.area'),
    email: t('memberField.email'),
    password: t(mode === 'staff' ? 'apply.staffPassword' : 'memberField.password'),
    children: t('apply.childrenLegend'),
    emergencyContacts: t('apply.contactsLegend'),
    'consent.terms': t('apply.consentTerms'),
    'consent.healthData': t('apply.consentHealth'),
  };
  const childLabels = {
    name: t('childField.name'),
    nameKana: t('childField.nameKana'),
    sex: t('childField.sex'),
    birthDate: t('childField.birthDate'),
    school: t('childField.school'),
    allergies: t('childField.allergies'),
    healthNotes: t('childField.healthNotes'),
    familyDoctor: t('childField.familyDoctor'),
  };
  for (const i of slots(CHILD_SLOTS)) {
    for (const f of CHILD_FIELDS)
      labels[`children.${i}.${f}`] = `${t('apply.childLegend', { n: i + 1 })} ${childLabels[f]}`;
  }
  const contactLabels = {
    name: t('contactField.name'),
    relation: t('contactField.relation'),
    phone: t('contactField.phone'),
  };
  for (const i of slots(CONTACT_SLOTS)) {
    for (const f of CONTACT_FIELDS)
      labels[`emergencyContacts.${i}.${f}`] =
        `${t('apply.contactLegend', { n: i + 1 })} ${contactLabels[f]}`;
  }
  return labels;
}

export function ApplicationFormPage(props: ApplicationFormProps) {
  const { ctx, values, errors, mode } = props;
  const { t, locale } = ctx;
  const title = t(mode === 'staff' ? 'apply.staffTitle' : 'apply.title');
  const v = (name: string) => values[name];
  const e = (name: string) => errors[name];
  const sent = Object.keys(errors).length > 0 || props.ruleError !== undefined;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {mode === 'staff' ? (
        <p>{t('apply.staffLead')}</p>
      ) : (
        <>
          <p>{t('apply.lead')}</p>
          <p>{t('apply.steps')}</p>
        </>
      )}
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />
      <ErrorSummary t={t} errors={errors} labels={applicationFieldLabels(t, mode)} />
      <form method="post" action={props.action} novalidate class="member-form apply-form">
        <RadioGroup
          t={t}
          name="kind"
          legend={t('apply.kindLegend')}
          value={v('kind')}
          error={e('kind')}
          required
          options={(['requester', 'helper', 'both'] as const).map((kind) => ({
            value: kind,
            label: kindLabel(props.labels, kind, locale),
            hint: t(`apply.kind.${kind}Hint`),
          }))}
        />

        <fieldset class="form-section">
          <legend>{t('apply.youLegend')}</legend>
          <TextField
            t={t}
            name="name"
            label={t('memberField.name')}
            hint={t('hint.name')}
            value={v('name')}
            error={e('name')}
            required
            autocomplete={mode === 'staff' ? 'off' : 'name'}
            maxlength={100}
          />
          <TextField
            t={t}
            name="nameKana"
            label={t('memberField.nameKana')}
            hint={t('hint.kana')}
            value={v('nameKana')}
            error={e('nameKana')}
            required
            autocomplete="off"
            maxlength={100}
          />
          <TextField
            t={t}
            name="birthDate"
            type="date"
            label={t('memberField.birthDate')}
            hint={t('hint.birthDate')}
            value={v('birthDate')}
            error={e('birthDate')}
            required
            autocomplete={mode === 'staff' ? 'off' : 'bday'}
          />
          <TextField
            t={t}
            name="phone"
            type="tel"
            label={t('memberField.phone')}
            hint={t('hint.phone')}
            value={v('phone')}
            error={e('phone')}
            required
            autocomplete={mode === 'staff' ? 'off' : 'tel'}
            maxlength={30}
          />
          <TextField
            t={t}
            name="postalCode"
            label={t('memberField.postalCode')}
            hint={t('hint.postalCode')}
            value={v('postalCode')}
            error={e('postalCode')}
            autocomplete={mode === 'staff' ? 'off' : 'postal-code'}
            inputmode="numeric"
            maxlength={10}
            size="short"
          />
          <TextField
            t={t}
            name="address"
            label={t('memberField.address')}
            hint={t('hint.address')}
            value={v('address')}
            error={e('address')}
            required
            autocomplete={mode === 'staff' ? 'off' : 'street-address'}
            maxlength={200}
          />
          <SelectField
            t={t}
            name="area"
            label={t('memberField.area')}
            hint={t('hint.area')}
            value={v('area')}
            error={e('area')}
            required
            placeholder={t('hint.choose')}
            options={areaOptions(props.areas, locale)}
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('apply.accountLegend')}</legend>
          <TextField
            t={t}
            name="email"
            type="email"
            label={t('memberField.email')}
            hint={t('hint.email')}
            value={v('email')}
            error={e('email')}
            required
            autocomplete={mode === 'staff' ? 'off' : 'email'}
            maxlength={254}
          />
          <TextField
            t={t}
            name="password"
            type="password"
            label={t(mode === 'staff' ? 'apply.staffPassword' : 'memberField.password')}
            hint={
              // After a refused submit the page shows every value again but the password.
              sent
                ? `${t('apply.passwordNotKept')} ${t(mode === 'staff' ? 'apply.staffPasswordHint' : 'apply.passwordHint')}`
                : t(mode === 'staff' ? 'apply.staffPasswordHint' : 'apply.passwordHint')
            }
            error={e('password')}
            required
            autocomplete={mode === 'staff' ? 'off' : 'new-password'}
            maxlength={128}
          />
        </fieldset>

        <fieldset class="form-section requester-only">
          <legend>{t('apply.childrenLegend')}</legend>
          <p class="hint">{t('apply.childrenLead', { minDays: props.minChildDays })}</p>
          <GroupError id={fieldId('children')} error={e('children')} />
          {slots(CHILD_SLOTS).map((i) => (
            <ChildSlot t={t} index={i} values={values} errors={errors} />
          ))}
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('apply.contactsLegend')}</legend>
          <p class="hint">{t('apply.contactsLead')}</p>
          <GroupError id={fieldId('emergencyContacts')} error={e('emergencyContacts')} />
          {slots(CONTACT_SLOTS).map((i) => (
            <ContactSlot t={t} index={i} values={values} errors={errors} />
          ))}
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('apply.consentLegend')}</legend>
          <details class="terms">
            <summary>{t('apply.termsTitle', { version: props.consent.termsVersion })}</summary>
            <ul>
              {([1, 2, 3, 4, 5] as const).map((n) => (
                <li>{t(`apply.terms.${n}`)}</li>
              ))}
            </ul>
            <p>{t('apply.termsFull')}</p>
          </details>
          <Checkbox
            t={t}
            name="consent.terms"
            label={t('apply.consentTerms')}
            checked={v('consent.terms') === 'yes'}
            error={e('consent.terms')}
            hint={mode === 'staff' ? t('apply.staffConsentHint') : undefined}
            required
          />
          <HealthDataTerms t={t} version={props.consent.healthDataVersion} />
          <Checkbox
            name="consent.healthData"
            label={t('apply.consentHealth')}
            checked={v('consent.healthData') === 'yes'}
            error={e('consent.healthData')}
            hint={t(mode === 'staff' ? 'apply.staffConsentHint' : 'apply.consentHealthHint')}
          />
        </fieldset>

        <SubmitButton>{t(mode === 'staff' ? 'apply.staffSubmit' : 'apply.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** A message for a whole group (e.g. "two emergency contacts"), linked from the summary. */
function GroupError(props: { id: string; error?: string | undefined }) {
  return (
    <div id={props.id} tabindex={-1} class="group-error-anchor">
      {props.error && <p class="field-error">{props.error}</p>}
    </div>
  );
}

function ChildSlot(props: {
  t: Translator;
  index: number;
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { t, index } = props;
  const n = (f: string) => `children.${index}.${f}`;
  const v = (f: string) => props.values[n(f)];
  const e = (f: string) => props.errors[n(f)];
  // The first child is needed from requesters; a second one only when there is one.
  const required = index === 0;
  return (
    <fieldset class="slot">
      <legend>
        {t('apply.childLegend', { n: index + 1 })}
        {index > 0 && <span class="legend-note">{t('apply.childOptional')}</span>}
      </legend>
      <TextField
        t={t}
        name={n('name')}
        label={t('childField.name')}
        hint={t('hint.childName')}
        value={v('name')}
        error={e('name')}
        required={required}
        autocomplete="off"
        maxlength={100}
      />
      <TextField
        t={t}
        name={n('nameKana')}
        label={t('childField.nameKana')}
        hint={t('hint.kanaShort')}
        value={v('nameKana')}
        error={e('nameKana')}
        required={required}
        autocomplete="off"
        maxlength={100}
      />
      <RadioGroup
        t={t}
        name={n('sex')}
        legend={t('childField.sex')}
        value={v('sex')}
        error={e('sex')}
        inline
        options={sexOptions(t)}
      />
      <TextField
        t={t}
        name={n('birthDate')}
        type="date"
        label={t('childField.birthDate')}
        hint={t('hint.childBirthDate')}
        value={v('birthDate')}
        error={e('birthDate')}
        required={required}
        autocomplete="off"
      />
      <TextField
        t={t}
        name={n('school')}
        label={t('childField.school')}
        hint={t('childField.schoolHint')}
        value={v('school')}
        error={e('school')}
        autocomplete="off"
        maxlength={100}
      />
      <HealthFields
        t={t}
        prefix={`children.${index}.`}
        values={props.values}
        errors={props.errors}
      />
    </fieldset>
  );
}

/** Allergies, health notes and family doctor: the sensitive fields, grouped and explained. */
export function HealthFields(props: {
  t: Translator;
  prefix: string;
  values: Record<string, string | undefined>;
  errors: FormErrors;
}) {
  const { t, prefix } = props;
  const n = (f: string) => `${prefix}${f}`;
  return (
    <fieldset class="health-fields">
      <legend>{t('childField.healthLegend')}</legend>
      <p class="hint">{t('childField.healthLead')}</p>
      <TextareaField
        t={t}
        name={n('allergies')}
        label={t('childField.allergies')}
        hint={t('childField.allergiesHint')}
        value={props.values[n('allergies')]}
        error={props.errors[n('allergies')]}
        rows={2}
        maxlength={1000}
      />
      <TextareaField
        t={t}
        name={n('healthNotes')}
        label={t('childField.healthNotes')}
        hint={t('childField.healthNotesHint')}
        value={props.values[n('healthNotes')]}
        error={props.errors[n('healthNotes')]}
        rows={3}
        maxlength={2000}
      />
      <TextField
        t={t}
        name={n('familyDoctor')}
        label={t('childField.familyDoctor')}
        hint={t('childField.familyDoctorHint')}
        value={props.values[n('familyDoctor')]}
        error={props.errors[n('familyDoctor')]}
        autocomplete="off"
        maxlength={200}
      />
    </fieldset>
  );
}

function ContactSlot(props: {
  t: Translator;
  index: number;
  values: Record<string, string>;
  errors: FormErrors;
}) {
  const { t, index } = props;
  return (
    <fieldset class="slot">
      <legend>
        {t('apply.contactLegend', { n: index + 1 })}
        {index === CONTACT_SLOTS - 1 && (
          <span class="legend-note">{t('apply.contactOptional')}</span>
        )}
      </legend>
      <ContactFields
        t={t}
        prefix={`emergencyContacts.${index}.`}
        values={props.values}
        errors={props.errors}
        required={index < 2}
      />
    </fieldset>
  );
}

/** Name, relationship and phone of a contact (emergency contact or pick-up person). */
export function ContactFields(props: {
  t: Translator;
  prefix: string;
  values: Record<string, string | undefined>;
  errors: FormErrors;
  required?: boolean;
}) {
  const { t, prefix } = props;
  const n = (f: string) => `${prefix}${f}`;
  return (
    <>
      <TextField
        t={t}
        name={n('name')}
        label={t('contactField.name')}
        value={props.values[n('name')]}
        error={props.errors[n('name')]}
        required={props.required}
        autocomplete="off"
        maxlength={100}
      />
      <TextField
        t={t}
        name={n('relation')}
        label={t('contactField.relation')}
        hint={t('contactField.relationHint')}
        value={props.values[n('relation')]}
        error={props.errors[n('relation')]}
        required={props.required}
        autocomplete="off"
        maxlength={50}
        size="short"
      />
      <TextField
        t={t}
        name={n('phone')}
        type="tel"
        label={t('contactField.phone')}
        hint={t('hint.phoneExample')}
        value={props.values[n('phone')]}
        error={props.errors[n('phone')]}
        required={props.required}
        autocomplete="off"
        maxlength={30}
      />
    </>
  );
}
