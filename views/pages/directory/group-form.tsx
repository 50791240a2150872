import { areaName } from '../../../src/i18n/area-labels.js';
import {
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextareaField,
  TextField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import { GROUP_KINDS, MAX_AGE } from '../../../src/modules/directory/directory.schemas.js';
import { groupKindLabel } from './group-facts.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface GroupFormValues {
  name?: string;
  kind?: string;
  area?: string;
  schedule?: string;
  contact?: string;
  ageMin?: string;
  ageMax?: string;
  description?: string;
  url?: string;
}

/** Staff: add a group or place to the directory, or edit (or take off) one. */
export function GroupFormPage(props: {
  ctx: ViewContext;
  groupId?: string;
  areas: Area[];
  values: GroupFormValues;
  errors: FormErrors;
}) {
  const { t, locale } = props.ctx;
  const { values: v, errors } = props;
  const editing = props.groupId !== undefined;
  const title = t(editing ? 'dir.editTitle' : 'dir.newTitle');
  const labels: Record<string, string> = {
    name: t('dir.field.name'),
    kind: t('dir.field.kind'),
    area: t('dir.field.area'),
    schedule: t('dir.field.schedule'),
    contact: t('dir.field.contact'),
    ageMin: t('dir.field.ageMin'),
    ageMax: t('dir.field.ageMax'),
    description: t('dir.field.description'),
    url: t('dir.field.url'),
  };
  const ages = Array.from({ length: MAX_AGE + 1 }, (_, n) => ({
    value: String(n),
    label: t('dir.ageOption', { age: n }),
  }));
  const field = bindFields(t, v, errors, labels);
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink href="/directory" label={t('dir.backToList')} />
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form
        method="post"
        action={editing ? `/directory/${props.groupId}/edit` : '/directory'}
        class="member-form"
        novalidate
      >
        <TextField {...field('name')} required maxlength={100} />
        <SelectField
          {...field('kind')}
          required
          placeholder={t('dir.choose')}
          options={GROUP_KINDS.map((k) => ({ value: k, label: groupKindLabel(t, k) }))}
        />
        <SelectField
          {...field('area')}
          required
          placeholder={t('dir.choose')}
          options={props.areas.map((a) => ({
            value: a.code,
            label: areaName(props.areas, a.code, locale),
          }))}
        />
        <div class="cl-time-row">
          <SelectField
            {...field('ageMin')}
            value={v.ageMin ?? ''}
            placeholder={t('dir.noLimit')}
            options={ages}
          />
          <SelectField
            {...field('ageMax')}
            value={v.ageMax ?? ''}
            placeholder={t('dir.noLimit')}
            options={ages}
          />
        </div>
        <TextField {...field('schedule')} maxlength={300} hint={t('dir.field.scheduleHint')} />
        <TextField {...field('contact')} maxlength={300} hint={t('dir.field.contactHint')} />
        <TextareaField {...field('description')} rows={4} maxlength={1000} />
        <TextField {...field('url')} maxlength={500} hint={t('dir.field.urlHint')} />
        <button type="submit" class="button button--primary">
          {t(editing ? 'dir.save' : 'dir.add')}
        </button>
      </form>
      {editing && (
        <section aria-labelledby="archive-title" class="danger-zone">
          <h2 id="archive-title">{t('dir.archive')}</h2>
          <p>{t('dir.archiveLead')}</p>
          <form method="post" action={`/directory/${props.groupId}/archive`}>
            <button type="submit" class="button button--danger">
              {t('dir.archiveSubmit')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
