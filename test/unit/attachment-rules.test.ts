import { describe, expect, it } from 'vitest';
import {
  attachmentRefusal,
  cleanAttachmentName,
  contentDispositionOf,
  sniffAttachmentType,
} from '../../src/modules/incidents/attachment-rules.js';

// An incident's attachments (issue #19): the type is what the first bytes say.

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe('sniffAttachmentType', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['HEIC (heix)', bytes([0, 0, 0, 0x18], 'ftypheix'), 'image/heic'],
    ['HEIF (mif1)', bytes([0, 0, 0, 0x18], 'ftypmif1'), 'image/heif'],
    ['MP4 (ftyp isom)', bytes([0, 0, 0, 0x18], 'ftypisom'), null],
    ['GIF', bytes('GIF89a'), null],
    ['HTML', bytes('<html>'), null],
    ['a PNG cut short', bytes([0x89], 'PNG'), null],
    ['nothing', bytes(), null],
    ['PDF without the dash', bytes('%PDF'), null],
  ])('%s', (_name, input, expected) => {
    expect(sniffAttachmentType(input)).toBe(expected);
  });
});

describe('attachmentRefusal', () => {
  const MB = 1024 * 1024;
  it.each([
    [{ size: 0, type: null, attachedAlready: 0 }, 'attachment_empty'],
    [
      { size: 10 * MB + 1, type: 'image/jpeg' as const, attachedAlready: 0 },
      'attachment_too_large',
    ],
    [{ size: 10 * MB, type: 'image/jpeg' as const, attachedAlready: 0 }, null],
    [{ size: 100, type: null, attachedAlready: 0 }, 'attachment_type'],
    [{ size: 100, type: 'application/pdf' as const, attachedAlready: 19 }, null],
    [{ size: 100, type: 'application/pdf' as const, attachedAlready: 20 }, 'attachment_limit'],
  ])('%o → %s', (input, expected) => {
    expect(attachmentRefusal(input)).toBe(expected);
  });
});

describe('names and dispositions', () => {
  it('keeps the last path segment, without control characters or quotes', () => {
    expect(cleanAttachmentName('C:\\photos\\ひざ "1".jpg', 'image/jpeg')).toBe('ひざ 1.jpg');
    expect(cleanAttachmentName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanAttachmentName('\u0000\u0007', 'image/heic')).toBe('attachment.heic');
  });

  it('shows images inline and downloads documents, with an ASCII and a UTF-8 name', () => {
    expect(contentDispositionOf('image/png', 'ひざ.png')).toBe(
      `inline; filename="__.png"; filename*=UTF-8''%E3%81%B2%E3%81%96.png`,
    );
    expect(contentDispositionOf('application/pdf', 'a b.pdf')).toBe(
      `attachment; filename="a b.pdf"; filename*=UTF-8''a%20b.pdf`,
    );
  });
});
