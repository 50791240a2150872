/**
 * What an incident may have attached (issue #19): photos (JPEG, PNG, HEIC/HEIF from a phone's
 * camera) and documents (PDF), recognised by their first bytes, never by the name or the type
 * the upload claimed. At most 10 MB a file and 20 files an incident.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_INCIDENT = 20;
export const ATTACHMENT_KINDS = ['photo', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** What the file input offers (types and extensions: some phones only know the extension). */
export const ATTACHMENT_ACCEPT =
  'image/jpeg,image/png,image/heic,image/heif,application/pdf,.jpg,.jpeg,.png,.heic,.heif,.pdf';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

/**
 * The type of a file by its magic bytes, or null when it is none of the allowed ones.
 * HEIC/HEIF are ISO media files: a `ftyp` box at byte 4 whose major brand (bytes 8–12) names it.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // "%PDF-"
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
    if (HEIF_BRANDS.has(brand)) return 'image/heif';
  }
  return null;
}

export const isImage = (type: string) => type.startsWith('image/');

/** The kind a file is filed under when the uploader did not say: images are photos. */
export const defaultKindOf = (type: AttachmentType): AttachmentKind =>
  isImage(type) ? 'photo' : 'document';

/**
 * Why an upload is refused (the rule's code), or null. Size is checked first: a file too big is
 * refused whatever it holds.
 */
export function attachmentRefusal(input: {
  size: number;
  type: AttachmentType | null;
  attachedAlready: number;
}): 'attachment_empty' | 'attachment_too_large' | 'attachment_type' | 'attachment_limit' | null {
  if (input.size === 0) return 'attachment_empty';
  if (input.size > MAX_ATTACHMENT_BYTES) return 'attachment_too_large';
  if (input.type === null) return 'attachment_type';
  if (input.attachedAlready >= MAX_ATTACHMENTS_PER_INCIDENT) return 'attachment_limit';
  return null;
}

/** A file name safe to store and to show: no path, no control characters, at most 120 chars. */
export function cleanAttachmentName(name: string, type: AttachmentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 120);
  if (clean) return clean;
  const ext = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/heic': 'heic',
    'image/heif': 'heif',
    'application/pdf': 'pdf',
  }[type];
  return `attachment.${ext}`;
}

/** The Content-Disposition of a download: images may show in the browser, documents download. */
export function contentDispositionOf(type: string, fileName: string): string {
  const asciiName = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${isImage(type) ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
