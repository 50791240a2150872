import { applyD1Migrations, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

interface TestEnv {
  DB: D1Database;
  TEST_MIGRATIONS: { name: string; queries: string[] }[];
}

/**
 * 0015 rebuilds care_request (a CHECK cannot change in place) while offer, care_request_child
 * and activity reference it and D1 keeps foreign keys on: applied to a database that holds
 * rows, every row and reference must survive and the keys must still be enforced after.
 */
describe('migration 0015 on D1 with data', () => {
  it('keeps every request and the references to it, and allows the unfilled status', async () => {
    const { DB, TEST_MIGRATIONS } = env as unknown as TestEnv;
    await reset();
    const before = TEST_MIGRATIONS.filter((m) => m.name < '0015');
    expect(before.length).toBeLessThan(TEST_MIGRATIONS.length);
    await applyD1Migrations(DB, before);
    const now = '2026-11-21T01:00:00.000Z';
    await DB.batch([
      DB.prepare(
        `INSERT INTO user (id, email, password_hash, name, role, locale, disabled_at, created_at, updated_at)
         VALUES ('u1', 'a@example.jp', 'x', 'A', 'member', 'ja', NULL, ?1, ?1)`,
      ).bind(now),
      DB.prepare(
        `INSERT INTO member (id, user_id, kind, name, name_kana, birth_date, phone, address, area,
           requester_status, helper_status, consent_terms_version, consent_terms_at, created_at, updated_at)
         VALUES ('m1', 'u1', 'both', 'A', 'エー', '1985-01-01', '090', 'x', 'chuo', 'active', 'active', 'v', ?1, ?1, ?1)`,
      ).bind(now),
      DB.prepare(
        `INSERT INTO child (id, member_id, name, name_kana, birth_date, created_at, updated_at)
         VALUES ('c1', 'm1', 'C', 'シー', '2021-05-10', ?1, ?1)`,
      ).bind(now),
      DB.prepare(
        `INSERT INTO care_request (id, requester_member_id, category, starts_at, ends_at, care_location,
           status, helper_member_id, matched_at, created_by_user_id, created_at, updated_at)
         VALUES ('r1', 'm1', 1, '2026-11-25T04:00:00.000Z', '2026-11-25T07:00:00.000Z', 'helper_home',
           'matched', 'm1', ?1, 'u1', ?1, ?1)`,
      ).bind(now),
      DB.prepare(`INSERT INTO care_request_child (request_id, child_id) VALUES ('r1', 'c1')`),
      DB.prepare(
        `INSERT INTO offer (id, request_id, helper_member_id, status, offered_by_user_id, offered_at, expires_at)
         VALUES ('o1', 'r1', 'm1', 'accepted', 'u1', ?1, ?1)`,
      ).bind(now),
    ]);
    await applyD1Migrations(DB, TEST_MIGRATIONS);

    const row = await DB.prepare(
      'SELECT status, helper_member_id, helper_lost_at, unfilled_at FROM care_request',
    ).first();
    expect(row).toEqual({
      status: 'matched',
      helper_member_id: 'm1',
      helper_lost_at: null,
      unfilled_at: null,
    });
    const refs = await DB.prepare(
      'SELECT (SELECT COUNT(*) FROM care_request_child) AS children, (SELECT COUNT(*) FROM offer) AS offers',
    ).first();
    expect(refs).toEqual({ children: 1, offers: 1 });
    // Foreign keys still hold against the new table.
    await expect(DB.prepare(`DELETE FROM care_request WHERE id = 'r1'`).run()).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await DB.prepare(
      `UPDATE care_request SET status = 'unfilled', helper_member_id = NULL WHERE id = 'r1'`,
    ).run();
    expect(await DB.prepare('SELECT status FROM care_request').first('status')).toBe('unfilled');
  });
});
