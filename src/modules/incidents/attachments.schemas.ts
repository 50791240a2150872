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
  const { file, kind: kindValue = '', description: descriptionValue = '' } = raw;
  if (!(file instanceof File)) errors.file = 'attachments.validation.file';
  const kindText = typeof kindValue === 'string' ? kindValue.trim() : null;
  const kind = kindText ? kindSchema.safeParse(kindText).data : undefined;
  if (kindText === null || (kindText !== '' && !kind)) errors.kind = 'attachments.validation.kind';
  const description = typeof descriptionValue === 'string' ? descriptionValue.trim() : null;
  if (description === null || description.length > 200 || hasRefusedCharacter(description))
    errors.description = 'attachments.validation.description';
  if (!(file instanceof File) || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { file, kind, description: description || undefined } };
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
