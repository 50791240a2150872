import { describe, expect, it } from 'vitest';
import { renderNotificationText } from '../../src/modules/notifications/notifications.service.js';
import {
  MAX_SEND_ATTEMPTS,
  nextAttemptAfterFailure,
} from '../../src/modules/notifications/outbox.service.js';
import { mayBeNotified, type RecipientFacts } from '../../src/modules/notifications/recipients.js';

const member = (overrides: Partial<RecipientFacts> = {}): RecipientFacts => ({
  role: 'member',
  disabled_at: null,
  member_id: 'm1',
  requester_status: 'active',
  helper_status: null,
  withdrawn_at: null,
  purged_at: null,
  ...overrides,
});

describe('mayBeNotified', () => {
  it.each([
    ['an active requester', member(), true],
    ['an applicant', member({ requester_status: 'applied' }), true],
    ['a suspended requester', member({ requester_status: 'suspended' }), false],
    ['a withdrawn helper', member({ requester_status: null, helper_status: 'withdrawn' }), false],
    [
      'both sides off',
      member({ requester_status: 'suspended', helper_status: 'withdrawn' }),
      false,
    ],
    [
      'one side still active',
      member({ requester_status: 'suspended', helper_status: 'active' }),
      true,
    ],
    ['a withdrawn member', member({ withdrawn_at: '2026-01-01T00:00:00.000Z' }), false],
    ['a purged member', member({ purged_at: '2026-01-01T00:00:00.000Z' }), false],
    ['a disabled member login', member({ disabled_at: '2026-01-01T00:00:00.000Z' }), false],
    ['staff', member({ role: 'staff', member_id: null, requester_status: null }), true],
    ['an admin', member({ role: 'admin', member_id: null, requester_status: null }), true],
    [
      'disabled staff',
      member({ role: 'staff', member_id: null, disabled_at: '2026-01-01T00:00:00.000Z' }),
      false,
    ],
  ] as const)('%s → %s', (_label, facts, expected) => {
    expect(mayBeNotified(facts)).toBe(expected);
  });
});

describe('nextAttemptAfterFailure', () => {
  const now = new Date('2026-11-21T01:00:00.000Z');
  it('backs off 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    const waits = [1, 2, 3, 4].map(
      (attempts) => (Date.parse(nextAttemptAfterFailure(now, attempts)!) - now.getTime()) / 60_000,
    );
    expect(waits).toEqual([5, 30, 120, 720]);
    expect(nextAttemptAfterFailure(now, MAX_SEND_ATTEMPTS)).toBeNull();
  });
});

describe('renderNotificationText', () => {
  it('fills placeholders in the chosen language', () => {
    expect(renderNotificationText('en', 'test', { name: 'Ken', number: 2 })).toEqual({
      title: 'Test notification (for Ken)',
      body: 'Ken, this is a test notification. Number: 2',
    });
  });

  it('uses the generic text for an unknown kind', () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(renderNotificationText('ja', 'unknown_kind').title).toBe('新しいお知らせがあります');
      expect(renderNotificationText('en', 'unknown_kind').title).toBe(
        'You have a new notification',
      );
    } finally {
      console.warn = warn;
    }
  });
});

describe('notifiable (the SQL form of mayBeNotified)', () => {
  it('agrees with mayBeNotified on every combination of the facts', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { Kysely, SqliteDialect, sql } = await import('kysely');
    const { notifiable } = await import('../../src/modules/notifications/notifications.queries.js');
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE TABLE "user" (id TEXT, role TEXT, disabled_at TEXT);
      CREATE TABLE member (id TEXT, user_id TEXT, requester_status TEXT, helper_status TEXT,
        withdrawn_at TEXT, purged_at TEXT);`);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const statuses = [null, 'applied', 'active', 'suspended', 'withdrawn'] as const;
    const at = '2026-01-01T00:00:00.000Z';
    const cases: RecipientFacts[] = [];
    for (const role of ['member', 'staff', 'admin'] as const)
      for (const disabled_at of [null, at])
        for (const member_id of [null, 'm'])
          for (const requester_status of member_id ? statuses : [null])
            for (const helper_status of member_id ? statuses : [null])
              for (const withdrawn_at of member_id ? [null, at] : [null])
                for (const purged_at of member_id ? [null, at] : [null])
                  cases.push({
                    role,
                    disabled_at,
                    member_id,
                    requester_status,
                    helper_status,
                    withdrawn_at,
                    purged_at,
                  });
    const insertUser = sqlite.prepare('INSERT INTO "user" VALUES (?, ?, ?)');
    const insertMember = sqlite.prepare('INSERT INTO member VALUES (?, ?, ?, ?, ?, ?)');
    cases.forEach((f, i) => {
      insertUser.run(`u${i}`, f.role, f.disabled_at);
      if (f.member_id)
        insertMember.run(
          `m${i}`,
          `u${i}`,
          f.requester_status,
          f.helper_status,
          f.withdrawn_at,
          f.purged_at,
        );
    });
    const { rows } = await sql<{ id: string }>`SELECT u.id FROM "user" u
      LEFT JOIN member m ON m.user_id = u.id WHERE ${notifiable}`.execute(db);
    const bySql = new Set(rows.map((r) => r.id));
    const mismatches = cases.filter((f, i) => bySql.has(`u${i}`) !== mayBeNotified(f));
    expect(mismatches).toEqual([]);
    expect(cases.length).toBeGreaterThan(200);
  });
});
