import { PageHead } from '../../components/page-head.js';
import {
  ErrorSummary,
  FieldFrame,
  TextField,
  describedBy,
  type FormErrors,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { Markdown } from './markdown.js';
import { CenterNewsNav } from './center-news-nav.js';
import { MarkdownHelp } from './markdown-help.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface NewsletterView {
  id: string;
  title: string;
  issuedOn: string;
  format: 'pdf' | 'page';
  fileName: string | null;
  fileSize: number | null;
  body: string | null;
}

/** "1.2 MB", "350 KB". */
export function fileSizeText(t: Translator, bytes: number): string {
  if (bytes >= 1024 * 1024)
    return t('news.sizeMb', { size: (Math.round((bytes / 1024 / 1024) * 10) / 10).toFixed(1) });
  return t('news.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
}

/** 広報誌: the archive of past newsletters, newest first. PDFs download; pages open. */
export function NewsletterListPage(props: {
  ctx: ViewContext;
  newsletters: NewsletterView[];
  isStaff: boolean;
}) {
  const { t, locale } = props.ctx;
  const title = t('news.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <PageHead
        title={title}
        action={props.isStaff && { href: '/newsletters/new', label: t('news.new') }}
      />
      <CenterNewsNav t={t} current="newsletters" />
      <p>{t('news.lead')}</p>
      {props.newsletters.length === 0 ? (
        <p class="card">{t('news.none')}</p>
      ) : (
        <ul class="plain-list cl-cards">
          {props.newsletters.map((n) => (
            <li class="card cl-card">
              <h2 class="cl-card__title">
                {n.format === 'pdf' ? (
                  <a href={`/newsletters/${n.id}/file`} download={n.fileName ?? undefined}>
                    {n.title}
                    <span class="cl-file">
                      {t('news.pdfLink', { size: fileSizeText(t, n.fileSize ?? 0) })}
                    </span>
                  </a>
                ) : (
                  <a href={`/newsletters/${n.id}`}>{n.title}</a>
                )}
              </h2>
              <p class="muted">{t('news.issuedOn', { date: formatDate(n.issuedOn, locale) })}</p>
              {props.isStaff && (
                <details class="disclosure">
                  <summary>{t('news.delete')}</summary>
                  <form method="post" action={`/newsletters/${n.id}/delete`}>
                    <button
                      type="submit"
                      class="button button--danger"
                      aria-label={t('news.deleteFor', { title: n.title })}
                    >
                      {t('news.deleteSubmit')}
                    </button>
                  </form>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** A newsletter written as a page. */
export function NewsletterPage(props: { ctx: ViewContext; newsletter: NewsletterView }) {
  const { t, locale } = props.ctx;
  const n = props.newsletter;
  return (
    <Layout ctx={props.ctx} title={n.title}>
      <StaffBackLink href="/newsletters" label={t('news.back')} />
      <article aria-labelledby="news-title" class="cl-newsletter">
        <h1 id="news-title">{n.title}</h1>
        <p class="muted">{t('news.issuedOn', { date: formatDate(n.issuedOn, locale) })}</p>
        <Markdown source={n.body ?? ''} class="cl-prose" />
      </article>
    </Layout>
  );
}

export interface NewsletterFormValues {
  title?: string;
  issuedOn?: string;
  body?: string;
}

/** Staff: add a newsletter, by uploading its PDF or by writing it as a page. */
export function NewsletterFormPage(props: {
  ctx: ViewContext;
  form: 'pdf' | 'page' | null;
  values: NewsletterFormValues;
  errors: FormErrors;
}) {
  const { t } = props.ctx;
  const title = t('news.newTitle');
  const pdfErrors = props.form === 'pdf' ? props.errors : {};
  const pageErrors = props.form === 'page' ? props.errors : {};
  const pdfValues = props.form === 'pdf' ? props.values : {};
  const pageValues = props.form === 'page' ? props.values : {};
  const labels: Record<string, string> = {
    title: t('news.field.title'),
    issuedOn: t('news.field.issuedOn'),
    pdfTitle: t('news.field.title'),
    pdfIssuedOn: t('news.field.issuedOn'),
    file: t('news.field.file'),
    body: t('news.field.body'),
  };
  const pdfField = bindFields(t, {}, pdfErrors);
  const pageField = bindFields(t, pageValues, pageErrors, labels);
  return (
    <Layout ctx={props.ctx} title={title}>
      <StaffBackLink href="/newsletters" label={t('news.back')} />
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <section aria-labelledby="pdf-title" class="card">
        <h2 id="pdf-title">{t('news.pdfTitle')}</h2>
        <p>{t('news.pdfLead')}</p>
        <form
          method="post"
          action="/newsletters/pdf"
          enctype="multipart/form-data"
          class="member-form"
          novalidate
        >
          <TextField
            {...pdfField('pdfTitle')}
            label={labels.title!}
            required
            maxlength={100}
            value={pdfValues.title}
            hint={t('news.field.titleHint')}
          />
          <TextField
            {...pdfField('pdfIssuedOn')}
            type="date"
            label={labels.issuedOn!}
            required
            value={pdfValues.issuedOn}
          />
          <FieldFrame
            t={t}
            id="field-file"
            label={labels.file!}
            hint={t('news.field.fileHint')}
            error={pdfErrors.file}
            required
          >
            <input
              id="field-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              required
              aria-invalid={pdfErrors.file ? 'true' : undefined}
              aria-describedby={describedBy('field-file', 'hint', pdfErrors.file)}
            />
          </FieldFrame>
          <button type="submit" class="button button--primary">
            {t('news.uploadSubmit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="page-title" class="card">
        <h2 id="page-title">{t('news.pageTitle')}</h2>
        <p>{t('news.pageLead')}</p>
        <form method="post" action="/newsletters/page" class="member-form" novalidate>
          <TextField {...pageField('title')} required maxlength={100} />
          <TextField {...pageField('issuedOn')} type="date" required />
          <TextareaField
            {...pageField('body')}
            required
            rows={14}
            maxlength={50000}
            hint={t('markdown.hint')}
          />
          <MarkdownHelp t={t} />
          <button type="submit" class="button button--primary">
            {t('news.pageSubmit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
