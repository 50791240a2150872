import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import {
  ErrorSummary,
  SelectField,
  TextareaField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import { DataTable } from '../../components/data-table.js';

/** The reporting chain of a serious accident (issue #19): its steps, and recording one. */

export interface SeriousStepView {
  stage: 'first' | 'detailed';
  level: 'municipality' | 'prefecture' | 'national';
  dueOn: string;
  state: 'done' | 'overdue' | 'due_soon' | 'pending';
  next: boolean;
  reportedOn: string | null;
  reportedBy: string | null;
  note: string | null;
}

export interface SeriousChainView {
  reason: 'death' | 'loss_of_consciousness' | 'treatment_30_days';
  steps: SeriousStepView[];
}

export interface SeriousStepFormValues {
  step?: string;
  reportedOn?: string;
  reportedBy?: string;
  note?: string;
}

const stepLabel = (ctx: ViewContext, s: Pick<SeriousStepView, 'stage' | 'level'>) =>
  ctx.t('serious.step', {
    stage: ctx.t(`serious.stage.${s.stage}`),
    level: ctx.t(`serious.level.${s.level}`),
  });

/** The six steps as a table (the incident's page and the printed report). */
export function SeriousChainTable(props: { ctx: ViewContext; steps: SeriousStepView[] }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <DataTable
      class="serious-chain"
      head={[t('serious.col.step'), t('serious.col.due'), t('serious.col.reported')]}
    >
      {props.steps.map((s) => (
        <tr>
          <th scope="row">{stepLabel(ctx, s)}</th>
          <td>{formatDate(s.dueOn, locale)}</td>
          <td class="pre-line wrap">
            {s.reportedOn
              ? t('serious.reportedBy', {
                  date: formatDate(s.reportedOn, locale),
                  by: s.reportedBy ?? '',
                }) + (s.note ? `\n${s.note}` : '')
              : t(`serious.state.${s.state}`)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The section of a serious accident's page: the chain, and a form for the next step. */
export function SeriousChainSection(props: {
  ctx: ViewContext;
  incidentId: string;
  chain: SeriousChainView;
  values: SeriousStepFormValues;
  errors: FormErrors;
}) {
  const { ctx, chain } = props;
  const { t } = ctx;
  const open = chain.steps.filter((s) => s.next);
  const labels = {
    step: t('serious.field.step'),
    reportedOn: t('serious.field.reportedOn'),
    reportedBy: t('serious.field.reportedBy'),
    note: t('serious.field.note'),
  };
  const field = bindFields(t, props.values, props.errors, labels);
  return (
    <section aria-labelledby="serious-heading">
      <h2 id="serious-heading">{t('serious.title')}</h2>
      <p>
        {t('serious.reason', { reason: t(`activities.incident.seriousReason.${chain.reason}`) })}
      </p>
      <p>{t('serious.lead')}</p>
      <SeriousChainTable ctx={ctx} steps={chain.steps} />
      {open.length === 0 ? (
        <p>{t('serious.complete')}</p>
      ) : (
        <form
          method="post"
          action={`/incidents/${props.incidentId}/serious-report`}
          class="member-form"
        >
          <h3>{t('serious.recordTitle')}</h3>
          <ErrorSummary t={t} errors={props.errors} labels={labels} />
          <SelectField
            {...field('step')}
            options={open.map((s) => ({
              value: `${s.stage}:${s.level}`,
              label: stepLabel(ctx, s),
            }))}
            hint={t('serious.field.stepHint')}
            required
          />
          <TextField {...field('reportedOn')} type="date" required />
          <TextField
            {...field('reportedBy')}
            hint={t('serious.field.reportedByHint')}
            maxlength={100}
            required
          />
          <TextareaField {...field('note')} rows={2} maxlength={1000} />
          <button type="submit" class="button button--secondary">
            {t('serious.record')}
          </button>
        </form>
      )}
    </section>
  );
}
