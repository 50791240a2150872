import { z } from 'zod';
import { multiLineText, singleLineText } from '../../lib/text-schemas.js';
import { isValidDateString } from '../../lib/dates.js';
import { ANNOUNCEMENT_AUDIENCES } from '../events/audience.js';

export const announcementBody = z
  .object({
    title: singleLineText(100),
    /** Markdown (src/lib/markdown.ts); raw HTML is shown as text. */
    body: multiLineText(20_000, 1),
    audience: z.enum(ANNOUNCEMENT_AUDIENCES),
    /** Also send it by mail when published. */
    email: z.boolean().default(false),
    /** Publish at once (notify the audience); false keeps a draft. */
    publish: z.boolean().default(false),
  })
  .strict();
export type AnnouncementInput = z.output<typeof announcementBody>;

/** The fields that come with an uploaded PDF (multipart form). */
export const newsletterPdfFields = z
  .object({
    title: singleLineText(100),
    issuedOn: z.string().refine(isValidDateString, 'validation.date'),
  })
  .strict();

/** A newsletter written as a page: the fields of a PDF one, and its text. */
export const newsletterPageBody = newsletterPdfFields.extend({ body: multiLineText(50_000, 1) });
export type NewsletterPageInput = z.output<typeof newsletterPageBody>;

/** A PDF newsletter may be at most this big. */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
