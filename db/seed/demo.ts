import type { AppDeps } from '../../src/context.js';
import { createStaffAccount } from '../../src/modules/staff/staff.service.js';
import { findUserByEmail } from '../../src/modules/auth/users.queries.js';
import { seedDemoMembers } from './demo-members.js';
import { seedTrainingDemo } from '../../src/modules/trainings/training.seed.js';
import { seedDirectoryDemo } from '../../src/modules/directory/directory.seed.js';
import { seedEventsDemo } from '../../src/modules/events/events.seed.js';
import { seedAnnouncementsDemo } from '../../src/modules/announcements/announcements.seed.js';
import { seedDemoHistory } from './demo-history.js';

/** One password for every demo login, listed in the README. Never use the demo in production. */
export const DEMO_PASSWORD = 'tsunagu-demo-2026';

export const DEMO_LOGINS = {
  admin: 'admin@example.jp',
  staff: 'staff@example.jp',
  parent: 'parent@example.jp',
  helper: 'helper@example.jp',
} as const;

/**
 * The fictional みどり市ファミリー・サポート・センター. Built through the same domain functions the
 * app uses, so it works on both runtimes and stays valid as the rules evolve.
 */
export async function seedDemoCenter(deps: AppDeps): Promise<void> {
  await createStaffAccount(deps, null, {
    email: DEMO_LOGINS.admin,
    name: '山本 和子',
    role: 'admin',
    password: DEMO_PASSWORD,
  });
  await createStaffAccount(deps, null, {
    email: DEMO_LOGINS.staff,
    name: '佐藤 美香',
    role: 'staff',
    password: DEMO_PASSWORD,
  });
  const staff = await findUserByEmail(deps.db, DEMO_LOGINS.staff);
  await seedDemoMembers(
    deps,
    { id: staff!.id, email: staff!.email, name: staff!.name, role: 'staff', locale: null },
    DEMO_PASSWORD,
    DEMO_LOGINS,
  );
  const staffActor = {
    id: staff!.id,
    email: staff!.email,
    name: staff!.name,
    role: 'staff' as const,
    locale: null,
  };
  await seedDirectoryDemo(deps, staffActor);
  await seedEventsDemo(deps, staffActor);
  await seedAnnouncementsDemo(deps, staffActor);
  // Training last: it enrols and records whichever helper members exist by now.
  await seedTrainingDemo(deps);
  // Past help for the reports (after training: it only moves approvals back and adds history).
  await seedDemoHistory(deps, staff!.id);
}

export async function isDatabaseEmpty(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const row = await deps.db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
