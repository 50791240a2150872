import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker, { type Env } from '../../src/worker.js';
import { scheduledJobs } from '../../src/jobs/index.js';
import { notify } from '../../src/modules/notifications/notifications.service.js';
import { createUser, setupTestApp } from '../helpers/test-app.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Worker’s scheduled handler (Cron Trigger)', () => {
  it('delivers the outbox through the console mailer', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    // Long ago, so the queued mail is due by the Worker's real clock.
    const ctx = await setupTestApp({ now: '2020-01-01T00:00:00.000Z' });
    const user = await createUser(ctx.deps, { locale: 'en' });
    await notify(ctx.deps, { userId: user.id, kind: 'test', params: { name: 'Ken', number: 1 } });

    const execution = createExecutionContext();
    worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '*/10 * * * *' }),
      env as unknown as Env,
      execution,
    );
    await waitOnExecutionContext(execution);

    const rows = await ctx.deps.db.selectFrom('outbox').select(['status', 'attempts']).execute();
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
    expect(info.mock.calls.some(([line]) => String(line).includes(`to=${user.email}`))).toBe(true);
  });

  it('runs every listed job from the cron handler alone, before any request built the app', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await setupTestApp({ now: '2020-01-01T00:00:00.000Z' });
    const execution = createExecutionContext();
    // A fresh env object: the Worker's cached app (built by fetch) is not used for this run.
    worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '*/10 * * * *' }),
      { ...(env as unknown as Env) },
      execution,
    );
    await waitOnExecutionContext(execution);
    const ran = info.mock.calls
      .map(([line]) => /^\[jobs\] (\S+) ok/.exec(String(line))?.[1])
      .filter(Boolean);
    // The jobs run side by side (each is its own chain of round trips); the outbox goes last.
    expect([...ran.slice(0, -1)].sort()).toEqual(scheduledJobs.map(([name]) => name).sort());
    expect(ran.at(-1)).toBe('outbox');
    expect(ran).toEqual(
      expect.arrayContaining([
        'expire-offers',
        'pre-meetings-due',
        'activity-report-overdue',
        'training-expiry-notices',
      ]),
    );
  });
});
