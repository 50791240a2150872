import { ScrollTable } from '../../components/scroll-table.js';
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
import { ButtonForm } from './button-form.js';
import { hoursText, moduleTitle } from './training-text.js';
import { TrainingSubnav } from './training-subnav.js';
import type { ModuleView } from '../../../src/modules/trainings/trainings.views.js';

export interface CurriculumRow extends ModuleView {
  sortOrder: number;
  validityMode: 'months' | 'fiscal_year_end';
  validityMonths: number | null;
  active: boolean;
}

export interface ModuleFormValues {
  code?: string;
  titleJa?: string;
  titleEn?: string;
  hours?: string;
  kind?: string;
  validityMode?: string;
  validityMonths?: string;
}

export interface ValidityFormValues {
  moduleId?: string;
  validityMode?: string;
  validityMonths?: string;
}

/** How long a completion counts, in words (the table and the validity form's options). */
function validityText(
  t: ViewContext['t'],
  m: Pick<CurriculumRow, 'validityMode' | 'validityMonths'>,
): string {
  return m.validityMode === 'fiscal_year_end'
    ? t('training.validity.fiscalYear')
    : m.validityMonths === null
      ? t('training.validity.never')
      : t('training.validity.months', { months: m.validityMonths });
}

/** The curriculum; an administrator loads the standard one, adds modules and sets their validity. */
export function CurriculumPage(props: {
  ctx: ViewContext;
  modules: CurriculumRow[];
  isAdmin: boolean;
  pendingCount: number;
  values: ModuleFormValues;
  errors: FormErrors;
  validity: { values: ValidityFormValues; errors: FormErrors };
}) {
  const { t, locale } = props.ctx;
  const course = props.modules.filter((m) => m.active && (m.kind === 'basic' || m.kind === 'cpr'));
  const courseHours = Math.round(course.reduce((n, m) => n + m.hours, 0) * 100) / 100;
  const labels = {
    code: t('training.field.code'),
    titleJa: t('training.field.titleJa'),
    titleEn: t('training.field.titleEn'),
    hours: t('training.field.hours'),
    kind: t('training.field.kind'),
    validityMode: t('training.field.validityMode'),
    validityMonths: t('training.field.validityMonths'),
  };
  const field = bindFields(t, props.values, props.errors, labels);
  const validityLabels = {
    moduleId: t('training.curriculum.validityModule'),
    validityMode: t('training.field.validityMode'),
    validityMonths: t('training.field.validityMonths'),
  };
  const validityField = bindFields(t, props.validity.values, props.validity.errors, validityLabels);
  return (
    <Layout ctx={props.ctx} title={t('training.curriculum.title')}>
      <TrainingSubnav ctx={props.ctx} current="curriculum" pendingCount={props.pendingCount} />
      <h1>{t('training.curriculum.title')}</h1>
      <p>{t('training.curriculum.lead')}</p>
      {props.modules.length === 0 && <p class="training-info">{t('training.curriculum.empty')}</p>}
      {props.isAdmin && (
        <div class="training-actions">
          <ButtonForm
            action="/training/curriculum/load-defaults"
            label={t('training.curriculum.loadDefaults')}
            secondary={props.modules.length > 0}
            describedBy="load-defaults-hint"
          />
          <p class="hint" id="load-defaults-hint">
            {t('training.curriculum.loadDefaultsHint')}
          </p>
        </div>
      )}
      {props.modules.length > 0 && (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title">
            {t('training.curriculum.totals', { count: course.length, hours: String(courseHours) })}
          </h2>
          <ScrollTable
            labelledBy="modules-title"
            head={[
              t('training.curriculum.name'),
              t('training.field.kind'),
              t('training.field.hours'),
              t('training.curriculum.validity'),
              t('training.curriculum.code'),
            ]}
          >
            {props.modules.map((m) => (
              <tr>
                <th scope="row" class="training-cell-title">
                  {moduleTitle(locale, m)}
                  {!m.active && ` ${t('training.curriculum.retired')}`}
                </th>
                <td>{t(`training.kind.${m.kind}`)}</td>
                <td>{hoursText(t, m.hours)}</td>
                <td>{validityText(t, m)}</td>
                <td>
                  <code>{m.code}</code>
                </td>
              </tr>
            ))}
          </ScrollTable>
        </section>
      )}
      {props.isAdmin && props.modules.length > 0 && (
        <section class="card" aria-labelledby="validity-title">
          <h2 id="validity-title">{t('training.curriculum.validityTitle')}</h2>
          <p>{t('training.curriculum.validityLead')}</p>
          <ErrorSummary t={t} errors={props.validity.errors} labels={validityLabels} />
          <form method="post" action="/training/curriculum/validity" novalidate>
            <SelectField
              {...validityField('moduleId')}
              value={props.validity.values.moduleId ?? ''}
              required
              options={[
                { value: '', label: t('training.curriculum.validityChoose') },
                ...props.modules.map((m) => ({
                  value: m.id,
                  label: `${moduleTitle(locale, m)} (${validityText(t, m)})`,
                })),
              ]}
            />
            <SelectField
              {...validityField('validityMode')}
              value={props.validity.values.validityMode ?? 'months'}
              options={[
                { value: 'months', label: t('training.curriculum.modeMonths') },
                { value: 'fiscal_year_end', label: t('training.curriculum.modeFiscalYear') },
              ]}
            />
            <TextField
              {...validityField('validityMonths')}
              inputmode="numeric"
              hint={t('training.field.validityMonthsHint')}
            />
            <SubmitButton>{t('training.curriculum.validitySubmit')}</SubmitButton>
          </form>
        </section>
      )}
      {props.isAdmin && (
        <section class="card" aria-labelledby="add-title">
          <h2 id="add-title">{t('training.curriculum.add')}</h2>
          <ErrorSummary t={t} errors={props.errors} labels={labels} />
          <form method="post" action="/training/curriculum" novalidate>
            <TextField {...field('titleJa')} required maxlength={100} />
            <TextField {...field('titleEn')} required maxlength={100} />
            <TextField {...field('code')} required maxlength={40} />
            <SelectField
              {...field('kind')}
              value={props.values.kind ?? 'followup'}
              required
              options={(['basic', 'cpr', 'followup', 'sick_child'] as const).map((k) => ({
                value: k,
                label: t(`training.kind.${k}`),
              }))}
            />
            <TextField {...field('hours')} required />
            <SelectField
              {...field('validityMode')}
              value={props.values.validityMode ?? 'months'}
              options={[
                { value: 'months', label: t('training.curriculum.modeMonths') },
                { value: 'fiscal_year_end', label: t('training.curriculum.modeFiscalYear') },
              ]}
            />
            <TextField {...field('validityMonths')} hint={t('training.field.validityMonthsHint')} />
            <SubmitButton>{t('training.curriculum.addSubmit')}</SubmitButton>
          </form>
        </section>
      )}
    </Layout>
  );
}
