import {
  ErrorSummary,
  type FormErrors,
  Checkbox,
  RadioGroup,
  TextareaField,
  TextField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { ANNOUNCEMENT_AUDIENCES } from '../../../src/modules/events/audience.js';
import { Markdown } from './markdown.js';
import { MarkdownHelp } from './markdown-help.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface AnnouncementFormValues {
  title?: string;
  body?: string;
  audience?: string;
  email?: boolean;
}

/**
 * Staff: write an announcement in Markdown. プレビュー shows it as readers will see it (same
 * safe renderer); 下書き保存 keeps a draft; 公開する publishes and notifies the audience.
 */
export function AnnouncementFormPage(props: {
  ctx: ViewContext;
  announcementId?: string;
  values: AnnouncementFormValues;
  errors: FormErrors;
  preview: boolean;
}) {
  const { t } = props.ctx;
  const { values: v, errors } = props;
  const editing = props.announcementId !== undefined;
  const title = t(editing ? 'ann.editTitle' : 'ann.newTitle');
  const labels: Record<string, string> = {
    title: t('ann.field.title'),
    audience: t('ann.field.audience'),
    body: t('ann.field.body'),
  };
  const field = bindFields(t, v, errors, labels);
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink
        href={editing ? `/announcements/${props.announcementId}` : '/announcements'}
        label={t('ann.back')}
      />
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      {props.preview && v.body && (
        <section aria-labelledby="preview-title" class="card cl-preview">
          <h2 id="preview-title">{t('ann.preview')}</h2>
          <p class="cl-preview__title">{v.title}</p>
          <Markdown source={v.body} headingLevel={3} class="cl-prose" />
        </section>
      )}
      <form
        method="post"
        action={editing ? `/announcements/${props.announcementId}/edit` : '/announcements'}
        class="member-form"
        novalidate
      >
        <TextField {...field('title')} required maxlength={100} />
        <RadioGroup
          {...field('audience')}
          legend={labels.audience!}
          required
          value={v.audience ?? 'all'}
          options={ANNOUNCEMENT_AUDIENCES.map((a) => ({
            value: a,
            label: t(`ann.audience.${a}`),
          }))}
        />
        <TextareaField
          {...field('body')}
          required
          rows={12}
          maxlength={20000}
          hint={t('markdown.hint')}
        />
        <MarkdownHelp t={t} />
        <Checkbox
          name="email"
          label={t('ann.field.email')}
          hint={t('ann.field.emailHint')}
          checked={v.email === true}
        />
        <div class="button-row">
          {/* NOTE: Enter in a text field presses the first button: a preview, never a publish. */}
          <button type="submit" name="intent" value="preview" class="button button--secondary">
            {t('ann.previewSubmit')}
          </button>
          <button type="submit" name="intent" value="draft" class="button button--secondary">
            {t('ann.saveDraft')}
          </button>
          <button type="submit" name="intent" value="publish" class="button button--primary">
            {t('ann.publish')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
