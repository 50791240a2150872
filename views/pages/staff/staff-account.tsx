import { ActionError, SelectField, SubmitButton } from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { StaffRow } from './staff-accounts.js';

/** One staff account's life: enable/disable, role, a reset code. */
export function StaffAccountPage(props: {
  ctx: ViewContext;
  account: StaffRow & { disabled_at: string | null };
  formError?: string | undefined;
}) {
  const { t } = props.ctx;
  const a = props.account;
  const base = `/staff-accounts/${a.id}`;
  const title = t('staffAccounts.detailTitle', { name: a.name });
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <ActionError message={props.formError} />
      <dl>
        <dt>{t('staff.email')}</dt>
        <dd>{a.email}</dd>
        <dt>{t('staff.role')}</dt>
        <dd>{t(`role.${a.role}`)}</dd>
        <dt>{t('staffAccounts.status')}</dt>
        <dd>{a.disabled_at ? t('staffAccounts.disabled') : t('staffAccounts.active')}</dd>
      </dl>
      <section class="card">
        {a.disabled_at ? (
          <form method="post" action={`${base}/enable`}>
            <SubmitButton>{t('staffAccounts.enable')}</SubmitButton>
          </form>
        ) : (
          <form method="post" action={`${base}/disable`}>
            <p class="hint">{t('staffAccounts.disableHint')}</p>
            <SubmitButton>{t('staffAccounts.disable')}</SubmitButton>
          </form>
        )}
      </section>
      <section class="card">
        <form method="post" action={`${base}/role`}>
          <SelectField
            t={t}
            name="role"
            label={t('staffAccounts.changeRole')}
            value={a.role}
            options={[
              { value: 'staff', label: t('role.staff') },
              { value: 'admin', label: t('role.admin') },
            ]}
            required
          />
          <SubmitButton>{t('staffAccounts.changeRole')}</SubmitButton>
        </form>
      </section>
      <section class="card">
        <form method="post" action={`${base}/password-reset`}>
          <SubmitButton>{t('recovery.issueCode')}</SubmitButton>
        </form>
      </section>
      <p>
        <a href="/staff-accounts">{t('staff.title')}</a>
      </p>
    </Layout>
  );
}
