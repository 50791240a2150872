import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  Checkbox,
  ErrorSummary,
  SelectField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import {
  NATIONAL_CATEGORIES,
  helpCategoryLabel,
  type HelpCategory,
} from '../../../src/modules/categories/help-category-rules.js';
import {
  HELP_CATEGORY_FLAGS,
  type HelpCategoryFormValues,
} from '../../../src/modules/categories/categories-form.js';
import { StaffBackLink } from '../../components/back-link.js';
import { DataTable } from '../../components/data-table.js';

/**
 * Help categories (援助内容, issue #19 point 4), for admins: every category with its flags and
 * national survey category; each one's edit form. Codes in use can only be deactivated.
 */
export function HelpCategoriesPage(props: {
  ctx: ViewContext;
  categories: HelpCategory[];
  inUse: number[];
}) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const yesNo = (b: boolean) => (b ? t('helpCategories.yes') : '');
  return (
    <Layout ctx={ctx} title={t('helpCategories.title')}>
      <StaffBackLink href="/settings" label={t('feeTables.backToSettings')} />
      <h1>{t('helpCategories.title')}</h1>
      <p>{t('helpCategories.lead')}</p>
      <DataTable
        head={[
          t('helpCategories.col.code'),
          t('helpCategories.col.label'),
          t('helpCategories.col.order'),
          t('helpCategories.col.active'),
          t('helpCategories.col.transportOnly'),
          t('helpCategories.col.sickChild'),
          t('helpCategories.col.national'),
          t('helpCategories.col.inUse'),
        ]}
      >
        {props.categories.map((c) => (
          <tr>
            <td>{c.code}</td>
            <td>
              <a href={`/help-categories/${c.code}`}>{helpCategoryLabel(c, locale)}</a>
            </td>
            <td>{c.sortOrder}</td>
            <td>{c.active ? t('helpCategories.yes') : t('helpCategories.inactive')}</td>
            <td>{yesNo(c.transportOnly)}</td>
            <td>{yesNo(c.sickChild)}</td>
            <td>{t(`helpCategories.national.${c.nationalCategory}`)}</td>
            <td>{yesNo(props.inUse.includes(c.code))}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

export function HelpCategoryEditPage(props: {
  ctx: ViewContext;
  category: HelpCategory;
  inUse: boolean;
  values: HelpCategoryFormValues;
  errors: FormErrors;
}) {
  const { ctx, values: v, errors, category } = props;
  const { t, locale } = ctx;
  const labels: Record<string, string> = {
    labelJa: t('helpCategories.field.labelJa'),
    labelEn: t('helpCategories.field.labelEn'),
    sortOrder: t('helpCategories.field.sortOrder'),
    nationalCategory: t('helpCategories.field.nationalCategory'),
    active: t('helpCategories.field.active'),
    transportOnly: t('helpCategories.field.transportOnly'),
    sickChild: t('helpCategories.field.sickChild'),
  };
  const field = bindFields(t, v, errors, labels);
  const title = t('helpCategories.editTitle', {
    code: String(category.code),
    label: helpCategoryLabel(category, locale),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <StaffBackLink href="/help-categories" label={t('helpCategories.back')} />
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form
        method="post"
        action={`/help-categories/${category.code}`}
        class="member-form"
        novalidate
      >
        <TextField {...field('labelJa')} required maxlength={60} />
        <TextField {...field('labelEn')} required maxlength={80} />
        <TextField
          {...field('sortOrder')}
          inputmode="numeric"
          size="short"
          required
          hint={t('helpCategories.hint.sortOrder')}
        />
        <SelectField
          {...field('nationalCategory')}
          required
          options={NATIONAL_CATEGORIES.map((n) => ({
            value: n,
            label: t(`helpCategories.national.${n}`),
          }))}
        />
        {HELP_CATEGORY_FLAGS.map((f) => (
          <Checkbox
            name={f}
            label={labels[f]!}
            checked={v[f] === 'yes'}
            error={errors[f]}
            hint={t(`helpCategories.hint.${f}`)}
          />
        ))}
        <button type="submit" class="button button--primary">
          {t('helpCategories.save')}
        </button>
      </form>
      {props.inUse ? (
        <p class="hint">{t('helpCategories.inUseHint')}</p>
      ) : (
        <form method="post" action={`/help-categories/${category.code}/delete`}>
          <button type="submit" class="button button--danger">
            {t('helpCategories.delete')}
          </button>
        </form>
      )}
    </Layout>
  );
}
