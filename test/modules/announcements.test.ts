/**
 * Announcements and the newsletter archive: hostile Markdown never reaches a page as HTML,
 * publishing notifies exactly the audience (inbox, and the outbox when mailed), drafts and other
 * audiences stay hidden, and PDF newsletters are checked, stored and downloaded by members only.
 * Runs on better-sqlite3 and on D1.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildAudienceNotifications } from '../../src/modules/announcements/audience-notify.js';
import { createMember } from '../helpers/factories.js';
import {
  createUser,
  ORIGIN,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

let ctx: TestContext;
let staff: TestClient;

beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

async function member(
  kind: 'requester' | 'helper' | 'both',
  options: Parameters<typeof createMember>[1] = {},
) {
  const { user, member } = await createMember(ctx.deps, { kind, ...options });
  return { user, member, client: await TestClient.signedInAs(ctx, user) };
}

interface AnnouncementJson {
  id: string;
  title: string;
  bodyHtml: string;
  status: string;
  publishedAt: string | null;
}

async function write(body: object): Promise<{ announcement: AnnouncementJson; notified: number }> {
  const res = await staff.json('POST', '/api/v1/announcements', {
    title: 'お知らせ',
    body: '本文',
    audience: 'all',
    ...body,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { announcement: AnnouncementJson; notified: number };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[y](data:text/html,<script>alert(1)</script>)',
  '**<b>x</b>**',
  '[z](JAVASCRIPT:alert(1)) [w](//evil.example) <a href="javascript:alert(1)">a</a>',
  '<iframe src="https://evil.example"></iframe><svg onload=alert(1)>',
].join('\n\n');

/** Every tag in a page: name and attributes, for checking what the page really contains. */
function tags(html: string) {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s[^>]*)?)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attrs: m[2] ?? '',
  }));
}

function expectNoHostileMarkup(html: string) {
  const found = tags(html);
  for (const bad of ['script', 'img', 'iframe', 'svg', 'b', 'object', 'embed'])
    expect(
      found.filter((t) => t.name === bad),
      `<${bad}>`,
    ).toEqual([]);
  for (const t of found) {
    expect(t.attrs, `<${t.name}${t.attrs}>`).not.toMatch(/\son\w+\s*=/i);
    const href = /\shref="([^"]*)"/.exec(t.attrs)?.[1];
    if (href !== undefined)
      expect(href, `<${t.name} href>`).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#|\?)/);
  }
  // Raw HTML is shown as text (&lt;a href=&quot;javascript:…), never as an attribute.
  expect(html).not.toMatch(/(href|src|action)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
}

describe('hostile Markdown', () => {
  it('is shown as text: no tag, handler or dangerous URL survives on any page', async () => {
    const { announcement } = await write({
      title: '<script>alert("title")</script>',
      body: HOSTILE,
      publish: true,
    });
    const helper = await member('helper');
    for (const path of [`/announcements/${announcement.id}`, '/announcements', '/']) {
      const res = await helper.client.get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      // The layout's own markup is ours; the announcement's must all be text.
      expectNoHostileMarkup(html);
      if (path !== '/') expect(html).toContain('&lt;script&gt;');
    }
    const page = await (await helper.client.get(`/announcements/${announcement.id}`)).text();
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<strong>&lt;b&gt;x&lt;/b&gt;</strong>');
    // The refused Markdown links keep their text only: the URL is gone, not even shown.
    expect(page).toMatch(/<p>x<\/p>/);
    expect(page).toMatch(/<p>y<\/p>/);
    expect(page).not.toContain('data:text/html');
    expect(page).not.toContain('JAVASCRIPT:');
    // And the API's bodyHtml is the same safe rendering.
    const json = (await (
      await helper.client.get(`/api/v1/announcements/${announcement.id}`)
    ).json()) as AnnouncementJson;
    expectNoHostileMarkup(json.bodyHtml);
    // The preview on the staff form goes through the same renderer.
    const preview = await staff.form('/announcements', {
      title: 't',
      body: HOSTILE,
      audience: 'all',
      intent: 'preview',
    });
    expect(preview.status).toBe(200);
    expectNoHostileMarkup(await preview.text());
  });

  it('keeps the safe subset: headings, emphasis, lists and safe links', async () => {
    const { announcement } = await write({
      body: '## 持ち物\n- 上履き\n- **筆記用具**\n\n詳しくは[市のページ](https://city.example.jp/a?b=1&c=2)へ。',
      publish: true,
    });
    const html = announcement.bodyHtml;
    expect(html).toContain('<h2>持ち物</h2>');
    expect(html).toContain('<li><strong>筆記用具</strong></li>');
    expect(html).toContain(
      '<a href="https://city.example.jp/a?b=1&amp;c=2" rel="noopener noreferrer">市のページ</a>',
    );
  });
});

describe('publishing and the audience', () => {
  it('notifies the audience only, once, in the inbox; mail only when asked', async () => {
    const helper = await member('helper');
    const both = await member('both');
    const parent = await member('requester');
    const suspended = await member('helper', { helperStatus: 'suspended' });

    const { announcement, notified } = await write({
      title: '救命講習のお願い',
      body: '救命講習の **更新** をお願いします。',
      audience: 'helpers',
      email: true,
      publish: true,
    });
    const notices = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind', 'title', 'body', 'link', 'dedupe_key'])
      .where('kind', '=', 'announcement')
      .execute();
    const helperUserIds = (
      await ctx.deps.db
        .selectFrom('member')
        .select('user_id')
        .where('helper_status', 'in', ['applied', 'active'])
        .execute()
    ).map((m) => m.user_id);
    expect(notices.map((n) => n.user_id).sort()).toEqual(helperUserIds.sort());
    expect(notified).toBe(helperUserIds.length);
    expect(notices.map((n) => n.user_id)).toContain(helper.user.id);
    expect(notices.map((n) => n.user_id)).toContain(both.user.id);
    expect(notices.map((n) => n.user_id)).not.toContain(parent.user.id);
    expect(notices.map((n) => n.user_id)).not.toContain(suspended.user.id);
    const mine = notices.find((n) => n.user_id === helper.user.id)!;
    expect(mine).toMatchObject({
      title: 'センターからのお知らせ：救命講習のお願い',
      body: '救命講習の 更新 をお願いします。',
      link: `/announcements/${announcement.id}`,
      dedupe_key: `announcement:${announcement.id}:${helper.user.id}`,
    });
    // The mail: one per notice, through the same outbox, with the whole text.
    const mail = await ctx.deps.db
      .selectFrom('outbox')
      .select(['to_email', 'subject', 'body', 'status'])
      .execute();
    expect(mail).toHaveLength(notices.length);
    expect(mail.find((m) => m.to_email === helper.user.email)).toMatchObject({
      subject: '【つなぐ】センターからのお知らせ：救命講習のお願い',
      status: 'pending',
    });
    expect(mail[0]!.body).toContain('救命講習の 更新 をお願いします。');

    // The helper's inbox and home show it; the parent's do not.
    const inbox = (await (await helper.client.get('/api/v1/notifications')).json()) as {
      items: { title: string }[];
    };
    expect(inbox.items.map((i) => i.title)).toContain('センターからのお知らせ：救命講習のお願い');
    expect(await (await helper.client.get('/')).text()).toContain('救命講習のお願い');
    expect(await (await parent.client.get('/')).text()).not.toContain('救命講習のお願い');
    expect((await parent.client.get(`/announcements/${announcement.id}`)).status).toBe(404);
    expect((await parent.client.get(`/api/v1/announcements/${announcement.id}`)).status).toBe(404);

    // Publishing again changes nothing and notifies nobody twice.
    const again = await staff.json('POST', `/api/v1/announcements/${announcement.id}/publish`, {});
    expect(again.status).toBe(409);
    expect((await ctx.deps.db.selectFrom('notification').select('id').execute()).length).toBe(
      notices.length,
    );
  });

  it('writes a large audience in chunks: everyone exactly once, only if published', async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await member(i % 2 ? 'helper' : 'requester'));
    const notice = (onlyIf: boolean) => ({
      audience: 'all' as const,
      kind: 'announcement',
      params: { title: 't', excerpt: 'e' },
      link: '/announcements',
      dedupePrefix: 'chunk-test',
      email: { ja: '本文', en: 'Text' },
      onlyIf: onlyIf ? sql`1 = 1` : sql`1 = 0`,
      chunkSize: 3,
    });
    const skipped = await buildAudienceNotifications(ctx.deps, notice(false));
    expect(skipped.statements).toHaveLength(6); // 3 chunks × (inbox + mail)
    await ctx.deps.atomic(skipped.statements);
    expect(await ctx.deps.db.selectFrom('notification').select('id').execute()).toEqual([]);
    expect(await ctx.deps.db.selectFrom('outbox').select('id').execute()).toEqual([]);

    const { statements, recipients } = await buildAudienceNotifications(ctx.deps, notice(true));
    expect(recipients).toBe(7);
    await ctx.deps.atomic(statements);
    // Again (built anew, as a retry would): the dedupe keys hold, nothing doubles.
    await ctx.deps.atomic((await buildAudienceNotifications(ctx.deps, notice(true))).statements);
    const rows = await ctx.deps.db.selectFrom('notification').select('user_id').execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual(people.map((p) => p.user.id).sort());
    expect(await ctx.deps.db.selectFrom('outbox').select('id').execute()).toHaveLength(7);
  });

  it('without the mail flag, no outbox rows; a staff-only notice reaches staff only', async () => {
    await member('helper');
    await member('requester');
    await write({ audience: 'all', publish: true });
    expect(await ctx.deps.db.selectFrom('outbox').select('id').execute()).toEqual([]);
    const members = await ctx.deps.db.selectFrom('member').select('user_id').execute();
    const all = await ctx.deps.db.selectFrom('notification').select('user_id').execute();
    expect(all.map((n) => n.user_id).sort()).toEqual(members.map((m) => m.user_id).sort());

    const { notified } = await write({ title: '職員会議', audience: 'staff', publish: true });
    const staffIds = (
      await ctx.deps.db
        .selectFrom('user')
        .select('id')
        .where('role', 'in', ['staff', 'admin'])
        .execute()
    ).map((u) => u.id);
    expect(notified).toBe(staffIds.length);
    const staffNotices = await ctx.deps.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'announcement_staff')
      .execute();
    expect(staffNotices.map((n) => n.user_id).sort()).toEqual(staffIds.sort());
  });

  it('drafts are hidden from members and notify nobody until published', async () => {
    const helper = await member('helper');
    const { announcement } = await write({ title: '下書きです', publish: false });
    expect(announcement.status).toBe('draft');
    expect(await ctx.deps.db.selectFrom('notification').select('id').execute()).toEqual([]);
    expect((await helper.client.get(`/announcements/${announcement.id}`)).status).toBe(404);
    expect(await (await helper.client.get('/announcements')).text()).not.toContain('下書きです');
    expect(await (await staff.get('/announcements')).text()).toContain('下書きです');
    // Published from the page: 303, then visible and notified.
    expect((await staff.form(`/announcements/${announcement.id}/publish`, {})).status).toBe(303);
    expect((await helper.client.get(`/announcements/${announcement.id}`)).status).toBe(200);
    expect(await ctx.deps.db.selectFrom('notification').select('user_id').execute()).toEqual([
      { user_id: helper.user.id },
    ]);
    // A published one can no longer be deleted.
    expect((await staff.form(`/announcements/${announcement.id}/delete`, {})).status).toBe(409);
  });

  it('the home page shows the latest three for the audience', async () => {
    const helper = await member('helper');
    for (const n of [1, 2, 3, 4]) {
      await write({ title: `お知らせ第${n}号`, publish: true });
      ctx.clock.advance(60_000);
    }
    const home = await (await helper.client.get('/')).text();
    expect(home).not.toContain('お知らせ第1号');
    for (const n of [2, 3, 4]) expect(home).toContain(`お知らせ第${n}号`);
    expect(home.indexOf('お知らせ第4号')).toBeLessThan(home.indexOf('お知らせ第2号'));
  });

  it('only staff write; members and strangers are refused', async () => {
    const helper = await member('helper');
    const body = { title: 't', body: 'b', audience: 'all' };
    expect((await helper.client.json('POST', '/api/v1/announcements', body)).status).toBe(403);
    expect((await new TestClient(ctx).json('POST', '/api/v1/announcements', body)).status).toBe(
      401,
    );
    expect(
      (await helper.client.form('/announcements', { ...body, intent: 'publish' })).status,
    ).toBe(403);
    expect(
      (await staff.json('POST', '/api/v1/announcements', { ...body, published_at: 'x' })).status,
    ).toBe(400);
    expect(await ctx.deps.db.selectFrom('announcement').select('id').execute()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Newsletters

const pdfBytes = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < size; i++) bytes[i] = (i * 31) % 256;
  return bytes;
};

function upload(client: TestClient, file: File, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('pdfTitle', fields.pdfTitle ?? 'つなぐ通信 第24号');
  form.set('pdfIssuedOn', fields.pdfIssuedOn ?? '2026-10-01');
  form.set('file', file);
  return client.request('/newsletters/pdf', {
    method: 'POST',
    headers: { origin: ORIGIN },
    body: form,
  });
}

describe('newsletter archive', { timeout: 30_000 }, () => {
  it('stores an uploaded PDF and streams the same bytes to members only', async () => {
    // More than one stored part (1 MiB each). D1 in workerd moves BLOBs slowly: kept modest.
    const bytes = pdfBytes(1_300_000);
    const res = await upload(
      staff,
      new File([bytes], 'つなぐ通信24号.pdf', { type: 'application/pdf' }),
    );
    expect(res.status).toBe(303);
    const row = await ctx.deps.db.selectFrom('newsletter').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      format: 'pdf',
      file_size: 1_300_000,
      file_name: 'つなぐ通信24号.pdf',
    });

    const parent = await member('requester');
    const list = await parent.client.get('/newsletters');
    expect(await list.text()).toContain(`/newsletters/${row.id}/file`);
    const download = await parent.client.get(`/newsletters/${row.id}/file`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('つなぐ通信24号.pdf')}`,
    );
    const got = new Uint8Array(await download.arrayBuffer());
    expect(got.length).toBe(bytes.length);
    expect(got.every((b, i) => b === bytes[i])).toBe(true);

    // Not signed in: to the login page; API: 401. A withdrawn member: 404.
    const stranger = await new TestClient(ctx).get(`/newsletters/${row.id}/file`);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toMatch(/^\/login/);
    expect((await new TestClient(ctx).get('/api/v1/newsletters')).status).toBe(401);
    const gone = await createMember(ctx.deps, { kind: 'requester' });
    await ctx.deps.db
      .updateTable('member')
      .set({ withdrawn_at: ctx.clock.now().toISOString(), requester_status: 'withdrawn' })
      .where('id', '=', gone.member.id)
      .execute();
    const goneClient = await TestClient.signedInAs(ctx, gone.user);
    expect((await goneClient.get(`/newsletters/${row.id}/file`)).status).toBe(404);
  });

  it('refuses a file that is not a PDF (422) and one over 5 MB (413/422)', async () => {
    const fake = await upload(
      staff,
      new File([new TextEncoder().encode('<html>not a pdf</html>')], 'x.pdf', {
        type: 'application/pdf',
      }),
    );
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain('PDFファイルではありません');

    const justOver = await upload(
      staff,
      new File([pdfBytes(5 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' }),
    );
    expect(justOver.status).toBe(422);
    const huge = await upload(
      staff,
      new File([pdfBytes(6 * 1024 * 1024)], 'huge.pdf', { type: 'application/pdf' }),
    );
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('5MBまでのPDF');
    expect(await ctx.deps.db.selectFrom('newsletter').select('id').execute()).toEqual([]);
    expect(await ctx.deps.db.selectFrom('newsletter_file_part').select('seq').execute()).toEqual(
      [],
    );

    // Members cannot upload.
    const helper = await member('helper');
    expect(
      (
        await upload(
          helper.client,
          new File([pdfBytes(1000)], 'a.pdf', { type: 'application/pdf' }),
        )
      ).status,
    ).toBe(403);
    // Other routes keep the site-wide limit.
    const big = await staff.form('/newsletters/page', {
      title: 't',
      issuedOn: '2026-10-01',
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
  });

  it('publishes a newsletter written as a page, rendered safely', async () => {
    const bad = await staff.form('/newsletters/page', {
      title: '',
      issuedOn: '2026-13-01',
      body: '',
    });
    expect(bad.status).toBe(422);
    const res = await staff.form('/newsletters/page', {
      title: 'つなぐ通信 第25号',
      issuedOn: '2027-04-01',
      body: '## 春号\n<script>alert(1)</script>',
    });
    expect(res.status).toBe(303);
    const parent = await member('requester');
    const page = await parent.client.get(res.headers.get('location')!);
    const html = await page.text();
    expect(html).toContain('<h2>春号</h2>');
    expectNoHostileMarkup(html);
    const api = (await (await parent.client.get('/api/v1/newsletters')).json()) as {
      items: { title: string; format: string }[];
    };
    expect(api.items).toEqual([
      expect.objectContaining({ title: 'つなぐ通信 第25号', format: 'page' }),
    ]);
  });
});
