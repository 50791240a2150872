import { categoryLabel } from '../../../src/i18n/category-labels.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  ErrorSummary,
  TextField,
  type FormErrors,
  Checkbox,
  CheckboxGroup,
  RadioGroup,
  RuleAlert,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import type { FeeLineView } from '../../../src/modules/fees/fee-lines.js';
import type { MinimumCharge } from '../../../src/modules/fees/fees.js';
import type { HandoverRule } from '../../../src/modules/settings/settings.schemas.js';
import { categoryNames, duration, reportOpensText, whenText } from './activity-text.js';
import { FeeTable } from './fee-table.js';
import { DetailList } from '../../components/detail-list.js';
import { SafetyRules } from './safety-rules.js';
import { yen } from '../../format.js';
import { StaffBackLink } from '../../components/back-link.js';

/**
 * The activity report (活動報告書), filled in on a phone right after handing the child back:
 * the form (actual times default to the planned ones), then a confirmation step that shows the
 * fee line by line, then submit. The same pages correct a report (mode 'edit').
 */

export interface ReportFormValues {
  date: string;
  startTime: string;
  endTime: string;
  /** The end's date when it is on a later day (programme overnight care); '' = the start's date. */
  endDate: string;
  children: string[];
  categories: string[];
  place: string;
  transportCost: string;
  mealCost: string;
  notes: string;
  incident: boolean;
  incidentKind: string;
  incidentSeverity: string;
  incidentSeriousReason: string;
  incidentDescription: string;
  incidentActionTaken: string;
  reason: string;
}

export interface ReportRequestInfo {
  id: string;
  requesterName: string;
  plannedStartsAt: string;
  plannedEndsAt: string;
  category: number;
  place: string | null;
  /** A request of the sick-child and emergency programme: the end may fall on the next day. */
  programme: boolean;
}

interface CommonProps {
  ctx: ViewContext;
  mode: 'new' | 'edit';
  action: string;
  request: ReportRequestInfo;
  requestChildren: { id: string; name: string }[];
  values: ReportFormValues;
  version?: number | undefined;
}

const CATEGORIES = Array.from({ length: 12 }, (_, i) => String(i + 1));

function labels(ctx: ViewContext): Record<string, string> {
  const { t } = ctx;
  return {
    date: t('activities.form.date'),
    startTime: t('activities.form.startTime'),
    endTime: t('activities.form.endTime'),
    endDate: t('activities.form.endDate'),
    child: t('activities.form.children'),
    category: t('activities.form.categories'),
    place: t('activities.form.place'),
    transportCost: t('activities.transportCost'),
    mealCost: t('activities.mealCost'),
    notes: t('activities.form.notes'),
    incidentKind: t('activities.incident.kind'),
    incidentSeverity: t('activities.incident.severity'),
    incidentSeriousReason: t('activities.incident.seriousReason'),
    incidentDescription: t('activities.incident.description'),
    incidentActionTaken: t('activities.incident.actionTaken'),
    reason: t('activities.form.reason'),
  };
}

function RequestSummary(props: { ctx: ViewContext; request: ReportRequestInfo }) {
  const { t, locale } = props.ctx;
  const r = props.request;
  return (
    <DetailList
      preLine
      rows={[
        [t('activities.requester'), r.requesterName],
        [t('activities.planned'), whenText(r.plannedStartsAt, r.plannedEndsAt, locale)],
        [t('activities.requestedCategory'), categoryNames(t, [r.category])],
        [t('activities.plannedPlace'), r.place],
      ]}
    />
  );
}

/** The top of the report pages: the way back, the title and the help it is about. */
function ReportHeading(props: { ctx: ViewContext; title: string; request: ReportRequestInfo }) {
  return (
    <>
      <StaffBackLink href="/activities" label={props.ctx.t('activities.backToList')} />
      <h1>{props.title}</h1>
      <RequestSummary ctx={props.ctx} request={props.request} />
    </>
  );
}

export function ReportFormPage(
  props: CommonProps & {
    errors: FormErrors;
    ruleError?: string | undefined;
    carAllowed: boolean;
    handoverTo: HandoverRule;
  },
) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const title = props.mode === 'new' ? t('activities.form.title') : t('activities.form.editTitle');
  const v = values;
  const field = bindFields(t, v, errors);
  return (
    <Layout ctx={ctx} title={title}>
      <ReportHeading ctx={ctx} title={title} request={props.request} />
      <SafetyRules t={t} carAllowed={props.carAllowed} handoverTo={props.handoverTo} />
      <RuleAlert title={t('activities.form.cannotSubmit')} message={props.ruleError} />
      <ErrorSummary t={t} errors={errors} labels={labels(ctx)} />
      <form method="post" action={props.action} class="member-form act-form" novalidate>
        <input type="hidden" name="step" value="review" />
        {props.version !== undefined && (
          <input type="hidden" name="version" value={String(props.version)} />
        )}
        <fieldset class="form-section">
          <legend>{t('activities.form.timeSection')}</legend>
          <p class="hint">{t('activities.form.timeHint')}</p>
          <TextField {...field('date')} type="date" label={t('activities.form.date')} required />
          <div class="act-times">
            <TextField
              {...field('startTime')}
              type="time"
              label={t('activities.form.startTime')}
              required
            />
            <TextField
              {...field('endTime')}
              type="time"
              label={t('activities.form.endTime')}
              required
            />
          </div>
          {props.request.programme && (
            <TextField
              {...field('endDate')}
              type="date"
              label={t('activities.form.endDate')}
              hint={t('activities.form.endDateHint')}
            />
          )}
        </fieldset>
        <fieldset class="form-section">
          <legend>{t('activities.form.whatSection')}</legend>
          <CheckboxGroup
            name="child"
            legend={t('activities.form.children')}
            hint={t('activities.form.childrenHint')}
            options={props.requestChildren.map((c) => ({ value: c.id, label: c.name }))}
            checked={v.children}
            error={errors.child}
          />
          <CheckboxGroup
            name="category"
            legend={t('activities.form.categories')}
            hint={t('activities.form.categoriesHint')}
            options={CATEGORIES.map((c) => ({
              value: c,
              label: categoryLabel(t, Number(c)),
            }))}
            checked={v.categories}
            error={errors.category}
          />
          <TextField
            {...field('place')}
            label={t('activities.form.place')}
            hint={t('activities.form.placeHint')}
            maxlength={200}
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>{t('activities.form.costSection')}</legend>
          <p class="hint">{t('activities.form.costHint')}</p>
          <TextField
            {...field('transportCost')}
            label={t('activities.transportCost')}
            inputmode="numeric"
            size="short"
          />
          <TextField
            {...field('mealCost')}
            label={t('activities.mealCost')}
            inputmode="numeric"
            size="short"
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>{t('activities.form.notesSection')}</legend>
          <TextareaField
            {...field('notes')}
            label={t('activities.form.notes')}
            hint={t('activities.form.notesHint')}
            rows={4}
            maxlength={2000}
          />
        </fieldset>
        {props.mode === 'new' && <IncidentFields ctx={ctx} values={v} errors={errors} />}
        {props.mode === 'edit' && (
          <TextareaField
            {...field('reason')}
            label={t('activities.form.reason')}
            hint={t('activities.form.reasonHint')}
            rows={2}
            maxlength={500}
          />
        )}
        <button type="submit" class="button button--primary">
          {t('activities.form.toReview')}
        </button>
      </form>
    </Layout>
  );
}

/**
 * The report of help that has not ended yet: no form (a report describes help that happened),
 * but when it can be written, in Tokyo time.
 */
export function ReportNotYetPage(props: { ctx: ViewContext; request: ReportRequestInfo }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const title = t('activities.form.title');
  return (
    <Layout ctx={ctx} title={title}>
      <ReportHeading ctx={ctx} title={title} request={props.request} />
      <p class="alert alert--info">
        {t('activities.notYet.lead', {
          when: reportOpensText(props.request.plannedEndsAt, locale),
        })}
      </p>
    </Layout>
  );
}

/** The near-miss / accident part of a form (also used on its own on the detail page). */
export function IncidentFields(props: {
  ctx: ViewContext;
  values: Pick<
    ReportFormValues,
    | 'incident'
    | 'incidentKind'
    | 'incidentSeverity'
    | 'incidentSeriousReason'
    | 'incidentDescription'
    | 'incidentActionTaken'
  >;
  errors: FormErrors;
  /** Without the "there was one" checkbox (a form only for an incident). */
  standalone?: boolean;
}) {
  const { ctx, values: v, errors } = props;
  const { t } = ctx;
  const hasError = Object.keys(errors).some((k) => k.startsWith('incident'));
  const field = bindFields(t, v, errors);
  return (
    <fieldset class="form-section act-incident">
      <legend>{t('activities.incident.section')}</legend>
      <p class="hint">{t('activities.incident.hint')}</p>
      {!props.standalone && (
        <Checkbox
          name="incident"
          label={t('activities.incident.had')}
          checked={v.incident || hasError}
        />
      )}
      {/* Folded away until the box above is ticked (where :has() is supported; app.css). */}
      <div class={props.standalone ? undefined : 'act-incident__details'}>
        <RadioGroup
          {...field('incidentKind')}
          legend={t('activities.incident.kind')}
          options={[
            { value: 'near_miss', label: t('activities.incident.kind.near_miss') },
            { value: 'accident', label: t('activities.incident.kind.accident') },
          ]}
        />
        <RadioGroup
          {...field('incidentSeverity')}
          legend={t('activities.incident.severity')}
          options={(['minor', 'moderate', 'serious'] as const).map((s) => ({
            value: s,
            label: t(`activities.incident.severity.${s}`),
          }))}
        />
        <RadioGroup
          {...field('incidentSeriousReason')}
          legend={t('activities.incident.seriousReason')}
          hint={t('activities.incident.seriousReasonHint')}
          options={[
            { value: '', label: t('activities.incident.seriousReason.none') },
            ...(['death', 'loss_of_consciousness', 'treatment_30_days'] as const).map((s) => ({
              value: s,
              label: t(`activities.incident.seriousReason.${s}`),
            })),
          ]}
        />
        <TextareaField
          {...field('incidentDescription')}
          label={t('activities.incident.description')}
          rows={3}
          maxlength={2000}
        />
        <TextareaField
          {...field('incidentActionTaken')}
          label={t('activities.incident.actionTaken')}
          rows={3}
          maxlength={2000}
        />
      </div>
    </fieldset>
  );
}

function Hidden(props: { values: ReportFormValues; version?: number | undefined }) {
  const v = props.values;
  const fields: [string, string][] = [
    ['date', v.date],
    ['startTime', v.startTime],
    ['endTime', v.endTime],
    ['endDate', v.endDate],
    ...v.children.map((id): [string, string] => [`child.${id}`, 'yes']),
    ...v.categories.map((c): [string, string] => [`category.${c}`, 'yes']),
    ['place', v.place],
    ['transportCost', v.transportCost],
    ['mealCost', v.mealCost],
    ['notes', v.notes],
    ['reason', v.reason],
  ];
  if (v.incident)
    fields.push(
      ['incident', 'yes'],
      ['incidentKind', v.incidentKind],
      ['incidentSeverity', v.incidentSeverity],
      ['incidentSeriousReason', v.incidentSeriousReason],
      ['incidentDescription', v.incidentDescription],
      ['incidentActionTaken', v.incidentActionTaken],
    );
  if (props.version !== undefined) fields.push(['version', String(props.version)]);
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The confirmation step: what will be sent, and the fee line by line. */
export function ReportReviewPage(
  props: CommonProps & {
    startedAt: string;
    endedAt: string;
    minutes: number;
    fee: {
      total: number;
      lines: FeeLineView[];
      childTotals: { name: string; amount: number }[];
      minimum?: MinimumCharge | null;
    };
    transportCost: number;
    mealCost: number;
  },
) {
  const { ctx, values: v } = props;
  const { t, locale } = ctx;
  const childNames = props.requestChildren
    .filter((c) => v.children.includes(c.id))
    .map((c) => c.name);
  return (
    <Layout ctx={ctx} title={t('activities.review.title')}>
      <h1>{t('activities.review.title')}</h1>
      <p>{t('activities.review.lead')}</p>
      <DetailList
        preLine
        rows={[
          [t('activities.requester'), props.request.requesterName],
          [
            t('activities.actual'),
            `${whenText(props.startedAt, props.endedAt, locale)}${t('activities.paren', { text: duration(t, props.minutes) })}`,
          ],
          [t('activities.form.children'), childNames.join(t('activities.separator'))],
          [t('activities.form.categories'), categoryNames(t, v.categories.map(Number))],
          [t('activities.form.place'), v.place],
          [t('activities.form.notes'), v.notes],
          [
            t('activities.incident.section'),
            v.incident
              ? t(
                  `activities.incident.kind.${v.incidentKind === 'accident' ? 'accident' : 'near_miss'}`,
                )
              : null,
          ],
          [t('activities.form.reason'), v.reason],
        ]}
      />
      <h2 id="review-fee">{t('activities.fee.title')}</h2>
      <FeeTable
        t={t}
        locale={locale}
        id="review-fee"
        lines={props.fee.lines}
        childTotals={props.fee.childTotals}
        total={props.fee.total}
        minimum={props.fee.minimum}
        transportCost={props.transportCost}
        mealCost={props.mealCost}
      />
      <p class="act-due">
        {t('activities.review.due', {
          amount: yen(props.fee.total + props.transportCost + props.mealCost, locale),
        })}
      </p>
      <form method="post" action={props.action} class="act-review-form">
        <Hidden values={v} version={props.version} />
        <div class="button-row">
          <button type="submit" name="step" value="submit" class="button button--primary">
            {props.mode === 'new'
              ? t('activities.review.submit')
              : t('activities.review.submitCorrection')}
          </button>
          <button type="submit" name="step" value="edit" class="button button--secondary">
            {t('activities.review.back')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
