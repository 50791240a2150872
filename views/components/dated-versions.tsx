import type { Child } from 'hono/jsx';
import type { ViewContext } from '../view-context.js';
import { formatDate } from '../format.js';
import { appliesFromTheStart } from '../../src/modules/fees/fee-table.js';
import { StatusBadge } from './status-badge.js';
import { ErrorSummary, type FormErrors } from './form-fields.js';

/**
 * Settings that change on a date (報酬基準, subsidy rules): every version, newest first, with the
 * date it applies from and whether it is in force, scheduled or past; what it says (`rows`:
 * label and value) and, while it is only scheduled, a button that deletes it
 * (`${deletePath}/${validFrom}/delete`).
 */
export function DatedVersionList<V extends { validFrom: string }>(props: {
  ctx: ViewContext;
  versions: V[];
  today: string;
  /** Prefix of each version heading's id (`table` → `table-2026-04-01`). */
  idPrefix: string;
  deletePath: string;
  rows: (version: V) => [string, Child][];
}) {
  const { t, locale } = props.ctx;
  const sorted = [...props.versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const current = sorted.find((x) => x.validFrom <= props.today);
  return (
    <ul class="act-list">
      {sorted.map((x) => {
        const state = x === current ? 'current' : x.validFrom > props.today ? 'scheduled' : 'past';
        const id = `${props.idPrefix}-${x.validFrom}`;
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
              {props.rows(x).map(([label, value]) => (
                <div>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {state === 'scheduled' && (
              <form method="post" action={`${props.deletePath}/${x.validFrom}/delete`}>
                <button type="submit" class="button button--danger" aria-describedby={id}>
                  {t('feeTables.delete')}
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The card below a list of dated versions that adds a new one: its title and lead, the error
 * summary, and the form (the page gives its fields) with its submit button.
 */
export function AddVersionForm(props: {
  ctx: ViewContext;
  title: string;
  lead: string;
  action: string;
  submit: string;
  errors: FormErrors;
  labels: Record<string, string>;
  children: Child;
}) {
  const { t } = props.ctx;
  return (
    <section aria-labelledby="add-title" class="card">
      <h2 id="add-title">{props.title}</h2>
      <p>{props.lead}</p>
      <ErrorSummary t={t} errors={props.errors} labels={props.labels} />
      <form method="post" action={props.action} class="member-form" novalidate>
        {props.children}
        <button type="submit" class="button button--primary">
          {props.submit}
        </button>
      </form>
    </section>
  );
}
