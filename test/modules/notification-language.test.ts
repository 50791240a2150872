import { beforeEach, describe, expect, it } from 'vitest';
import { notify } from '../../src/modules/notifications/notifications.service.js';
import { readableParam } from '../../src/modules/notifications/notification-text.js';
import { createMember } from '../helpers/factories.js';
import { setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp(); // Saturday 2026-11-21
});

describe('notifications are rendered in the reader’s current language', () => {
  it('writes dates the way people read them', () => {
    expect(readableParam('2026-12-10 17:30', 'ja', '2026-11-21')).toBe('12月10日(木) 17:30');
    expect(readableParam('2026-12-10 17:30', 'en', '2026-11-21')).toBe('Thu 10 Dec, 17:30');
    expect(readableParam('2026-12-10 09:05', 'ja', '2026-11-21')).toBe('12月10日(木) 9:05');
    expect(readableParam('2026-12-10', 'en', '2026-11-21')).toBe('Thu 10 Dec');
    expect(readableParam('2027-01-05 10:00', 'ja', '2026-11-21')).toBe('2027年1月5日(火) 10:00');
    expect(readableParam('2027-01-05 10:00', 'en', '2026-11-21')).toBe('Tue 5 Jan 2027, 10:00');
    expect(readableParam('2026年12月30日(水)', 'en', '2026-11-21')).toBe('2026年12月30日(水)');
    expect(readableParam(7, 'en', '2026-11-21')).toBe(7);
  });

  it('translates an older notification when the reader switches to English', async () => {
    const { user } = await createMember(ctx.deps);
    await notify(ctx.deps, {
      userId: user.id,
      kind: 'offer_received',
      params: { when: '2026-12-10 17:30' },
      link: '/inbox',
    });
    const stored = await ctx.deps.db
      .selectFrom('notification')
      .select(['kind', 'params', 'body'])
      .executeTakeFirstOrThrow();
    expect(stored.kind).toBe('offer_received');
    expect(JSON.parse(stored.params)).toEqual({ when: '2026-12-10 17:30' });

    const client = await TestClient.signedInAs(ctx, user);
    const ja = await (await client.get('/inbox')).text();
    expect(ja).toContain('援助の依頼が届きました');
    expect(ja).toContain('12月10日(木) 17:30 からの援助を引き受けられるか');

    const en = await (await client.get('/inbox', { 'accept-language': 'en' })).text();
    expect(en).toContain('A request for help');
    expect(en).toContain('Can you help from Thu 10 Dec, 17:30? Please answer.');

    const api = (await (
      await client.get('/api/v1/notifications', { 'accept-language': 'en' })
    ).json()) as { items: { title: string; body: string }[] };
    expect(api.items[0]).toMatchObject({
      title: 'A request for help',
      body: 'Can you help from Thu 10 Dec, 17:30? Please answer.',
    });
  });

  it('keeps the stored text for a kind that has none of its own', async () => {
    const { user } = await createMember(ctx.deps);
    await ctx.deps.db.updateTable('notification').set({ title: 'x' }).execute();
    await notify(ctx.deps, { userId: user.id, kind: 'no_such_kind_yet', email: false });
    await ctx.deps.db
      .updateTable('notification')
      .set({ title: '古い通知', body: '本文' })
      .execute();
    const client = await TestClient.signedInAs(ctx, user);
    const en = await (await client.get('/inbox', { 'accept-language': 'en' })).text();
    expect(en).toContain('古い通知');
  });
});
