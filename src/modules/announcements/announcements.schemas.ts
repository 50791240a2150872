import { z } from 'zod';
import { isValidDateString } from '../../lib/dates.js';
import { ANNOUNCEMENT_AUDIENCES } from '../events/audience.js';

export const announcementBody = z
  .object({
    title: z.string().trim().min(1).max(100),
    /** Markdown (src/lib/markdown.ts); raw HTML is shown as text. */
    body: z.string().trim().min(1).max(20_000),
    audience: z.enum(ANNOUNCEMENT_AUDIENCES),
    /** Also send it by mail when published. */
    email: z.boolean().default(false),
    /** Publish at once (notify the audience); false keeps a draft. */
    publish: z.boolean().default(false),
  })
  .strict();
export type AnnouncementInput = z.output<typeof announcementBody>;

export const newsletterPageBody = z
  .object({
    title: z.string().trim().min(1).max(100),
    issuedOn: z.string().refine(isValidDateString, 'validation.date'),
    body: z.string().trim().min(1).max(50_000),
  })
  .strict();
export type NewsletterPageInput = z.output<typeof newsletterPageBody>;

/** The fields that come with an uploaded PDF (multipart form). */
export const newsletterPdfFields = z
  .object({
    title: z.string().trim().min(1).max(100),
    issuedOn: z.string().refine(isValidDateString, 'validation.date'),
  })
  .strict();

/** A PDF newsletter may be at most this big. */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
