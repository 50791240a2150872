import { z } from 'zod';
import { hasRefusedCharacter } from '../../lib/text-schemas.js';
import { ATTACHMENT_KINDS, type AttachmentKind } from './attachment-rules.js';

/**
 * The upload form of an incident's attachment (multipart, page and API alike): `file`, and
 * optionally `kind` (photo | document; by default from the file) and a one-line `description`.
 * Messages are i18n keys, one per field.
 */
export type AttachmentField = 'file' | 'kind' | 'description';

export type AttachmentFormResult =
  | {
      ok: true;
      input: { file: File; kind: AttachmentKind | undefined; description: string | undefined };
    }
  | { ok: false; errors: Partial<Record<AttachmentField, string>> };

const kindSchema = z.enum(ATTACHMENT_KINDS);

export function parseAttachmentForm(raw: Record<string, unknown>): AttachmentFormResult {
  const errors: Partial<Record<AttachmentField, string>> = {};
  const file = raw.file;
  if (!(file instanceof File)) errors.file = 'attachments.validation.file';
  const kindText = typeof raw.kind === 'string' ? raw.kind.trim() : '';
  const kind = kindText === '' ? undefined : kindSchema.safeParse(kindText).data;
  if (kindText !== '' && !kind) errors.kind = 'attachments.validation.kind';
  if (raw.kind !== undefined && typeof raw.kind !== 'string')
    errors.kind = 'attachments.validation.kind';
  const descriptionText = typeof raw.description === 'string' ? raw.description.trim() : '';
  if (
    (raw.description !== undefined && typeof raw.description !== 'string') ||
    descriptionText.length > 200 ||
    hasRefusedCharacter(descriptionText)
  )
    errors.description = 'attachments.validation.description';
  if (Object.keys(errors).length > 0 || !(file instanceof File)) return { ok: false, errors };
  return { ok: true, input: { file, kind, description: descriptionText || undefined } };
}

/** The upload body as the OpenAPI document describes it (the handler reads it itself). */
export const attachmentUploadSchema = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: 'A JPEG, PNG, HEIC/HEIF photo or a PDF document (by its bytes), at most 10 MB',
    },
    kind: {
      type: 'string' as const,
      enum: [...ATTACHMENT_KINDS],
      description: 'By default: photo for an image, document for a PDF',
    },
    description: { type: 'string' as const, maxLength: 200 },
  },
};
