import type { AppDeps } from '../../src/context.js';
import { createStaffAccount } from '../../src/modules/staff/staff.service.js';
import { newId } from '../../src/lib/ids.js';

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
  const now = deps.clock.now().toISOString();
  const hash = await deps.passwordHasher.hash(DEMO_PASSWORD);
  for (const [email, name] of [
    [DEMO_LOGINS.parent, '田中 さくら'],
    [DEMO_LOGINS.helper, '鈴木 恵子'],
  ] as const) {
    await deps.db
      .insertInto('user')
      .values({
        id: newId(),
        email,
        name,
        role: 'member',
        password_hash: hash,
        locale: null,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

export async function isDatabaseEmpty(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const row = await deps.db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}
