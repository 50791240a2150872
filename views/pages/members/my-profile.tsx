import { areaOptions } from '../../../src/i18n/area-labels.js';
import {
  ErrorSummary,
  SubmitButton,
  type FormErrors,
  BackToMy,
  SelectField,
  TextField,
  bindFields,
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
  const field = bindFields(t, values, errors, labels);
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
          {...field('phone')}
          type="tel"
          hint={t('hint.phone')}
          required
          autocomplete="tel"
          maxlength={30}
        />
        <TextField
          {...field('postalCode')}
          hint={t('hint.postalCode')}
          autocomplete="postal-code"
          inputmode="numeric"
          maxlength={10}
          size="short"
        />
        <TextField
          {...field('address')}
          hint={t('hint.address')}
          required
          autocomplete="street-address"
          maxlength={200}
        />
        <SelectField {...field('area')} required options={areaOptions(props.areas, locale)} />
        <TextField
          {...field('email')}
          type="email"
          hint={t('hint.email')}
          required
          autocomplete="email"
          maxlength={254}
        />
        <SubmitButton>{t('my.profile.submit')}</SubmitButton>
      </form>
      <section aria-labelledby="profile-line">
        <h2 id="profile-line">{t('line.profile.heading')}</h2>
        <p>
          <a href="/my/line">{t('line.profile.manage')}</a>
        </p>
      </section>
    </Layout>
  );
}
