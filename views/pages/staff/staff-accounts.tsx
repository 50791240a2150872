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
import { formatDate } from '../../../src/lib/dates.js';

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'staff' | 'member';
  disabled_at: string | null;
  created_at: string;
}

export function StaffAccountsPage(props: {
  ctx: ViewContext;
  accounts: StaffRow[];
  values: { name?: string; email?: string; role?: string };
  errors: FormErrors;
}) {
  const { t, locale } = props.ctx;
  const labels = {
    name: t('staff.name'),
    email: t('staff.email'),
    role: t('staff.role'),
    password: t('staff.password'),
  };
  const field = bindFields(t, props.values, props.errors, labels);
  return (
    <Layout ctx={props.ctx} title={t('staff.title')}>
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.lead')}</p>
      <section aria-labelledby="staff-list-title">
        <h2 id="staff-list-title">{t('staff.list')}</h2>
        {props.accounts.length === 0 ? (
          <p>{t('staff.none')}</p>
        ) : (
          <ScrollTable
            labelledBy="staff-list-title"
            head={[
              labels.name,
              labels.email,
              labels.role,
              t('staff.created'),
              t('staffAccounts.status'),
            ]}
          >
            {props.accounts.map((a) => (
              <tr>
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>{t(`role.${a.role}`)}</td>
                <td>{formatDate(a.created_at, locale)}</td>
                <td>
                  {a.disabled_at ? t('staffAccounts.disabled') : t('staffAccounts.active')}{' '}
                  <a href={`/staff-accounts/${a.id}`}>{t('staffAccounts.manage')}</a>
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
      <section class="card" aria-labelledby="staff-add-title">
        <h2 id="staff-add-title">{t('staff.add')}</h2>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form method="post" action="/staff-accounts" novalidate>
          <TextField {...field('name')} required maxlength={100} />
          <TextField {...field('email')} type="email" required autocomplete="off" />
          <SelectField
            {...field('role')}
            value={props.values.role ?? 'staff'}
            options={[
              { value: 'staff', label: t('role.staff') },
              { value: 'admin', label: t('role.admin') },
            ]}
            required
          />
          <TextField
            {...field('password')}
            type="password"
            hint={t('password.newHint')}
            required
            autocomplete="new-password"
          />
          <SubmitButton>{t('staff.submit')}</SubmitButton>
        </form>
      </section>
    </Layout>
  );
}
