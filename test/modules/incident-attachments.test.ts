import { beforeEach, describe, expect, it } from 'vitest';
import { createMember } from '../helpers/factories.js';
import {
  createUser,
  ORIGIN,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

// Issue #19 point 1: an incident's photos and documents, kept as files (a directory on Node,
// R2 on Workers), read only by those who may read the incident's health details (staff), every
// download audited. The clock starts on Saturday 2026-11-21 10:00 JST.

let ctx: TestContext;
let staff: TestClient;
let staffUserId: string;
let incidentId: string;

const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];
// An ISO media file whose `ftyp` box names the HEIC brand (what an iPhone's camera writes).
const HEIC = [0x00, 0x00, 0x00, 0x18, ...bytesOf('ftypheic'), 0x00, 0x00, 0x00, 0x00];
const PDF = [...bytesOf('%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n')];

function bytesOf(text: string) {
  return [...text].map((ch) => ch.charCodeAt(0) & 0xff);
}

const fileOf = (bytes: number[] | Uint8Array, name: string, type: string) =>
  new File([new Uint8Array(bytes)], name, { type });

beforeEach(async () => {
  ctx = await setupTestApp();
  const user = await createUser(ctx.deps, { role: 'staff' });
  staffUserId = user.id;
  staff = await TestClient.signedInAs(ctx, user);
  const res = await staff.json('POST', '/api/v1/incidents', {
    kind: 'accident',
    severity: 'moderate',
    description: '公園の遊具から落ちて右ひざをすりむいた。',
    actionTaken: '傷を水で洗い、保護者に電話した。',
    occurredAt: '2026-11-20T15:30:00+09:00',
    place: 'みどり公園',
    situation: 'during_help',
    victim: 'child',
    victimName: '依頼 こども',
  });
  expect(res.status).toBe(201);
  incidentId = ((await res.json()) as { id: string }).id;
});

function upload(
  client: TestClient,
  file: File | null,
  fields: Record<string, string> = {},
  path = `/api/v1/incidents/${incidentId}/attachments`,
) {
  const data = new FormData();
  if (file) data.append('file', file);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return client.request(path, { method: 'POST', headers: { origin: ORIGIN }, body: data });
}

interface AttachmentJson {
  id: string;
  incidentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  kind: string;
  description: string | null;
  uploadedBy: { id: string; name: string | null };
  uploadedAt: string;
  url: string;
}

async function uploaded(file: File, fields: Record<string, string> = {}) {
  const res = await upload(staff, file, fields);
  expect(res.status).toBe(201);
  return (await res.json()) as AttachmentJson;
}

const rowOf = (id: string) =>
  ctx.deps.db
    .selectFrom('incident_attachment')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const countRows = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('incident_attachment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const auditOf = (action: string) =>
  ctx.deps.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'subject_type', 'subject_id', 'details'])
    .where('action', '=', action)
    .execute();

describe('uploading', () => {
  it('stores a phone photo and answers what it is, by its bytes', async () => {
    const a = await uploaded(fileOf(JPEG, 'ひざ.jpg', 'image/jpeg'), {
      description: '右ひざのすり傷',
    });
    expect(a).toEqual({
      id: a.id,
      incidentId,
      fileName: 'ひざ.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 12,
      kind: 'photo',
      description: '右ひざのすり傷',
      uploadedBy: { id: staffUserId, name: expect.any(String) as string },
      uploadedAt: '2026-11-21T10:00:00+09:00',
      url: `/api/v1/incidents/${incidentId}/attachments/${a.id}`,
    });
    const row = await rowOf(a.id);
    expect(row.file_key).toBe(`incidents/${incidentId}/${a.id}`);
    const stored = await ctx.deps.files!.get(row.file_key);
    expect([...stored!.bytes]).toEqual(JPEG);
    expect(stored!.contentType).toBe('image/jpeg');
    expect((await auditOf('incident_attachment_added')).length).toBe(1);
  });

  it('recognises PNG, HEIC and PDF whatever the upload claimed; a PDF is a document', async () => {
    const png = await uploaded(fileOf(PNG, 'a.png', 'application/octet-stream'));
    const heic = await uploaded(fileOf(HEIC, 'IMG_0001.HEIC', ''));
    const pdf = await uploaded(fileOf(PDF, '診断書.pdf', 'image/jpeg'));
    expect([png.contentType, heic.contentType, pdf.contentType]).toEqual([
      'image/png',
      'image/heic',
      'application/pdf',
    ]);
    expect([png.kind, heic.kind, pdf.kind]).toEqual(['photo', 'photo', 'document']);
    // The uploader may file a photo of a receipt as a document.
    const receipt = await uploaded(fileOf(JPEG, 'receipt.jpg', 'image/jpeg'), { kind: 'document' });
    expect(receipt.kind).toBe('document');
  });

  it('refuses a file whose bytes are not an allowed type, even named and typed as a photo', async () => {
    const res = await upload(staff, fileOf(bytesOf('<html><script>'), 'photo.jpg', 'image/jpeg'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('attachment_type');
    expect(await countRows()).toBe(0);
  });

  it('refuses a file over 10 MB, saying the limit', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(JPEG);
    const res = await upload(staff, fileOf(big, 'big.jpg', 'image/jpeg'));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('attachment_too_large');
    expect(body.error.message).toContain('10MB');
    expect(await countRows()).toBe(0);
  });

  it('takes at most 20 files an incident', async () => {
    for (let i = 0; i < 20; i++) await uploaded(fileOf(PNG, `p${i}.png`, 'image/png'));
    const res = await upload(staff, fileOf(PNG, 'p20.png', 'image/png'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('attachment_limit');
    expect(await countRows()).toBe(20);
  });

  it('keeps the limit when the last free place is asked for twice at the same moment', async () => {
    for (let i = 0; i < 19; i++) await uploaded(fileOf(PNG, `p${i}.png`, 'image/png'));
    const answers = await Promise.all(
      ['a.png', 'b.png', 'c.png'].map((name) => upload(staff, fileOf(PNG, name, 'image/png'))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    expect(await countRows()).toBe(20);
    // An upload refused leaves no audit row behind.
    expect(await auditOf('incident_attachment_added')).toHaveLength(20);
  });

  it('answers 400 for a body without a file (a JSON body too), 404 for an unknown incident', async () => {
    expect((await upload(staff, null, { kind: 'photo' })).status).toBe(400);
    const badKind = await upload(staff, fileOf(JPEG, 'a.jpg', 'image/jpeg'), { kind: 'video' });
    expect(badKind.status).toBe(400);
    expect(
      ((await badKind.json()) as { error: { fields: Record<string, string[]> } }).error.fields,
    ).toEqual({ kind: ['種類は写真か書類を選んでください。'] });
    const json = await staff.json('POST', `/api/v1/incidents/${incidentId}/attachments`, {
      file: 'x',
    });
    expect(json.status).toBe(400);
    const unknown = await upload(
      staff,
      fileOf(JPEG, 'a.jpg', 'image/jpeg'),
      {},
      '/api/v1/incidents/00000000-0000-4000-8000-000000000000/attachments',
    );
    expect(unknown.status).toBe(404);
    expect(await countRows()).toBe(0);
  });

  it('refuses a cross-site upload', async () => {
    const data = new FormData();
    data.append('file', fileOf(JPEG, 'a.jpg', 'image/jpeg'));
    const res = await staff.request(`/api/v1/incidents/${incidentId}/attachments`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: data,
    });
    expect(res.status).toBe(403);
    expect(await countRows()).toBe(0);
  });
});

describe('reading', () => {
  it('sends the bytes with their type, never cached or sniffed, and audits each download', async () => {
    const photo = await uploaded(fileOf(JPEG, 'ひざ.jpg', 'image/jpeg'));
    const pdf = await uploaded(fileOf(PDF, 'report.pdf', 'application/pdf'));

    const res = await staff.get(photo.url);
    expect(res.status).toBe(200);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual(JPEG);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="__.jpg"; filename*=UTF-8''%E3%81%B2%E3%81%96.jpg`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const doc = await staff.get(`/incidents/${incidentId}/attachments/${pdf.id}`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    await doc.arrayBuffer();

    const reads = await auditOf('incident_attachment_read');
    expect(reads.map((r) => ({ ...r, details: JSON.parse(r.details ?? '{}') as unknown }))).toEqual(
      [
        {
          actor_user_id: staffUserId,
          subject_type: 'incident',
          subject_id: incidentId,
          details: { attachmentId: photo.id, fileName: 'ひざ.jpg' },
        },
        {
          actor_user_id: staffUserId,
          subject_type: 'incident',
          subject_id: incidentId,
          details: { attachmentId: pdf.id, fileName: 'report.pdf' },
        },
      ],
    );
  });

  it('lists the attachments of the incident', async () => {
    const a = await uploaded(fileOf(JPEG, 'a.jpg', 'image/jpeg'));
    ctx.clock.advance(60_000);
    const b = await uploaded(fileOf(PDF, 'b.pdf', 'application/pdf'));
    const res = await staff.get(`/api/v1/incidents/${incidentId}/attachments`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: AttachmentJson[]; total: number };
    expect(list.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(list.total).toBe(2);
  });

  it('gives members, strangers and a disabled staff account no bytes and writes no read', async () => {
    const photo = await uploaded(fileOf(JPEG, 'a.jpg', 'image/jpeg'));
    const parent = await createMember(ctx.deps, { kind: 'requester' });
    const helper = await createMember(ctx.deps, { kind: 'helper' });
    for (const member of [parent, helper]) {
      const client = await TestClient.signedInAs(ctx, member.user);
      for (const path of [
        photo.url,
        `/incidents/${incidentId}/attachments/${photo.id}`,
        `/api/v1/incidents/${incidentId}/attachments`,
      ]) {
        const res = await client.get(path);
        expect([403, 404]).toContain(res.status);
        expect(res.headers.get('content-type')).not.toBe('image/jpeg');
      }
      const up = await upload(client, fileOf(JPEG, 'b.jpg', 'image/jpeg'));
      expect([403, 404]).toContain(up.status);
      const del = await client.json('DELETE', photo.url);
      expect([403, 404]).toContain(del.status);
    }
    const anonymous = await new TestClient(ctx).get(photo.url);
    expect(anonymous.status).toBe(401);

    // A staff member who has left: the account is disabled, the session no longer opens.
    const leaver = await createUser(ctx.deps, { role: 'staff' });
    const leaverClient = await TestClient.signedInAs(ctx, leaver);
    await ctx.deps.db
      .updateTable('user')
      .set({ disabled_at: ctx.clock.now().toISOString() })
      .where('id', '=', leaver.id)
      .execute();
    const left = await leaverClient.get(photo.url);
    expect(left.status).toBe(401);

    expect(await auditOf('incident_attachment_read')).toEqual([]);
    expect(await countRows()).toBe(1);
  });

  it('does not serve an attachment under another incident', async () => {
    const photo = await uploaded(fileOf(JPEG, 'a.jpg', 'image/jpeg'));
    const other = await staff.json('POST', '/api/v1/incidents', {
      kind: 'near_miss',
      severity: 'minor',
      description: '段差でつまずきかけた。',
      actionTaken: '手をつないで歩いた。',
      occurredAt: '2026-11-20T16:00:00+09:00',
    });
    const otherId = ((await other.json()) as { id: string }).id;
    const res = await staff.get(`/api/v1/incidents/${otherId}/attachments/${photo.id}`);
    expect(res.status).toBe(404);
  });
});

describe('deleting', () => {
  it('deletes the file and keeps the row, with who removed it and when', async () => {
    const photo = await uploaded(fileOf(JPEG, 'a.jpg', 'image/jpeg'));
    const key = (await rowOf(photo.id)).file_key;
    ctx.clock.advance(10 * 60_000);
    const res = await staff.json('DELETE', photo.url);
    expect(res.status).toBe(204);
    const row = await rowOf(photo.id);
    expect([row.deleted_at, row.deleted_by]).toEqual(['2026-11-21T01:10:00.000Z', staffUserId]);
    expect(await ctx.deps.files!.get(key)).toBeNull();
    expect((await staff.get(photo.url)).status).toBe(404);
    const list = (await (
      await staff.get(`/api/v1/incidents/${incidentId}/attachments`)
    ).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    expect((await staff.json('DELETE', photo.url)).status).toBe(404);
    expect((await auditOf('incident_attachment_deleted')).length).toBe(1);
  });
});

describe('the incident page', () => {
  it('shows the upload form; a photo uploaded there is listed, opened and deleted', async () => {
    const page = await staff.get(`/incidents/${incidentId}`);
    const html = await page.text();
    expect(html).toContain(`action="/incidents/${incidentId}/attachments"`);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('accept="image/jpeg,image/png,image/heic,image/heif,application/pdf,');

    const res = await upload(
      staff,
      fileOf(JPEG, 'ひざ.jpg', 'image/jpeg'),
      {
        kind: 'photo',
        description: '受診前',
      },
      `/incidents/${incidentId}/attachments`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/incidents/${incidentId}#attachments`);
    const row = await ctx.deps.db
      .selectFrom('incident_attachment')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect([row.file_name, row.kind, row.description]).toEqual(['ひざ.jpg', 'photo', '受診前']);

    const after = await (await staff.get(`/incidents/${incidentId}`)).text();
    expect(after).toContain(`href="/incidents/${incidentId}/attachments/${row.id}"`);
    expect(after).toContain('ひざ.jpg');
    expect(after).toContain(`action="/incidents/${incidentId}/attachments/${row.id}/delete"`);

    const del = await staff.form(`/incidents/${incidentId}/attachments/${row.id}/delete`, {});
    expect(del.status).toBe(303);
    expect((await rowOf(row.id)).deleted_by).toBe(staffUserId);
  });

  it('shows a refused upload again with 422 and the message beside the file', async () => {
    const wrong = await upload(
      staff,
      fileOf(bytesOf('GIF89a......'), 'anim.gif', 'image/gif'),
      { description: 'けが' },
      `/incidents/${incidentId}/attachments`,
    );
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('このファイルは添付できません。');
    expect(html).toContain('value="けが"');

    const badKind = await upload(
      staff,
      fileOf(JPEG, 'a.jpg', 'image/jpeg'),
      { kind: 'video', description: 'x'.repeat(201) },
      `/incidents/${incidentId}/attachments`,
    );
    expect(badKind.status).toBe(422);
    const badKindHtml = await badKind.text();
    expect(badKindHtml).toContain('種類は写真か書類を選んでください。');
    expect(badKindHtml).toContain('説明は200文字以内で入力してください。');

    const none = await staff.form(`/incidents/${incidentId}/attachments`, { kind: 'photo' });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('ファイルを選んでください。');

    const notPng = await upload(
      staff,
      fileOf(bytesOf('not a photo'), 'x.png', 'image/png'),
      {},
      `/incidents/${incidentId}/attachments`,
    );
    expect(notPng.status).toBe(422);
    expect(await countRows()).toBe(0);
  });

  it('refuses a body far over the limit before reading it, with the page and the message (413)', async () => {
    const huge = new Uint8Array(10 * 1024 * 1024 + 200 * 1024);
    huge.set(JPEG);
    const res = await upload(
      staff,
      fileOf(huge, 'huge.jpg', 'image/jpeg'),
      {},
      `/incidents/${incidentId}/attachments`,
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('1ファイル10MBまでです。');
    const api = await upload(staff, fileOf(huge, 'huge.jpg', 'image/jpeg'));
    expect(api.status).toBe(413);
    expect(await countRows()).toBe(0);
  });

  it('says the 10 MB limit in English too', async () => {
    await ctx.deps.db
      .updateTable('user')
      .set({ locale: 'en' })
      .where('id', '=', staffUserId)
      .execute();
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(PNG);
    const res = await upload(
      staff,
      fileOf(big, 'big.png', 'image/png'),
      {},
      `/incidents/${incidentId}/attachments`,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Each file can be at most 10 MB.');
  });
});
