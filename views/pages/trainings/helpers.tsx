import { ScrollTable } from '../../components/scroll-table.js';
import {
  ErrorSummary,
  TextField,
  SelectField,
  SubmitButton,
  type FormErrors,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { CheckboxGroup } from '../../components/form-fields.js';
import { moduleTitle } from './training-text.js';
import { RecordsTable } from './records-table.js';
import { StatusCard, trainingStatusText } from './status-card.js';
import { StatusBadge } from '../../components/status-badge.js';
import { TrainingSubnav } from './training-subnav.js';
import { RecordDetailsFields } from './record-details-fields.js';
import type {
  ModuleView,
  QualificationView,
  RecordView,
} from '../../../src/modules/trainings/trainings.views.js';

export const HELPER_FILTERS = [
  'eligible',
  'in_training',
  'expiring',
  'lapsed',
  'awaiting_approval',
  'inactive',
] as const;
export type HelperFilter = (typeof HELPER_FILTERS)[number];

export interface HelperRowView {
  memberId: string;
  name: string;
  nameKana: string;
  memberNo: number | null;
  q: QualificationView;
}

/** Staff: every helper's standing, with counts and filters. */
export function HelpersPage(props: {
  ctx: ViewContext;
  rows: HelperRowView[];
  counts: { eligible: number; in_training: number; expiring: number; lapsed: number };
  filter: { status: HelperFilter | ''; q: string };
  pendingCount: number;
}) {
  const { t, locale } = props.ctx;
  const { counts } = props;
  return (
    <Layout ctx={props.ctx} title={t('training.helpers.title')}>
      <TrainingSubnav ctx={props.ctx} current="helpers" pendingCount={props.pendingCount} />
      <h1>{t('training.helpers.title')}</h1>
      <p>{t('training.helpers.lead')}</p>
      <dl class="training-figures">
        {(
          [
            ['eligible', 'training.helpers.countEligible'],
            ['in_training', 'training.helpers.countInTraining'],
            ['expiring', 'training.helpers.countExpiring'],
            ['lapsed', 'training.helpers.countLapsed'],
          ] as const
        ).map(([key, label]) => (
          <div>
            <dt>
              <a href={`/training/helpers?status=${key}`}>{t(label)}</a>
            </dt>
            <dd>{t('training.helpers.people', { count: counts[key] })}</dd>
          </div>
        ))}
      </dl>

      <form method="get" action="/training/helpers" class="card training-filter">
        <h2 class="training-filter__title">{t('training.helpers.filter')}</h2>
        <div class="training-row">
          <SelectField
            t={t}
            name="status"
            label={t('training.helpers.filterStatus')}
            value={props.filter.status}
            options={[
              { value: '', label: t('training.helpers.filterAll') },
              ...HELPER_FILTERS.map((f) => ({
                value: f,
                label:
                  f === 'expiring'
                    ? t('training.helpers.filterExpiring')
                    : t(`training.staffStatus.${f}`),
              })),
            ]}
          />
          <TextField
            t={t}
            name="q"
            label={t('training.helpers.filterQuery')}
            value={props.filter.q}
            maxlength={100}
          />
        </div>
        <SubmitButton>{t('training.helpers.filterSubmit')}</SubmitButton>
      </form>

      <section aria-labelledby="list-title">
        <h2 id="list-title" class="visually-hidden">
          {t('training.helpers.title')}
        </h2>
        {props.rows.length === 0 ? (
          <p>{t('training.helpers.none')}</p>
        ) : (
          <ScrollTable
            labelledBy="list-title"
            head={[
              t('training.helpers.name'),
              t('training.helpers.memberNo'),
              t('training.helpers.status'),
              t('training.helpers.progress'),
              t('training.helpers.expiring'),
            ]}
          >
            {props.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/training/helpers/${r.memberId}`}>{r.name}</a>
                </th>
                <td>{formatMemberNo(r.memberNo) ?? '—'}</td>
                <td>
                  <StatusBadge kind="training" status={r.q.status}>
                    {trainingStatusText(t, r.q.status, 'staff')}
                  </StatusBadge>
                </td>
                <td>
                  {t('training.helpers.progressShort', {
                    done: r.q.course.modulesDone,
                    total: r.q.course.modulesTotal,
                  })}
                </td>
                <td class="training-cell-title">
                  {r.q.expiring.length === 0
                    ? '—'
                    : r.q.expiring
                        .map(
                          (e) =>
                            `${moduleTitle(locale, e.module)} ${t('training.validUntil', {
                              date: formatDate(e.expiresOn, locale),
                            })}`,
                        )
                        .join(' / ')}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </Layout>
  );
}

export interface RecordFormValues {
  moduleIds?: string[];
  completedOn?: string;
  source?: string;
  note?: string;
}

/** Staff: one helper's training, and the form to record certificates and exemptions. */
export function HelperTrainingPage(props: {
  ctx: ViewContext;
  member: { id: string; name: string; memberNo: number | null };
  q: QualificationView;
  records: RecordView[];
  modules: ModuleView[];
  today: string;
  pendingCount: number;
  values: RecordFormValues;
  errors: FormErrors;
}) {
  const { t, locale } = props.ctx;
  const title = t('training.helper.title', { name: props.member.name });
  const labels = {
    moduleIds: t('training.field.modules'),
    completedOn: t('training.field.completedOn'),
    source: t('training.field.source'),
    note: t('training.field.note'),
  };
  return (
    <Layout ctx={props.ctx} title={title}>
      <TrainingSubnav ctx={props.ctx} current="helpers" pendingCount={props.pendingCount} />
      <p>
        <a href="/training/helpers">{t('training.back.helpers')}</a>
      </p>
      <h1>{title}</h1>
      <StatusCard ctx={props.ctx} q={props.q} headingId="status-title" audience="staff" />
      {props.q.basicCompletedOn && (
        <p>
          <a href={`/members/${props.member.id}/certificate`}>{t('training.my.certificate')}</a>
        </p>
      )}
      <section aria-labelledby="missing-title">
        <h2 id="missing-title">{t('training.helpers.missing')}</h2>
        {props.q.missing.length === 0 ? (
          <p>{t('training.none')}</p>
        ) : (
          <ul class="training-list training-list--compact">
            {props.q.missing.map((m) => (
              <li>{moduleTitle(locale, m)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="records-title">
        <h2 id="records-title">{t('training.my.records')}</h2>
        <RecordsTable
          ctx={props.ctx}
          records={props.records}
          today={props.today}
          headingId="records-title"
        />
      </section>
      <section class="card" aria-labelledby="record-title">
        <h2 id="record-title">{t('training.helper.record')}</h2>
        <p>{t('training.helper.recordLead')}</p>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form method="post" action={`/training/helpers/${props.member.id}/records`} novalidate>
          <CheckboxGroup
            t={t}
            name="moduleIds"
            legend={labels.moduleIds}
            options={props.modules.map((m) => ({ value: m.id, label: moduleTitle(locale, m) }))}
            checked={new Set(props.values.moduleIds ?? [])}
            error={props.errors.moduleIds}
            required
          />
          <RecordDetailsFields t={t} values={props.values} errors={props.errors} />
          <SubmitButton>{t('training.helper.recordSubmit')}</SubmitButton>
        </form>
      </section>
    </Layout>
  );
}
