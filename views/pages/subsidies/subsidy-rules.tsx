import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  Checkbox,
  SelectField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import { AddVersionForm, DatedVersionList } from '../../components/dated-versions.js';
import { yen } from '../../format.js';
import { SUBSIDY_CATEGORIES } from '../../../src/modules/subsidies/eligibility-rules.js';
import type { CategoryRule, SubsidyRuleSet } from '../../../src/modules/settings/subsidy-rules.js';
import {
  CATEGORY_FLAG_FIELDS,
  CATEGORY_NUMBER_FIELDS,
  FREE_CHILDCARE_NUMBER_FIELDS,
  type SubsidyRulesFormValues,
} from '../../../src/modules/subsidies/subsidy-rules-form.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Locale } from '../../../db/schema.js';
import { StaffBackLink } from '../../components/back-link.js';

/**
 * Subsidy rules (issue #18 point 4), for admins: every rule set with the date it applies from,
 * and a form to add a new one (it starts as a copy of the latest). Claims use, for each
 * activity, the rule set in force on its date.
 */

function ruleSummary(t: Translator, locale: Locale, r: CategoryRule): string {
  if (!r.enabled) return t('subsidyRules.notSubsidised');
  const amount =
    r.basis === 'rate'
      ? t('subsidyRules.rateValue', { percent: r.ratePercent })
      : t('subsidyRules.perHourValue', { amount: yen(r.perHourYen, locale) });
  const cap = t(`subsidyRules.capValue.${r.capPer}`, { amount: yen(r.monthlyCap, locale) });
  const excluded = (['excludeCosts', 'excludeCancellationFees', 'excludeTransportOnly'] as const)
    .filter((f) => r[f])
    .map((f) => t(`subsidyRules.field.${f}`));
  return [
    amount,
    cap,
    excluded.length ? t('subsidyRules.excludedValue', { list: excluded.join('・') }) : '',
    r.paidFirst ? t('subsidyRules.field.paidFirst') : '',
  ]
    .filter(Boolean)
    .join(' / ');
}

export function SubsidyRulesPage(props: {
  ctx: ViewContext;
  sets: SubsidyRuleSet[];
  today: string;
  values: SubsidyRulesFormValues;
  errors: FormErrors;
}) {
  const { ctx, values: v, errors } = props;
  const { t, locale } = ctx;
  const labels: Record<string, string> = { validFrom: t('subsidyRules.field.validFrom') };
  for (const c of SUBSIDY_CATEGORIES) {
    const name = t(`subsidies.category.${c}`);
    for (const f of [...CATEGORY_NUMBER_FIELDS, ...CATEGORY_FLAG_FIELDS, 'basis', 'capPer'])
      labels[`${c}.${f}`] =
        `${name}：${t(`subsidyRules.field.${f}` as 'subsidyRules.field.basis')}`;
  }
  for (const f of [...FREE_CHILDCARE_NUMBER_FIELDS, 'paidFirst'])
    labels[`freeChildcare.${f}`] = t(`subsidyRules.fc.${f}` as 'subsidyRules.fc.paidFirst');
  const field = bindFields(t, v, errors, labels);
  const flag = (name: string) => (
    <Checkbox
      name={name}
      label={t(`subsidyRules.check.${name.split('.').at(-1)!}` as 'subsidyRules.check.paidFirst')}
      checked={v[name] === 'yes'}
      error={errors[name]}
    />
  );
  return (
    <Layout ctx={ctx} title={t('subsidyRules.title')}>
      <StaffBackLink href="/settings" label={t('feeTables.backToSettings')} />
      <h1>{t('subsidyRules.title')}</h1>
      <p>{t('subsidyRules.lead')}</p>
      <DatedVersionList
        ctx={ctx}
        versions={props.sets}
        today={props.today}
        idPrefix="rules"
        deletePath="/settings/subsidies/rules"
        rows={(x) => [
          ...x.categories.map((r): [string, string] => [
            t(`subsidies.category.${r.category}`),
            ruleSummary(t, locale, r),
          ]),
          [
            t('subsidyRules.freeChildcare'),
            t('subsidyRules.fcValue', {
              older: yen(x.freeChildcare.capAge3to5, locale),
              younger: yen(x.freeChildcare.capAge0to2TaxExempt, locale),
            }) + (x.freeChildcare.paidFirst ? ` / ${t('subsidyRules.field.paidFirst')}` : ''),
          ],
        ]}
      />
      <AddVersionForm
        ctx={ctx}
        title={t('subsidyRules.addTitle')}
        lead={t('subsidyRules.addLead')}
        action="/settings/subsidies/rules"
        submit={t('subsidyRules.add')}
        errors={errors}
        labels={labels}
      >
        <TextField {...field('validFrom')} type="date" required />
        {SUBSIDY_CATEGORIES.map((c) => (
          <fieldset class="form-section">
            <legend>{t(`subsidies.category.${c}`)}</legend>
            {flag(`${c}.enabled`)}
            <SelectField
              {...field(`${c}.basis`)}
              label={t('subsidyRules.field.basis')}
              options={[
                { value: 'rate', label: t('subsidyRules.basis.rate') },
                { value: 'per_hour', label: t('subsidyRules.basis.per_hour') },
              ]}
            />
            <div class="act-times">
              {CATEGORY_NUMBER_FIELDS.map((f) => (
                <TextField
                  {...field(`${c}.${f}`)}
                  label={t(`subsidyRules.field.${f}`)}
                  inputmode="numeric"
                  size="short"
                />
              ))}
            </div>
            <SelectField
              {...field(`${c}.capPer`)}
              label={t('subsidyRules.field.capPer')}
              options={[
                { value: 'household', label: t('subsidyRules.capPer.household') },
                { value: 'child', label: t('subsidyRules.capPer.child') },
              ]}
            />
            {CATEGORY_FLAG_FIELDS.filter((f) => f !== 'enabled').map((f) => flag(`${c}.${f}`))}
          </fieldset>
        ))}
        <fieldset class="form-section">
          <legend>{t('subsidyRules.freeChildcare')}</legend>
          {FREE_CHILDCARE_NUMBER_FIELDS.map((f) => (
            <TextField {...field(`freeChildcare.${f}`)} inputmode="numeric" size="short" />
          ))}
          <Checkbox
            name="freeChildcare.paidFirst"
            label={t('subsidyRules.fc.paidFirst')}
            checked={v['freeChildcare.paidFirst'] === 'yes'}
          />
        </fieldset>
      </AddVersionForm>
    </Layout>
  );
}
