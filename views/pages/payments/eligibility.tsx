import type { Child } from 'hono/jsx';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import {
  CERTIFICATION_TYPES,
  SUBSIDY_CATEGORIES,
} from '../../../src/modules/subsidies/eligibility-rules.js';
import { Badge } from '../../components/status-badge.js';
import {
  Checkbox,
  ErrorSummary,
  SelectField,
  TextareaField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import { StaffBackLink } from '../../components/back-link.js';

interface RecordBase {
  id: string;
  checkedOn: string;
  checkedBy: string | null;
  validFrom: string;
  validTo: string;
  inForce: boolean;
  revoked: boolean;
}

export interface EligibilityPageProps {
  ctx: ViewContext;
  memberId: string;
  memberName: string;
  householdChildren: { id: string; name: string }[];
  eligibility: (RecordBase & { category: string; evidence: string; note: string | null })[];
  certifications: (RecordBase & {
    childName: string;
    certificationType: string;
    certificateNo: string;
    taxExempt: boolean;
  })[];
  today: string;
  form?: 'eligibility' | 'certification';
  errors?: FormErrors;
  values?: Record<string, string>;
}

function State(props: { ctx: ViewContext; r: RecordBase }) {
  const { t } = props.ctx;
  const state = props.r.revoked ? 'revoked' : props.r.inForce ? 'inForce' : 'notInForce';
  const tone = state === 'inForce' ? 'success' : state === 'revoked' ? 'muted' : 'warning';
  return (
    <Badge tone={tone} status={state}>
      {t(`subsidies.state.${state}`)}
    </Badge>
  );
}

/** When staff checked the document, and the validity period (field names per form). */
function ValidityFields(props: {
  ctx: ViewContext;
  names: [checkedOn: string, validFrom: string, validTo: string];
  values: Record<string, string>;
  errors: FormErrors;
  today: string;
}) {
  const { t } = props.ctx;
  const [checkedOn, validFrom, validTo] = props.names;
  const labels = ['subsidies.checkedOn', 'subsidies.validFrom', 'subsidies.validTo'] as const;
  return (
    <>
      {[checkedOn, validFrom, validTo].map((name, i) => (
        <TextField
          t={t}
          name={name}
          type="date"
          label={t(labels[i]!)}
          value={props.values[name] ?? (i === 0 ? props.today : undefined)}
          error={props.errors[name]}
          required
        />
      ))}
    </>
  );
}

/**
 * One recorded category or certification: its heading with its state, what the page says of it
 * and, until it is revoked, the button that revokes it (`action`).
 */
function RecordItem(props: {
  ctx: ViewContext;
  r: RecordBase;
  title: string;
  action: string;
  children: Child;
}) {
  return (
    <li class="act-item">
      <h3 class="act-item__title">
        {props.title} <State ctx={props.ctx} r={props.r} />
      </h3>
      {props.children}
      {!props.r.revoked && (
        <form method="post" action={props.action}>
          <input type="hidden" name="recordId" value={props.r.id} />
          <button type="submit" class="button button--secondary">
            {props.ctx.t('subsidies.revoke')}
          </button>
        </form>
      )}
    </li>
  );
}

/** A section's form to add a record: its heading, the error summary when it failed, the fields. */
function AddRecordForm(props: {
  ctx: ViewContext;
  title: string;
  action: string;
  errors: FormErrors | undefined;
  labels: Record<string, string>;
  children: Child;
}) {
  const { t } = props.ctx;
  return (
    <>
      <h3>{props.title}</h3>
      {props.errors && <ErrorSummary t={t} errors={props.errors} labels={props.labels} />}
      <form method="post" action={props.action} class="member-form">
        {props.children}
        <button type="submit" class="button button--primary">
          {t('subsidies.save')}
        </button>
      </form>
    </>
  );
}

/** Staff: a requester household's subsidy categories and its children's 無償化 certifications. */
export function EligibilityPage(props: EligibilityPageProps) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const errors = props.errors ?? {};
  const v = props.values ?? {};
  const e = props.form === 'eligibility' ? errors : {};
  const ev = props.form === 'eligibility' ? v : {};
  const c = props.form === 'certification' ? errors : {};
  const cv = props.form === 'certification' ? v : {};
  const base = `/members/${props.memberId}`;
  const period = (r: RecordBase) =>
    `${formatDate(r.validFrom, locale)}〜${formatDate(r.validTo, locale)}`;
  const title = t('subsidies.title');
  const categoryLabels = {
    category: t('subsidies.categoryLabel'),
    evidence: t('subsidies.evidence'),
    checkedOn: t('subsidies.checkedOn'),
    validFrom: t('subsidies.validFrom'),
    validTo: t('subsidies.validTo'),
  };
  const certificationLabels = {
    childId: t('subsidies.child'),
    certificationType: t('subsidies.certificationTypeLabel'),
    certificateNo: t('subsidies.certificateNo'),
    certCheckedOn: t('subsidies.checkedOn'),
    certValidFrom: t('subsidies.validFrom'),
    certValidTo: t('subsidies.validTo'),
  };
  const field = bindFields(t, ev, e, categoryLabels);
  const certField = bindFields(t, cv, c, certificationLabels);
  return (
    <Layout ctx={ctx} title={`${title} ${props.memberName}`}>
      <StaffBackLink href={base} label={t('subsidies.backToMember')} />
      <h1>
        {title}
        <span class="heading-sub">{props.memberName}</span>
      </h1>

      <section aria-labelledby="eligibility-title">
        <h2 id="eligibility-title">{t('subsidies.categoriesTitle')}</h2>
        {props.eligibility.length === 0 ? (
          <p>{t('subsidies.noneRecorded')}</p>
        ) : (
          <ul class="act-list">
            {props.eligibility.map((r) => (
              <RecordItem
                ctx={ctx}
                r={r}
                title={t(`subsidies.category.${r.category as 'single_parent'}`)}
                action={`${base}/eligibility/revoke`}
              >
                <p>{t('subsidies.period', { period: period(r) })}</p>
                <p>
                  {t('subsidies.evidenceText', {
                    evidence: r.evidence,
                    on: formatDate(r.checkedOn, locale),
                    by: r.checkedBy ?? '—',
                  })}
                </p>
                {r.note && <p class="pre-line">{r.note}</p>}
              </RecordItem>
            ))}
          </ul>
        )}
        <AddRecordForm
          ctx={ctx}
          title={t('subsidies.addCategory')}
          action={`${base}/eligibility`}
          errors={props.form === 'eligibility' ? e : undefined}
          labels={categoryLabels}
        >
          <SelectField
            {...field('category')}
            placeholder={t('subsidies.choose')}
            options={SUBSIDY_CATEGORIES.map((x) => ({
              value: x,
              label: t(`subsidies.category.${x}`),
            }))}
            required
          />
          <TextField
            {...field('evidence')}
            hint={t('subsidies.evidenceHint')}
            maxlength={200}
            required
          />
          <ValidityFields
            ctx={ctx}
            names={['checkedOn', 'validFrom', 'validTo']}
            values={ev}
            errors={e}
            today={props.today}
          />
          <TextareaField {...field('note')} label={t('subsidies.note')} rows={2} maxlength={1000} />
        </AddRecordForm>
      </section>

      <section aria-labelledby="certification-title">
        <h2 id="certification-title">{t('subsidies.certificationsTitle')}</h2>
        {props.certifications.length === 0 ? (
          <p>{t('subsidies.noneRecorded')}</p>
        ) : (
          <ul class="act-list">
            {props.certifications.map((r) => (
              <RecordItem
                ctx={ctx}
                r={r}
                title={`${r.childName} ${t(`subsidies.certificationType.${r.certificationType as 'type1'}`)}`}
                action={`${base}/free-childcare/revoke`}
              >
                <p>{t('subsidies.certificateNoText', { no: r.certificateNo })}</p>
                <p>{t('subsidies.period', { period: period(r) })}</p>
                {r.taxExempt && <p>{t('subsidies.taxExemptYes')}</p>}
              </RecordItem>
            ))}
          </ul>
        )}
        <AddRecordForm
          ctx={ctx}
          title={t('subsidies.addCertification')}
          action={`${base}/free-childcare`}
          errors={props.form === 'certification' ? c : undefined}
          labels={certificationLabels}
        >
          <SelectField
            {...certField('childId')}
            placeholder={t('subsidies.choose')}
            options={props.householdChildren.map((x) => ({ value: x.id, label: x.name }))}
            required
          />
          <SelectField
            {...certField('certificationType')}
            placeholder={t('subsidies.choose')}
            options={CERTIFICATION_TYPES.map((x) => ({
              value: x,
              label: t(`subsidies.certificationType.${x}`),
            }))}
            required
          />
          <TextField {...certField('certificateNo')} maxlength={40} required />
          <Checkbox
            name="taxExempt"
            value="yes"
            label={t('subsidies.taxExempt')}
            hint={t('subsidies.taxExemptHint')}
            checked={cv.taxExempt === 'yes'}
          />
          <ValidityFields
            ctx={ctx}
            names={['certCheckedOn', 'certValidFrom', 'certValidTo']}
            values={cv}
            errors={c}
            today={props.today}
          />
        </AddRecordForm>
      </section>
    </Layout>
  );
}
