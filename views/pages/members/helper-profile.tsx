import { areaOptions } from '../../../src/i18n/area-labels.js';
import {
  ErrorSummary,
  SubmitButton,
  type FormErrors,
  BackToMy,
  Checkbox,
  CheckboxGroup,
  fieldId,
  RadioGroup,
  RuleAlert,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import { CATEGORIES, categoryLabel } from '../../../src/i18n/category-labels.js';

export interface HelperProfileValues {
  areas: string[];
  categories: string[];
  ageMinYears: string;
  ageMinMonths: string;
  ageMaxYears: string;
  ageMaxMonths: string;
  maxChildren: string;
  hasPets: boolean;
  smokerInHome: boolean;
  preschoolersAtHome: boolean;
  householdNotes: string;
}

export function HelperProfilePage(props: {
  ctx: ViewContext;
  areas: Area[];
  values: HelperProfileValues;
  errors: FormErrors;
  ruleError?: string | undefined;
}) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const labels = {
    helperAreas: t('my.helper.areas'),
    helperCategories: t('my.helper.categories'),
    helperChildAgeMinMonths: `${t('my.helper.ages')} ${t('my.helper.ageMin')}`,
    helperChildAgeMaxMonths: `${t('my.helper.ages')} ${t('my.helper.ageMax')}`,
    helperMaxChildren: t('my.helper.maxChildren'),
    helperHouseholdNotes: t('my.helper.notes'),
  };
  const field = bindFields(t, {}, errors, labels);
  return (
    <Layout ctx={ctx} title={t('my.helper.title')}>
      <BackToMy t={t} />
      <h1>{t('my.helper.title')}</h1>
      <p>{t('my.helper.lead')}</p>
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/my/helper-profile" novalidate class="member-form">
        <CheckboxGroup
          name="helperAreas"
          legend={labels.helperAreas}
          hint={t('my.helper.areasHint')}
          options={areaOptions(props.areas, locale)}
          checked={values.areas}
          error={errors.helperAreas}
          columns
        />
        <CheckboxGroup
          name="helperCategories"
          legend={labels.helperCategories}
          hint={t('my.helper.categoriesHint')}
          options={CATEGORIES.map((n) => ({
            value: String(n),
            label:
              n === 10
                ? `${categoryLabel(t, n)}（${t('category.sickChildTrainingNote')}）`
                : categoryLabel(t, n),
          }))}
          checked={values.categories}
          error={errors.helperCategories}
        />
        <fieldset class="field choice-group" aria-describedby="helper-ages-hint">
          <legend>{t('my.helper.ages')}</legend>
          <p class="hint" id="helper-ages-hint">
            {t('my.helper.agesHint')}
          </p>
          <AgeInput
            t={t}
            label={t('my.helper.ageMin')}
            prefix="ageMin"
            errorKey="helperChildAgeMinMonths"
            years={values.ageMinYears}
            months={values.ageMinMonths}
            error={errors.helperChildAgeMinMonths}
          />
          <AgeInput
            t={t}
            label={t('my.helper.ageMax')}
            prefix="ageMax"
            errorKey="helperChildAgeMaxMonths"
            years={values.ageMaxYears}
            months={values.ageMaxMonths}
            error={errors.helperChildAgeMaxMonths}
          />
        </fieldset>
        <RadioGroup
          {...field('helperMaxChildren')}
          legend={labels.helperMaxChildren}
          value={values.maxChildren}
          inline
          options={['1', '2', '3'].map((n) => ({
            value: n,
            label: t('my.helper.maxChildrenOption', { n }),
          }))}
        />
        <fieldset class="field choice-group" aria-describedby="helper-household-hint">
          <legend>{t('my.helper.household')}</legend>
          <p class="hint" id="helper-household-hint">
            {t('my.helper.householdHint')}
          </p>
          <Checkbox name="helperHasPets" label={t('my.helper.hasPets')} checked={values.hasPets} />
          <Checkbox
            name="helperSmokerInHome"
            label={t('my.helper.smokerInHome')}
            checked={values.smokerInHome}
          />
          <Checkbox
            name="helperPreschoolersAtHome"
            label={t('my.helper.preschoolersAtHome')}
            checked={values.preschoolersAtHome}
          />
        </fieldset>
        <TextareaField
          {...field('helperHouseholdNotes')}
          hint={t('my.helper.notesHint')}
          value={values.householdNotes}
          rows={3}
          maxlength={1000}
        />
        <SubmitButton>{t('my.helper.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** An age as years and months, two short numeric inputs in a row. */
function AgeInput(props: {
  t: Translator;
  label: string;
  prefix: string;
  errorKey: string;
  years: string;
  months: string;
  error?: string | undefined;
}) {
  const { t } = props;
  const yearsId = fieldId(props.errorKey);
  const monthsId = fieldId(`${props.prefix}.months`);
  const errorId = `${yearsId}-error`;
  const parts = [
    { unit: 'years', id: yearsId, value: props.years },
    { unit: 'months', id: monthsId, value: props.months },
  ] as const;
  return (
    <fieldset class={props.error ? 'age-input field--error' : 'age-input'}>
      <legend>{props.label}</legend>
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      <div class="age-input__row">
        {parts.map((part) => (
          <span class="age-input__part">
            <input
              id={part.id}
              name={`${props.prefix}.${part.unit}`}
              type="text"
              inputmode="numeric"
              maxlength={2}
              value={part.value}
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? errorId : undefined}
            />
            <label for={part.id}>{t(`my.helper.${part.unit}`)}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
