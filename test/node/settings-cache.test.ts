import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createScryptHasher } from '../../src/auth/password.node.js';
import { parseConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/context.js';
import { ManualClock } from '../../src/lib/clock.js';
import { MemoryMailer } from '../../src/lib/mailer.js';
import { openNodeDatabase } from '../../src/node/database.js';
import { DEFAULT_REQUEST_RULES } from '../../src/modules/settings/settings.schemas.js';
import { applyMigrations } from '../../db/migrate.js';
import { createSessionFor, createUser, DEFAULT_NOW, ORIGIN } from '../helpers/test-app.js';

// Settings are cached per process, checked against the trigger-kept stamp (0013) read with the
// session. Two app instances over one database file stand for two processes (or isolates).
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function instance(path: string, clock: ManualClock) {
  const { sqlite, db, atomic } = openNodeDatabase(path);
  const deps: AppDeps = {
    db,
    atomic,
    clock,
    config: parseConfig({ NODE_ENV: 'test' }),
    mailer: new MemoryMailer(),
    passwordHasher: createScryptHasher({ N: 2 ** 10, r: 8, p: 1 }),
    peerAddress: () => '192.0.2.1',
  };
  return { sqlite, deps, app: createApp(deps) };
}

describe('settings cache across processes', () => {
  it('never serves a setting another process or a direct write has changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsunagu-settings-'));
    dirs.push(dir);
    const clock = new ManualClock(DEFAULT_NOW);
    const a = instance(join(dir, 'center.db'), clock);
    applyMigrations(a.sqlite);
    const b = instance(join(dir, 'center.db'), clock);
    const admin = await createUser(a.deps, { role: 'admin' });
    const cookie = `tsunagu_session=${await createSessionFor(a.deps, admin)}`;
    const call = (app: typeof a.app, method: string, body?: unknown) =>
      app.request(`${ORIGIN}/api/v1/settings`, {
        method,
        headers: { cookie, 'content-type': 'application/json', origin: ORIGIN },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const cutoffOn = async (app: typeof a.app) =>
      ((await (await call(app, 'GET')).json()) as { requests: { leadTimeCutoff: string } }).requests
        .leadTimeCutoff;

    const before = await cutoffOn(a.app); // fills A's cache
    expect(await cutoffOn(a.app)).toBe(before);
    const put = await call(b.app, 'PUT', {
      requests: { ...DEFAULT_REQUEST_RULES, leadTimeCutoff: '18:00' },
    });
    expect(put.status).toBe(200);
    expect(await cutoffOn(a.app)).toBe('18:00');

    // A write no app made (a restore, a console): the trigger still moves the stamp.
    b.sqlite
      .prepare(
        `UPDATE setting SET value = json_set(value, '$.leadTimeCutoff', '17:00') WHERE key = 'requests'`,
      )
      .run();
    expect(await cutoffOn(a.app)).toBe('17:00');
    expect(await cutoffOn(b.app)).toBe('17:00');
    a.sqlite.close();
    b.sqlite.close();
  });
});
