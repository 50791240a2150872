import {
  ErrorSummary,
  SubmitButton,
  type FormErrors,
  BackToMy,
  Checkbox,
  RadioGroup,
  RuleAlert,
  TextField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { HealthFields } from './application-form.js';
import { sexOptions } from './labels.js';
import { HealthDataTerms } from './health-data-terms.js';

export interface ChildFormProps {
  ctx: ViewContext;
  mode: 'new' | 'edit';
  action: string;
  /** The child's name as saved (edit only), for the title. */
  savedName?: string;
  values: Record<string, string | undefined>;
  errors: FormErrors;
  ruleError?: string | undefined;
  /** The member's health-data consent: when missing, the form asks for it. */
  consent: { at: string | null; version: string | null; currentVersion: string };
}

export function ChildFormPage(props: ChildFormProps) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const title =
    props.mode === 'new'
      ? t('my.child.newTitle')
      : t('my.child.editTitle', { name: props.savedName ?? '' });
  const labels = {
    name: t('childField.name'),
    nameKana: t('childField.nameKana'),
    sex: t('childField.sex'),
    birthDate: t('childField.birthDate'),
    school: t('childField.school'),
    allergies: t('childField.allergies'),
    healthNotes: t('childField.healthNotes'),
    familyDoctor: t('childField.familyDoctor'),
    healthConsent: t('apply.consentHealth'),
  };
  const field = bindFields(t, values, errors, labels);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="my-back-link">
        <a href="/my/children">{t('my.children.title')}</a>
      </p>
      <h1>{title}</h1>
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={props.action} novalidate class="member-form">
        <TextField
          {...field('name')}
          hint={t('hint.childName')}
          required
          autocomplete="off"
          maxlength={100}
        />
        <TextField
          {...field('nameKana')}
          hint={t('hint.kanaShort')}
          required
          autocomplete="off"
          maxlength={100}
        />
        <RadioGroup {...field('sex')} legend={labels.sex} inline options={sexOptions(t)} />
        <TextField
          {...field('birthDate')}
          type="date"
          hint={t('hint.childBirthDate')}
          required
          autocomplete="off"
        />
        <TextField
          {...field('school')}
          hint={t('childField.schoolHint')}
          autocomplete="off"
          maxlength={100}
        />
        <HealthFields t={t} prefix="" values={values} errors={errors} />
        {props.consent.at ? (
          <p class="hint">
            {t('my.child.consentGiven', {
              version: props.consent.version ?? '',
              date: formatDate(props.consent.at, locale),
            })}
          </p>
        ) : (
          <div class="consent-box">
            <HealthDataTerms t={t} version={props.consent.currentVersion} />
            <Checkbox
              name="healthConsent"
              label={t('apply.consentHealth')}
              hint={t('apply.consentHealthHint')}
              checked={values.healthConsent === 'yes'}
              error={errors.healthConsent}
            />
          </div>
        )}
        <SubmitButton>
          {t(props.mode === 'new' ? 'my.child.submitNew' : 'my.child.submitEdit')}
        </SubmitButton>
      </form>
      <BackToMy t={t} />
    </Layout>
  );
}
