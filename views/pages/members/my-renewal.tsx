import {
  BackToMy,
  Checkbox,
  ErrorSummary,
  RadioGroup,
  RuleAlert,
  SubmitButton,
  type FormErrors,
} from '../../components/form-fields.js';
import { formatPhone, plainDate } from '../../format.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime } from '../../../src/lib/dates.js';
import type { MemberTypeLabels } from '../../../src/modules/settings/settings.schemas.js';
import { kindLabel } from './labels.js';

interface Person {
  id: string;
  name: string;
  relation: string;
  phone: string;
}

export interface MyRenewalProps {
  ctx: ViewContext;
  fiscalYear: number;
  /** The year is already under way (a late confirmation). */
  late: boolean;
  /** The last day to answer: March 31 before the year. */
  deadline: string;
  member: {
    name: string;
    phone: string;
    postalCode: string | null;
    address: string;
    email: string;
    /** The sides the member has (not withdrawn): each gets its own question. */
    requester: boolean;
    helper: boolean;
  };
  labels: MemberTypeLabels;
  childList: { id: string; name: string; birthDate: string }[];
  contacts: Person[];
  pickups: Person[];
  termsVersion: string;
  confirmation: {
    confirmedAt: string;
    channel: 'online' | 'paper';
    continueRequester: boolean | null;
    continueHelper: boolean | null;
  } | null;
  values: Record<string, string | undefined>;
  errors: FormErrors;
  ruleError?: string | undefined;
}

function People(props: { t: ViewContext['t']; rows: Person[] }) {
  if (props.rows.length === 0) return <p>{props.t('renewal.my.none')}</p>;
  return (
    <ul class="plain-list renewal-people">
      {props.rows.map((p) => (
        <li>
          <strong>{p.name}</strong>（{p.relation}）
          <span class="nowrap">{formatPhone(p.phone)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A section of details to check, with the page where they are changed. */
function Check(props: {
  id: string;
  title: string;
  edit: string;
  editLabel: string;
  children: unknown;
}) {
  return (
    <section class="card renewal-check" aria-labelledby={props.id}>
      <div class="renewal-check__head">
        <h2 id={props.id}>{props.title}</h2>
        <a class="button button--secondary" href={props.edit}>
          {props.editLabel}
        </a>
      </div>
      {props.children}
    </section>
  );
}

/** The labels of the answer's fields, by field name (also the error summary's). */
export interface RenewalFieldLabels {
  continueRequester: string;
  continueHelper: string;
  detailsChecked: string;
  consent: string;
}

/**
 * The answer of a renewal form, shared by the member's page and staff's paper form: per side the
 * member has, continue or stop; the details checked; the terms agreed.
 */
export function RenewalAnswerFields(props: {
  ctx: ViewContext;
  labels: MemberTypeLabels;
  requester: boolean;
  helper: boolean;
  values: Record<string, string | undefined>;
  errors: FormErrors;
  fieldLabels: RenewalFieldLabels;
  sideHint?: string;
  consentHint?: string;
}) {
  const { t, locale } = props.ctx;
  const { values, errors, fieldLabels } = props;
  const sides = (['requester', 'helper'] as const).filter((side) => props[side]);
  return (
    <>
      {sides.map((side) => {
        const name = side === 'requester' ? 'continueRequester' : 'continueHelper';
        const label = kindLabel(props.labels, side, locale);
        return (
          <RadioGroup
            t={t}
            name={name}
            legend={fieldLabels[name]}
            options={[
              { value: 'yes', label: t('renewal.my.continueYes', { side: label }) },
              { value: 'no', label: t('renewal.my.continueNo', { side: label }) },
            ]}
            value={values[name]}
            error={errors[name]}
            required
          />
        );
      })}
      {props.sideHint && <p class="hint">{props.sideHint}</p>}
      {(['detailsChecked', 'consent'] as const).map((name) => (
        <Checkbox
          t={t}
          name={name}
          label={fieldLabels[name]}
          hint={name === 'consent' ? props.consentHint : undefined}
          checked={values[name] === 'yes'}
          error={errors[name]}
          required
        />
      ))}
    </>
  );
}

/** 年度更新 on マイページ: check everything on one page, say whether you continue, confirm. */
export function MyRenewalPage(props: MyRenewalProps) {
  const { ctx, member, values, errors, confirmation } = props;
  const { t, locale } = ctx;
  const year = props.fiscalYear;
  const labels = {
    continueRequester: t('renewal.my.continueQuestion', {
      side: kindLabel(props.labels, 'requester', locale),
    }),
    continueHelper: t('renewal.my.continueQuestion', {
      side: kindLabel(props.labels, 'helper', locale),
    }),
    detailsChecked: t('renewal.my.detailsChecked'),
    consent: t('renewal.my.consent', { version: props.termsVersion }),
  };
  const answer = (v: boolean | null) => (v === null ? undefined : v ? 'yes' : 'no');
  return (
    <Layout ctx={ctx} title={t('renewal.my.title', { year })}>
      <BackToMy t={t} />
      <h1>{t('renewal.my.title', { year })}</h1>
      <p>{t('renewal.my.lead', { deadline: formatDate(props.deadline, locale), year })}</p>
      {confirmation && (
        <div class="alert alert--info" role="status">
          <p>
            {t(
              confirmation.channel === 'paper'
                ? 'renewal.my.confirmedPaper'
                : 'renewal.my.confirmed',
              { at: formatDateTime(confirmation.confirmedAt, locale) },
            )}
          </p>
        </div>
      )}
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />

      <Check
        id="renewal-contact"
        title={t('renewal.my.contactTitle')}
        edit="/my/profile"
        editLabel={t('renewal.my.editContact')}
      >
        <dl class="summary-list">
          <div>
            <dt>{t('memberField.phone')}</dt>
            <dd>{formatPhone(member.phone)}</dd>
          </div>
          <div>
            <dt>{t('memberField.address')}</dt>
            <dd>
              {member.postalCode ? `〒${member.postalCode} ` : ''}
              {member.address}
            </dd>
          </div>
          <div>
            <dt>{t('memberField.email')}</dt>
            <dd class="break">{member.email}</dd>
          </div>
        </dl>
      </Check>

      {member.requester && (
        <Check
          id="renewal-children"
          title={t('renewal.my.childrenTitle')}
          edit="/my/children"
          editLabel={t('renewal.my.editChildren')}
        >
          {props.childList.length === 0 ? (
            <p>{t('renewal.my.none')}</p>
          ) : (
            <ul class="plain-list">
              {props.childList.map((c) => (
                <li>
                  {t('renewal.my.child', { name: c.name, birth: plainDate(c.birthDate, locale) })}
                </li>
              ))}
            </ul>
          )}
        </Check>
      )}

      <Check
        id="renewal-contacts"
        title={t(member.requester ? 'renewal.my.contactsTitle' : 'renewal.my.emergency')}
        edit="/my/contacts"
        editLabel={t('renewal.my.editContacts')}
      >
        <h3>{t('renewal.my.emergency')}</h3>
        <People t={t} rows={props.contacts} />
        {member.requester && (
          <>
            <h3>{t('renewal.my.pickups')}</h3>
            <People t={t} rows={props.pickups} />
          </>
        )}
      </Check>

      <section class="card" aria-labelledby="renewal-answer-title">
        <h2 id="renewal-answer-title">{t('renewal.my.answerTitle', { year })}</h2>
        <form method="post" action="/my/renewal" novalidate class="member-form">
          <RenewalAnswerFields
            ctx={ctx}
            labels={props.labels}
            requester={member.requester}
            helper={member.helper}
            values={{
              ...values,
              continueRequester:
                values.continueRequester ?? answer(confirmation?.continueRequester ?? null),
              continueHelper: values.continueHelper ?? answer(confirmation?.continueHelper ?? null),
            }}
            errors={errors}
            fieldLabels={labels}
            sideHint={t(
              props.late ? 'renewal.my.notContinuingHintLate' : 'renewal.my.notContinuingHint',
            )}
            consentHint={t('renewal.my.consentHint')}
          />
          <SubmitButton>
            {t(confirmation ? 'renewal.my.submitAgain' : 'renewal.my.submit')}
          </SubmitButton>
        </form>
      </section>
    </Layout>
  );
}
