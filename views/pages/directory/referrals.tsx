import { ScrollTable } from '../../components/scroll-table.js';
import {
  ErrorSummary,
  TextField,
  type FormErrors,
  SelectField,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Locale } from '../../../db/schema.js';

export type { ReferralNote as ReferralView } from '../../../src/modules/directory/directory.service.js';
import type { ReferralNote as ReferralView } from '../../../src/modules/directory/directory.service.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface ReferralFormValues {
  groupId?: string;
  referredOn?: string;
  note?: string;
}

/** The referral notes under their heading (`id`), or a line saying there are none. */
function ReferralList(props: {
  t: Translator;
  locale: Locale;
  referrals: ReferralView[];
  id: string;
}) {
  const { t, locale } = props;
  return (
    <>
      <h2 id={props.id}>{t('dir.ref.title')}</h2>
      {props.referrals.length === 0 ? (
        <p>{t('dir.ref.none')}</p>
      ) : (
        <ReferralTable t={t} locale={locale} referrals={props.referrals} labelledBy={props.id} />
      )}
    </>
  );
}

function ReferralTable(props: {
  t: Translator;
  locale: Locale;
  referrals: ReferralView[];
  labelledBy: string;
}) {
  const { t, locale } = props;
  return (
    <ScrollTable
      labelledBy={props.labelledBy}
      head={[t('dir.ref.date'), t('dir.ref.group'), t('dir.ref.note'), t('dir.ref.staff')]}
    >
      {props.referrals.map((r) => (
        <tr>
          <td class="nowrap">{formatDate(r.referredOn, locale)}</td>
          <th scope="row">{r.groupName}</th>
          <td class="wrap">{r.note || '—'}</td>
          <td>{r.staffName ?? '—'}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/**
 * The section of the staff member page: where the family was referred to (newest first), with
 * the link to add a note. Render it with the notes from `referralsForMember()`.
 */
export function ReferralsSection(props: {
  ctx: ViewContext;
  memberId: string;
  referrals: ReferralView[];
}) {
  const { t, locale } = props.ctx;
  return (
    <section aria-labelledby="referrals-title">
      <ReferralList t={t} locale={locale} referrals={props.referrals} id="referrals-title" />
      <p>
        <a href={`/members/${props.memberId}/referrals`}>{t('dir.ref.add')}</a>
      </p>
    </section>
  );
}

/** Staff: the referral notes of one member, and the form to add one. */
export function ReferralsPage(props: {
  ctx: ViewContext;
  member: { id: string; name: string };
  referrals: ReferralView[];
  groups: { id: string; label: string }[];
  values: ReferralFormValues;
  errors: FormErrors;
}) {
  const { t, locale } = props.ctx;
  const title = t('dir.ref.pageTitle', { name: props.member.name });
  const labels: Record<string, string> = {
    groupId: t('dir.ref.group'),
    referredOn: t('dir.ref.date'),
    note: t('dir.ref.note'),
  };
  const field = bindFields(t, props.values, props.errors, labels);
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink href={`/members/${props.member.id}`} label={t('dir.ref.backToMember')} />
      <h1>{title}</h1>
      <section aria-labelledby="list-title">
        <ReferralList t={t} locale={locale} referrals={props.referrals} id="list-title" />
      </section>
      <section aria-labelledby="add-title" class="card">
        <h2 id="add-title">{t('dir.ref.add')}</h2>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form
          method="post"
          action={`/members/${props.member.id}/referrals`}
          class="member-form"
          novalidate
        >
          <SelectField
            {...field('groupId')}
            required
            placeholder={t('dir.choose')}
            options={props.groups.map((g) => ({ value: g.id, label: g.label }))}
          />
          <TextField {...field('referredOn')} type="date" required />
          <TextareaField
            {...field('note')}
            rows={3}
            maxlength={1000}
            hint={t('dir.ref.noteHint')}
          />
          <button type="submit" class="button button--primary">
            {t('dir.ref.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
