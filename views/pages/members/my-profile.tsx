import { areaOptions } from '../../../src/i18n/area-labels.js';
import {
  ErrorSummary,
  SubmitButton,
  type FormErrors,
  BackToMy,
  SelectField,
  TextField,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';

export const PROFILE_FIELDS = ['phone', 'postalCode', 'address', 'area', 'email'] as const;

export function MyProfilePage(props: {
  ctx: ViewContext;
  member: { name: string; nameKana: string; birthDate: string };
  values: Partial<Record<(typeof PROFILE_FIELDS)[number], string>>;
  errors: FormErrors;
  areas: Area[];
}) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const labels = {
    phone: t('memberField.phone'),
    postalCode: t('memberField.postalCode'),
    address: t('memberField.address'),
    area: t('memberField.area'),
    email: t('memberField.email'),
  };
  return (
    <Layout ctx={ctx} title={t('my.profile.title')}>
      <BackToMy t={t} />
      <h1>{t('my.profile.title')}</h1>
      <p>{t('my.profile.lead')}</p>
      <dl class="summary-list">
        <div>
          <dt>{t('memberField.name')}</dt>
          <dd>{props.member.name}</dd>
        </div>
        <div>
          <dt>{t('memberField.nameKana')}</dt>
          <dd>{props.member.nameKana}</dd>
        </div>
        <div>
          <dt>{t('memberField.birthDate')}</dt>
          <dd>{formatDate(props.member.birthDate, locale)}</dd>
        </div>
      </dl>
      <p class="hint">{t('my.profile.fixed')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/my/profile" novalidate class="member-form">
        <TextField
          t={t}
          name="phone"
          type="tel"
          label={labels.phone}
          hint={t('hint.phone')}
          value={values.phone}
          error={errors.phone}
          required
          autocomplete="tel"
          maxlength={30}
        />
        <TextField
          t={t}
          name="postalCode"
          label={labels.postalCode}
          hint={t('hint.postalCode')}
          value={values.postalCode}
          error={errors.postalCode}
          autocomplete="postal-code"
          inputmode="numeric"
          maxlength={10}
          size="short"
        />
        <TextField
          t={t}
          name="address"
          label={labels.address}
          hint={t('hint.address')}
          value={values.address}
          error={errors.address}
          required
          autocomplete="street-address"
          maxlength={200}
        />
        <SelectField
          t={t}
          name="area"
          label={labels.area}
          value={values.area}
          error={errors.area}
          required
          options={areaOptions(props.areas, locale)}
        />
        <TextField
          t={t}
          name="email"
          type="email"
          label={labels.email}
          hint={t('hint.email')}
          value={values.email}
          error={errors.email}
          required
          autocomplete="email"
          maxlength={254}
        />
        <SubmitButton>{t('my.profile.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
