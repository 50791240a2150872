import type { ViewContext } from '../../view-context.js';
import { formatDateTime } from '../../format.js';
import { SelectField, TextField, type FormErrors } from '../../components/form-fields.js';
import { fileSizeText } from '../announcements/newsletters.js';

/** An incident's photos and documents (issue #19): the list, and adding one (staff). */

export interface AttachmentView {
  id: string;
  fileName: string;
  kind: 'photo' | 'document';
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploaderName: string | null;
  uploadedAt: string;
}

export interface AttachmentFormValues {
  kind?: string;
  description?: string;
}

export function AttachmentsSection(props: {
  ctx: ViewContext;
  incidentId: string;
  items: AttachmentView[];
  /** The file input's `accept` (types and extensions). */
  accept: string;
  /** Room for more files (at most 20 an incident). */
  full: boolean;
  values?: AttachmentFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const { t, locale } = props.ctx;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const base = `/incidents/${props.incidentId}/attachments`;
  const fileError = errors.file;
  return (
    <section aria-labelledby="attachments-heading" id="attachments">
      <h2 id="attachments-heading">{t('attachments.title')}</h2>
      <p>{t('attachments.lead')}</p>
      {props.items.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <ul class="act-list">
          {props.items.map((a) => (
            <li class="act-item">
              <p class="act-item__title">
                <a href={`${base}/${a.id}`}>{a.fileName}</a>
              </p>
              <p class="act-item__meta">
                {[
                  t(`attachments.kind.${a.kind}`),
                  fileSizeText(t, a.sizeBytes),
                  t('attachments.uploaded', {
                    name: a.uploaderName ?? '—',
                    at: formatDateTime(a.uploadedAt, locale),
                  }),
                ].join(' · ')}
              </p>
              {a.description && <p class="pre-line wrap">{a.description}</p>}
              <form method="post" action={`${base}/${a.id}/delete`} class="inline-form">
                <button type="submit" class="button button--secondary">
                  {t('attachments.delete')}
                  <span class="visually-hidden">{` ${a.fileName}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {props.full ? (
        <p>{t('attachments.full')}</p>
      ) : (
        <form
          method="post"
          action={base}
          enctype="multipart/form-data"
          class="member-form"
          novalidate
        >
          <h3>{t('attachments.add')}</h3>
          <div class={fileError ? 'field field--error' : 'field'}>
            <label for="field-file">
              {t('attachments.field.file')}
              <span class="required">{t('form.required')}</span>
            </label>
            <p class="hint" id="field-file-hint">
              {t('attachments.field.fileHint')}
            </p>
            {fileError && (
              <p class="field-error" id="field-file-error">
                {fileError}
              </p>
            )}
            <input
              id="field-file"
              name="file"
              type="file"
              accept={props.accept}
              required
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? 'field-file-hint field-file-error' : 'field-file-hint'}
            />
          </div>
          <SelectField
            t={t}
            name="kind"
            label={t('attachments.field.kind')}
            value={values.kind}
            error={errors.kind}
            placeholder={t('attachments.kind.auto')}
            options={[
              { value: 'photo', label: t('attachments.kind.photo') },
              { value: 'document', label: t('attachments.kind.document') },
            ]}
          />
          <TextField
            t={t}
            name="description"
            label={t('attachments.field.description')}
            value={values.description}
            error={errors.description}
            maxlength={200}
            hint={t('attachments.field.descriptionHint')}
          />
          <button type="submit" class="button button--primary">
            {t('attachments.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
