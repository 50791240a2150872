import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  Checkbox,
  ErrorSummary,
  SelectField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate, yen } from '../../format.js';
import { appliesFromTheStart } from '../../../src/modules/fees/fee-table.js';
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
  const sorted = [...props.sets].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const current = sorted.find((x) => x.validFrom <= props.today);
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
      <ul class="act-list">
        {sorted.map((x) => {
          const state =
            x === current ? 'current' : x.validFrom > props.today ? 'scheduled' : 'past';
          const id = `rules-${x.validFrom}`;
          return (
            <li class="act-item">
              <h2 class="act-item__title" id={id}>
                {appliesFromTheStart(x.validFrom)
                  ? t('feeTables.fromTheStart')
                  : t('feeTables.validFrom', { date: formatDate(x.validFrom, locale) })}{' '}
                <StatusBadge kind="feeTable" status={state}>
                  {t(`feeTables.state.${state}`)}
                </StatusBadge>
              </h2>
              <dl class="summary-list">
                {x.categories.map((r) => (
                  <div>
                    <dt>{t(`subsidies.category.${r.category}`)}</dt>
                    <dd>{ruleSummary(t, locale, r)}</dd>
                  </div>
                ))}
                <div>
                  <dt>{t('subsidyRules.freeChildcare')}</dt>
                  <dd>
                    {t('subsidyRules.fcValue', {
                      older: yen(x.freeChildcare.capAge3to5, locale),
                      younger: yen(x.freeChildcare.capAge0to2TaxExempt, locale),
                    })}
                    {x.freeChildcare.paidFirst ? ` / ${t('subsidyRules.field.paidFirst')}` : ''}
                  </dd>
                </div>
              </dl>
              {state === 'scheduled' && (
                <form method="post" action={`/settings/subsidies/rules/${x.validFrom}/delete`}>
                  <button type="submit" class="button button--danger" aria-describedby={id}>
                    {t('feeTables.delete')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="add-title" class="card">
        <h2 id="add-title">{t('subsidyRules.addTitle')}</h2>
        <p>{t('subsidyRules.addLead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <form method="post" action="/settings/subsidies/rules" class="member-form" novalidate>
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
          <button type="submit" class="button button--primary">
            {t('subsidyRules.add')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
