import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import type { AnnouncementFormValues } from '../../../views/pages/announcements/announcement-form.js';
import {
  announcementBody,
  newsletterPageBody,
  newsletterPdfFields,
} from './announcements.schemas.js';

/** The forms of announcements and newsletters (広報誌). */

type Intent = 'publish' | 'draft' | 'preview';

/** What the announcement form asks for: publish, save a draft, or (anything else) preview. */
export const intentOf = (raw: unknown): Intent => {
  const intent = textValues(raw).intent;
  return intent === 'publish' || intent === 'draft' ? intent : 'preview';
};

export function announcementValues(raw: unknown): AnnouncementFormValues {
  const form = textValues(raw);
  return {
    title: form.title ?? '',
    body: form.body ?? '',
    audience: form.audience ?? '',
    email: form.email === 'yes',
  };
}

export const announcementForm = z.unknown().transform((raw, ctx) => {
  const values = announcementValues(raw);
  const intent = intentOf(raw);
  const parsed = announcementBody.safeParse({
    title: values.title,
    body: values.body,
    audience: values.audience,
    email: values.email,
    publish: intent === 'publish',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom) });
    return z.NEVER;
  }
  return { input: parsed.data, intent, values };
});

export function newsletterPageValues(raw: unknown) {
  const form = textValues(raw);
  return { title: form.title ?? '', issuedOn: (form.issuedOn ?? '').trim(), body: form.body ?? '' };
}

export const newsletterPageForm = z.unknown().transform((raw, ctx) => {
  const parsed = newsletterPageBody.safeParse(newsletterPageValues(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom) });
    return z.NEVER;
  }
  return parsed.data;
});

export function newsletterPdfValues(raw: unknown) {
  const form = textValues(raw);
  return { title: form.pdfTitle ?? '', issuedOn: (form.pdfIssuedOn ?? '').trim() };
}

/** The PDF form's fields are `pdfTitle` and `pdfIssuedOn` (the page form has its own). */
const PDF_FIELD: Record<string, string> = { title: 'pdfTitle', issuedOn: 'pdfIssuedOn' };

export const newsletterPdfForm = z.unknown().transform((raw, ctx) => {
  const parsed = newsletterPdfFields.safeParse(newsletterPdfValues(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = PDF_FIELD[String(issue.path[0])];
      // Only the two fields of the form are shown (their first message each).
      if (field) ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom), path: [field] });
    }
  }
  const file = (raw as Record<string, unknown> | null)?.file;
  if (!(file instanceof File) || file.size === 0) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: 'news.validation.file' });
    return z.NEVER;
  }
  if (!parsed.success) return z.NEVER;
  return { fields: parsed.data, file };
});
