import { sql } from 'kysely';
import type { AppDeps, CurrentUser } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { markdownToPlainText } from '../../lib/markdown.js';
import { buildAuditIfPreviousChanged, buildAuditInsert } from '../audit/audit.queries.js';
import { changeAudited, insertAudited } from '../audit/audit.service.js';
import { canReadAnnouncement, type Viewer } from '../events/audience.js';
import {
  buildDeleteDraft,
  buildDeleteNewsletter,
  buildInsertAnnouncement,
  buildInsertNewsletter,
  buildInsertNewsletterPart,
  buildPublishAnnouncement,
  buildUpdateDraft,
  findAnnouncement,
  findNewsletter,
  findNewsletterPart,
  listNewsletterPartSeqs,
  type AnnouncementRow,
} from './announcements.queries.js';
import type { AnnouncementInput, NewsletterPageInput } from './announcements.schemas.js';
import { MAX_PDF_BYTES } from './announcements.schemas.js';
import { buildAudienceNotifications } from './audience-notify.js';

// ---------------------------------------------------------------------------------------------
// Announcements

/** The announcement if the viewer may read it (staff: also drafts); 404 otherwise. */
export async function loadReadableAnnouncement(
  deps: Pick<AppDeps, 'db'>,
  viewer: Viewer,
  id: string,
): Promise<AnnouncementRow> {
  const row = await findAnnouncement(deps.db, id);
  if (!row || !canReadAnnouncement(viewer, row.audience)) throw notFound();
  if (row.published_at === null && viewer.kind !== 'staff') throw notFound();
  return row;
}

/** Writes an announcement: a draft, or published at once (then the audience is notified). */
export async function createAnnouncement(
  deps: AppDeps,
  actor: CurrentUser,
  input: AnnouncementInput,
): Promise<{ announcement: AnnouncementRow; notified: number }> {
  const id = await insertAudited(
    deps,
    actor,
    {
      action: 'announcement_written',
      subjectType: 'announcement',
      details: { audience: input.audience },
    },
    (id, at) =>
      buildInsertAnnouncement(deps.db, {
        id,
        title: input.title,
        body: input.body,
        audience: input.audience,
        email: input.email ? 1 : 0,
        published_at: null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      }),
  );
  return publishIfAsked(deps, actor, id, input.publish);
}

/** Edits a draft (409 `already_published` once it went out: what was sent stays as sent). */
export async function updateDraft(
  deps: AppDeps,
  actor: CurrentUser,
  id: string,
  input: AnnouncementInput,
) {
  const row = await findAnnouncement(deps.db, id);
  if (!row) throw notFound();
  const now = deps.clock.now().toISOString();
  const [update] = await deps.atomic([
    buildUpdateDraft(deps.db, id, {
      title: input.title,
      body: input.body,
      audience: input.audience,
      email: input.email ? 1 : 0,
      updated_at: now,
    }),
  ]);
  if (!update || update.numAffectedRows === 0)
    throw conflict('already_published', 'ann.rule.already_published');
  return publishIfAsked(deps, actor, id, input.publish);
}

/** After a write: publishes the announcement when the form asked for it, else returns it. */
async function publishIfAsked(deps: AppDeps, actor: CurrentUser, id: string, publish: boolean) {
  if (publish) return publishAnnouncement(deps, actor, id);
  return { announcement: (await findAnnouncement(deps.db, id))!, notified: 0 };
}

/**
 * Publishes a draft and notifies its audience (inbox, and mail when the announcement says so)
 * in ONE atomic batch: the conditional UPDATE, its audit row, and the notices, which are written
 * only if this very UPDATE published it (published_at equals this instant). So a second publish
 * (a double click, two staff) changes nothing and notifies nobody twice: 409 `already_published`.
 */
export async function publishAnnouncement(
  deps: AppDeps,
  actor: CurrentUser,
  id: string,
): Promise<{ announcement: AnnouncementRow; notified: number }> {
  const row = await findAnnouncement(deps.db, id);
  if (!row) throw notFound();
  if (row.published_at !== null) throw conflict('already_published', 'ann.rule.already_published');
  const now = deps.clock.now();
  const at = now.toISOString();
  const plain = markdownToPlainText(row.body);
  const { statements, recipients } = await buildAudienceNotifications(deps, {
    audience: row.audience,
    kind: row.audience === 'staff' ? 'announcement_staff' : 'announcement',
    params: { title: row.title, excerpt: markdownToPlainText(row.body, 120) },
    link: `/announcements/${id}`,
    dedupePrefix: `announcement:${id}`,
    email: row.email ? { ja: `${row.title}\n\n${plain}`, en: `${row.title}\n\n${plain}` } : null,
    onlyIf: sql`EXISTS (SELECT 1 FROM announcement a WHERE a.id = ${id} AND a.published_at = ${at})`,
  });
  const batch: Compilable[] = [
    buildPublishAnnouncement(deps.db, id, at),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'announcement_published',
      subjectType: 'announcement',
      subjectId: id,
      details: { audience: row.audience, email: row.email === 1, recipients },
    }),
    ...statements,
  ];
  const [update] = await deps.atomic(batch);
  if (!update || update.numAffectedRows === 0)
    throw conflict('already_published', 'ann.rule.already_published');
  return { announcement: (await findAnnouncement(deps.db, id))!, notified: recipients };
}

/** Deletes a draft (a published announcement stays: people were told about it). */
export async function deleteDraft(deps: AppDeps, actor: CurrentUser, id: string) {
  const { changed } = await changeAudited(deps, actor, buildDeleteDraft(deps.db, id), {
    action: 'announcement_draft_deleted',
    subjectType: 'announcement',
    subjectId: id,
  });
  if (!changed) {
    if (!(await findAnnouncement(deps.db, id))) throw notFound();
    throw conflict('already_published', 'ann.rule.already_published');
  }
}

// ---------------------------------------------------------------------------------------------
// Newsletters (広報誌)

/** Bytes per stored part: D1 caps a row at 2 MB, so a 5 MB PDF is kept in a few parts. */
export const PART_BYTES = 1024 * 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether the bytes start like a PDF file ("%PDF-"), whatever the upload claimed to be. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/** A file name safe to store and to show: no path, no control characters, at most 120 chars. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 120);
  return clean || 'newsletter.pdf';
}

export async function createNewsletterPage(
  deps: AppDeps,
  actor: CurrentUser,
  input: NewsletterPageInput,
) {
  const id = await insertAudited(
    deps,
    actor,
    { action: 'newsletter_added', subjectType: 'newsletter', details: { format: 'page' } },
    (id, at) =>
      buildInsertNewsletter(deps.db, {
        id,
        title: input.title,
        issued_on: input.issuedOn,
        format: 'page',
        body: input.body,
        file_name: null,
        file_size: null,
        created_by: actor.id,
        created_at: at,
      }),
  );
  return (await findNewsletter(deps.db, id))!;
}

/**
 * Stores an uploaded PDF: 422 `not_a_pdf` unless the bytes start with "%PDF-", 422
 * `file_too_large` above MAX_PDF_BYTES. The bytes go into the database (BLOB parts), all in one
 * atomic batch with the newsletter row, so a half-stored file never shows up.
 */
export async function uploadNewsletterPdf(
  deps: AppDeps,
  actor: CurrentUser,
  input: { title: string; issuedOn: string; fileName: string; bytes: Uint8Array },
) {
  if (input.bytes.byteLength === 0 || !looksLikePdf(input.bytes))
    throw unprocessable('not_a_pdf', 'news.rule.not_a_pdf');
  if (input.bytes.byteLength > MAX_PDF_BYTES)
    throw unprocessable('file_too_large', 'news.rule.file_too_large');
  const id = newId();
  const now = deps.clock.now();
  const parts: Compilable[] = [];
  for (let seq = 0, offset = 0; offset < input.bytes.byteLength; seq++, offset += PART_BYTES) {
    parts.push(
      buildInsertNewsletterPart(deps.db, {
        newsletter_id: id,
        seq,
        data: input.bytes.slice(offset, offset + PART_BYTES),
      }),
    );
  }
  await deps.atomic([
    buildInsertNewsletter(deps.db, {
      id,
      title: input.title,
      issued_on: input.issuedOn,
      format: 'pdf',
      body: null,
      file_name: cleanFileName(input.fileName),
      file_size: input.bytes.byteLength,
      created_by: actor.id,
      created_at: now.toISOString(),
    }),
    ...parts,
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'newsletter_added',
      subjectType: 'newsletter',
      subjectId: id,
      details: { format: 'pdf', bytes: input.bytes.byteLength },
    }),
  ]);
  return (await findNewsletter(deps.db, id))!;
}

export async function deleteNewsletter(deps: AppDeps, actor: CurrentUser, id: string) {
  const { changed } = await changeAudited(deps, actor, buildDeleteNewsletter(deps.db, id), {
    action: 'newsletter_deleted',
    subjectType: 'newsletter',
    subjectId: id,
  });
  if (!changed) throw notFound();
}

/** A BLOB as the runtime returns it (Buffer on Node; ArrayBuffer or number[] on D1) → bytes. */
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  throw new Error('[newsletter] unexpected BLOB value from the database');
}

/**
 * The PDF's bytes as a stream, one stored part at a time (a part is read only when the client
 * is ready for it), and what to send with it. 404 unless it is a PDF newsletter.
 */
export async function openNewsletterFile(deps: Pick<AppDeps, 'db'>, id: string) {
  const row = await findNewsletter(deps.db, id);
  if (!row || row.format !== 'pdf' || row.file_size === null) throw notFound();
  const seqs = (await listNewsletterPartSeqs(deps.db, id)).map((p) => p.seq);
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next >= seqs.length) {
        controller.close();
        return;
      }
      const part = await findNewsletterPart(deps.db, id, seqs[next++]!);
      if (part) controller.enqueue(toBytes(part.data));
    },
  });
  return { row, stream, size: row.file_size, fileName: row.file_name ?? 'newsletter.pdf' };
}

/** An uploaded file as a newsletter; its size is checked before reading, to never hold more. */
export async function uploadNewsletterFile(
  deps: AppDeps,
  actor: CurrentUser,
  fields: { title: string; issuedOn: string },
  file: File,
) {
  if (file.size > MAX_PDF_BYTES)
    throw new AppError(422, 'file_too_large', 'news.rule.file_too_large');
  return uploadNewsletterPdf(deps, actor, {
    ...fields,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
}
