/**
 * City-scale benchmark data: `npm run bench:data [-- --out data/bench.db] [-- --today YYYY-MM-DD]`.
 *
 * A deterministic center (seeded PRNG: the same anchor day gives the same database): 3,000
 * helpers, 20,000 requesters, 30,000 children, weekly availability for every helper, training
 * records that make most helpers eligible, 1,000,000 approved past activities over ten fiscal
 * years (each with its completed request, children and categories), 2,000 open requests next
 * month, some matched ones, pairings and blocks, and one staff login.
 *
 * Node-only script: the schema comes from the real migrations (db/migrate.ts), the staff account
 * and curriculum from the domain functions, and the bulk rows from prepared statements inside
 * one transaction per table (db.transaction is fine here, this never runs on Workers). Ids are
 * UUID-shaped like newId()'s, but drawn from the PRNG so that runs are comparable.
 *
 * Next to the database it writes `<out>.json` (BenchMeta): the anchor day, the staff login and
 * sample ids the runner uses.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../db/migrate.js';
import { parseConfig } from '../src/config.js';
import { ManualClock } from '../src/lib/clock.js';
import { addDaysToDate, fiscalYearOf, tokyoDateOf } from '../src/lib/dates.js';
import { createNodeDeps } from '../src/node/deps.js';
import { createStaffAccount } from '../src/modules/staff/staff.service.js';
import { loadDefaultCurriculum } from '../src/modules/trainings/trainings.service.js';
import { listModules } from '../src/modules/trainings/trainings.queries.js';

export const DEFAULT_BENCH_DB = 'data/bench.db';
export const BENCH_STAFF = { email: 'bench-staff@example.jp', password: 'bench-staff-2026' };

export const SIZES = {
  helpers: 3_000,
  /** Of the helpers, this many are 両方会員 (also requesters, without children here). */
  bothHelpers: 300,
  requesters: 20_000,
  children: 30_000,
  activities: 1_000_000,
  fiscalYears: 10,
  openRequests: 2_000,
  matchedRequests: 1_500,
  pairings: 5_000,
  blocks: 500,
};

export interface BenchMeta {
  /** The Tokyo day the data was built around ("today" of the generated center). */
  today: string;
  /** First and last Tokyo day of next month (where the open requests are). */
  nextMonth: { from: string; to: string };
  staff: { email: string; password: string };
  sizes: typeof SIZES;
  /** Open request ids to rank in the benchmark (a deterministic sample). */
  sampleOpenRequestIds: string[];
  sampleMemberIds: string[];
  /** The last complete month (YYYY-MM) and its fiscal year: what the reports benchmark reads. */
  reportMonth: string;
  reportFiscalYear: number;
  generatedInMs: number;
}

/** mulberry32: a tiny seeded PRNG; the seed makes every run build the same center. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['chuo', 'kita', 'higashi', 'minami', 'nishi', 'midorigaoka', 'sakuradai', 'kawabe'];
const pad2 = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** Tokyo has had no DST since 1951: a Tokyo wall time is UTC+9, so plain arithmetic is exact. */
function tokyoIso(date: string, minutesOfDay: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, minutesOfDay) - 9 * 3_600_000).toISOString();
}
const hhmm = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export async function generateBenchData(
  out: string,
  options: { today?: string; quiet?: boolean; activities?: number } = {},
): Promise<BenchMeta> {
  const t0 = performance.now();
  const log = (msg: string) => {
    if (!options.quiet)
      console.log(`[bench:data] ${((performance.now() - t0) / 1000).toFixed(1)}s ${msg}`);
  };
  const today = options.today ?? tokyoDateOf(new Date());
  for (const suffix of ['', '-wal', '-shm', '.json'])
    if (existsSync(out + suffix)) rmSync(out + suffix);

  const clock = new ManualClock(tokyoIso(today, 9 * 60));
  const config = parseConfig({ DATABASE_PATH: out, SQLITE_SYNCHRONOUS: 'NORMAL', SEED_DEMO: '0' });
  const { sqlite, deps } = createNodeDeps(config, clock);
  applyMigrations(sqlite);
  // Bulk load: no fsync per transaction, a large page cache for the random-key B-trees.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('journal_mode = OFF');

  const staff = await createStaffAccount(deps, null, {
    email: BENCH_STAFF.email,
    name: 'ベンチ 職員',
    role: 'staff',
    password: BENCH_STAFF.password,
  });
  await loadDefaultCurriculum(deps, null);
  const modules = await listModules(deps.db, { activeOnly: true });
  const memberPasswordHash = await deps.passwordHasher.hash('bench-member-2026');
  log('schema, staff and curriculum');

  const rand = prng(20261122);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  // UUID-shaped, but the first 32 bits count up: rows arrive in key order, so the primary-key
  // B-trees are appended to instead of split at random (a 1M-row load stays in minutes).
  let idCounter = 0;
  const uuid = () => {
    const a = hex(++idCounter);
    const b = hex(rand() * 4294967296);
    const c = hex(rand() * 4294967296);
    const d = hex(rand() * 4294967296);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${(8 | (parseInt(c[0]!, 16) & 3)).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
  const nowIso = clock.now().toISOString();
  const todayN = dayNumber(today);
  const currentFy = fiscalYearOf(today);
  const firstFy = currentFy - SIZES.fiscalYears + 1;
  const historyStartN = dayNumber(`${firstFy}-04-01`);
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const nextMonthFrom = tm === 12 ? `${ty + 1}-01-01` : `${ty}-${pad2(tm + 1)}-01`;
  const [ny, nm] = nextMonthFrom.split('-').map(Number) as [number, number];
  const monthAfter = nm === 12 ? `${ny + 1}-01-01` : `${ny}-${pad2(nm + 1)}-01`;
  const nextMonthTo = addDaysToDate(monthAfter, -1);
  const lastMonth = tm === 1 ? `${ty - 1}-12` : `${ty}-${pad2(tm - 1)}`;

  // Node-only bulk load (never runs on Workers): one transaction per table batch.
  // eslint-disable-next-line no-restricted-syntax
  const tx = (fn: () => void) => sqlite.transaction(fn)();
  // The secondary indexes of the big tables are dropped during the load and rebuilt at the end
  // (one sort per index instead of a million random B-tree inserts); the SQL is the migrations'.
  const BULK_TABLES = [
    'care_request',
    'care_request_child',
    'activity',
    'activity_child',
    'activity_category',
  ];
  const bulkIndexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`,
    )
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const ix of bulkIndexes) sqlite.exec(`DROP INDEX ${ix.name}`);

  // --- Users and members -----------------------------------------------------------------------
  const insertUser = sqlite.prepare(
    `INSERT INTO user (id, email, name, role, password_hash, locale, disabled_at, created_at, updated_at)
     VALUES (?, ?, ?, 'member', ?, NULL, NULL, ?, ?)`,
  );
  const insertMember = sqlite.prepare(
    `INSERT INTO member (id, user_id, member_no, kind, name, name_kana, birth_date, phone, postal_code,
       address, area, requester_status, helper_status, requester_approved_at, helper_approved_at,
       helper_areas, helper_categories, helper_child_age_min_months, helper_child_age_max_months,
       helper_max_children, consent_terms_version, consent_terms_at, withdrawn_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-04', ?, ?, ?, ?)`,
  );
  const KANA = [
    'あ',
    'い',
    'う',
    'え',
    'お',
    'か',
    'き',
    'さ',
    'た',
    'な',
    'は',
    'ま',
    'や',
    'ら',
    'わ',
  ];
  const kanaName = () => `${pick(KANA)}${pick(KANA)}${pick(KANA)} ${pick(KANA)}${pick(KANA)}`;

  interface Helper {
    id: string;
    status: 'active' | 'suspended' | 'applied' | 'withdrawn';
    joinedN: number;
  }
  interface Requester {
    id: string;
    area: string;
    children: { id: string; birth: string }[];
    userId: string;
  }
  const helpers: Helper[] = [];
  const requesters: Requester[] = [];
  let memberNo = 1;
  tx(() => {
    for (let i = 0; i < SIZES.helpers; i++) {
      const userId = uuid();
      const id = uuid();
      const joinedN = int(historyStartN - 2000, todayN - 30);
      const joined = tokyoIso(dateOfDayNumber(joinedN), 10 * 60);
      const r = rand();
      const status =
        r < 0.9 ? 'active' : r < 0.94 ? 'suspended' : r < 0.97 ? 'applied' : 'withdrawn';
      const both = i < SIZES.bothHelpers;
      const areas = chance(0.5) ? [pick(AREAS)] : [pick(AREAS), pick(AREAS)];
      const categories = Array.from({ length: int(0, 4) }, () => int(1, 12));
      insertUser.run(
        userId,
        `helper${i}@bench.example.jp`,
        `提供 ${i}`,
        memberPasswordHash,
        joined,
        joined,
      );
      insertMember.run(
        id,
        userId,
        status === 'applied' ? null : memberNo++,
        both ? 'both' : 'helper',
        `提供 ${i}`,
        kanaName(),
        `${int(1955, 1995)}-${pad2(int(1, 12))}-${pad2(int(1, 28))}`,
        `090-${int(1000, 9999)}-${int(1000, 9999)}`,
        `みどり市 ${i}`,
        pick(AREAS),
        both ? 'active' : null,
        status,
        both ? joined : null,
        status === 'applied' ? null : joined,
        JSON.stringify([...new Set(areas)]),
        JSON.stringify([...new Set(categories)]),
        chance(0.3) ? int(0, 36) : null,
        chance(0.3) ? int(48, 150) : null,
        int(1, 3),
        joined,
        status === 'withdrawn' ? nowIso : null,
        joined,
        joined,
      );
      helpers.push({ id, status, joinedN });
    }
    for (let i = 0; i < SIZES.requesters; i++) {
      const userId = uuid();
      const id = uuid();
      const joined = tokyoIso(dateOfDayNumber(int(historyStartN - 400, todayN - 7)), 10 * 60);
      const area = pick(AREAS);
      insertUser.run(
        userId,
        `family${i}@bench.example.jp`,
        `依頼 ${i}`,
        memberPasswordHash,
        joined,
        joined,
      );
      insertMember.run(
        id,
        userId,
        memberNo++,
        'requester',
        `依頼 ${i}`,
        kanaName(),
        `${int(1975, 2000)}-${pad2(int(1, 12))}-${pad2(int(1, 28))}`,
        `080-${int(1000, 9999)}-${int(1000, 9999)}`,
        `みどり市 ${i}`,
        area,
        'active',
        null,
        joined,
        null,
        '[]',
        '[]',
        null,
        null,
        1,
        joined,
        null,
        joined,
        joined,
      );
      requesters.push({ id, area, children: [], userId });
    }
  });
  log(`${helpers.length} helpers, ${requesters.length} requesters`);

  // --- Children ----------------------------------------------------------------------------------
  const insertChild = sqlite.prepare(
    `INSERT INTO child (id, member_id, name, name_kana, sex, birth_date, school, allergies, health_notes,
       family_doctor, removed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?)`,
  );
  tx(() => {
    for (let i = 0; i < SIZES.children; i++) {
      const parent = i < requesters.length ? requesters[i]! : pick(requesters);
      const id = uuid();
      const birth = `${int(ty - 12, ty - 1)}-${pad2(int(1, 12))}-${pad2(int(1, 28))}`;
      insertChild.run(
        id,
        parent.id,
        `子 ${i}`,
        kanaName(),
        pick(['female', 'male']),
        birth,
        nowIso,
        nowIso,
      );
      parent.children.push({ id, birth });
    }
  });
  log(`${SIZES.children} children`);

  // --- Availability -----------------------------------------------------------------------------
  const insertSlot = sqlite.prepare(
    'INSERT INTO availability_slot (id, member_id, weekday, start_time, end_time) VALUES (?, ?, ?, ?, ?)',
  );
  const insertException = sqlite.prepare(
    `INSERT INTO availability_exception (id, member_id, date, start_time, end_time, note, created_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?)`,
  );
  let slotCount = 0;
  tx(() => {
    for (const h of helpers) {
      let any = false;
      for (let weekday = 1; weekday <= 7; weekday++) {
        if (!chance(weekday <= 5 ? 0.6 : 0.25)) continue;
        any = true;
        const morningStart = int(14, 18) * 30;
        const morningEnd = int(22, 26) * 30;
        insertSlot.run(uuid(), h.id, weekday, hhmm(morningStart), hhmm(morningEnd));
        slotCount++;
        if (chance(0.6)) {
          insertSlot.run(uuid(), h.id, weekday, hhmm(morningEnd), hhmm(int(34, 40) * 30));
          slotCount++;
        }
        if (chance(0.15)) {
          insertSlot.run(uuid(), h.id, weekday, '19:00', hhmm(int(42, 47) * 30));
          slotCount++;
        }
      }
      if (!any) {
        insertSlot.run(uuid(), h.id, int(1, 5), '09:00', '17:00');
        slotCount++;
      }
      for (let k = int(0, 3); k > 0; k--) {
        const date = addDaysToDate(nextMonthFrom, int(0, 27));
        if (chance(0.5)) insertException.run(uuid(), h.id, date, null, null, nowIso);
        else {
          const start = int(16, 36) * 30;
          insertException.run(
            uuid(),
            h.id,
            date,
            hhmm(start),
            hhmm(start + int(1, 6) * 30),
            nowIso,
          );
        }
      }
    }
  });
  log(`${slotCount} availability slots`);

  // --- Training records ---------------------------------------------------------------------------
  const insertRecord = sqlite.prepare(
    `INSERT INTO training_record (id, member_id, module_id, completed_on, source, session_id, evidence_note,
       status, recorded_by, reviewed_by, reviewed_at, review_note, created_at)
     VALUES (?, ?, ?, ?, 'external', NULL, NULL, ?, ?, ?, ?, NULL, ?)`,
  );
  const basic = modules.filter((m) => m.kind === 'basic');
  const cpr = modules.find((m) => m.kind === 'cpr')!;
  const followup = modules.find((m) => m.kind === 'followup')!;
  const sick = modules.filter((m) => m.kind === 'sick_child');
  let recordCount = 0;
  tx(() => {
    const record = (memberId: string, moduleId: string, onN: number, status = 'approved') => {
      const on = dateOfDayNumber(Math.min(onN, todayN));
      const at = tokyoIso(on, 17 * 60);
      insertRecord.run(uuid(), memberId, moduleId, on, status, staff.id, staff.id, at, at);
      recordCount++;
    };
    for (const h of helpers) {
      const r = rand();
      // 80% complete and current; 8% in training; 7% CPR lapsed; 5% follow-up missing this year.
      const profile =
        r < 0.8 ? 'eligible' : r < 0.88 ? 'training' : r < 0.95 ? 'lapsed' : 'nofollowup';
      const basicN = Math.min(h.joinedN + int(30, 120), todayN - 1);
      const basicDone = profile === 'training' ? basic.slice(0, int(2, basic.length - 1)) : basic;
      for (const m of basicDone) record(h.id, m.id, basicN - int(0, 20));
      if (profile === 'training') continue;
      // CPR every three years since the course; the lapsed ones stopped renewing.
      for (let n = basicN; n <= todayN; n += 3 * 365 - int(0, 30)) {
        if (profile === 'lapsed' && n > todayN - 3 * 365 - 30) break;
        record(h.id, cpr.id, n);
      }
      // A follow-up every fiscal year after the course's.
      const fyBasic = fiscalYearOf(dateOfDayNumber(basicN));
      for (let fy = fyBasic + 1; fy <= currentFy; fy++) {
        if (fy === currentFy && profile === 'nofollowup') break;
        if (fy < currentFy && chance(0.1)) continue;
        record(h.id, followup.id, dayNumber(`${fy}-0${int(5, 9)}-${pad2(int(1, 28))}`));
      }
      if (chance(0.12)) for (const m of sick) record(h.id, m.id, basicN + int(100, 400));
      if (chance(0.02)) record(h.id, cpr.id, todayN - int(0, 10), 'pending');
    }
  });
  log(`${recordCount} training records`);

  // --- Pairings and blocks ----------------------------------------------------------------------
  const active = helpers.filter((h) => h.status === 'active');
  const pairs = new Set<string>();
  const insertPairing = sqlite.prepare(
    'INSERT OR IGNORE INTO pairing (id, requester_member_id, helper_member_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertBlock = sqlite.prepare(
    'INSERT OR IGNORE INTO blocked_helper (requester_member_id, helper_member_id, reason, created_at) VALUES (?, ?, NULL, ?)',
  );
  const pairedHelperOf = new Map<string, string>();
  tx(() => {
    for (let i = 0; i < SIZES.pairings; i++) {
      const req = pick(requesters);
      const h = pick(active);
      const key = `${req.id}|${h.id}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      pairedHelperOf.set(req.id, h.id);
      insertPairing.run(uuid(), req.id, h.id, nowIso);
    }
    for (let i = 0; i < SIZES.blocks; i++)
      insertBlock.run(pick(requesters).id, pick(helpers).id, nowIso);
  });
  log(`${pairs.size} pairings, blocks`);

  // --- Requests: the past (completed, with their approved activity) and next month ---------------
  const insertRequest = sqlite.prepare(
    `INSERT INTO care_request (id, requester_member_id, series_id, category, starts_at, ends_at, care_location,
       care_location_note, pickup, dropoff, notes, status, helper_member_id, matched_at, cancelled_at,
       cancelled_by_user_id, cancelled_by_role, cancel_kind, cancel_reason, cancellation_fee,
       created_by_user_id, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?)`,
  );
  const insertRequestChild = sqlite.prepare(
    'INSERT INTO care_request_child (request_id, child_id) VALUES (?, ?)',
  );
  const insertActivity = sqlite.prepare(
    `INSERT INTO activity (id, request_id, helper_member_id, requester_member_id, started_at, ended_at, place,
       transport_cost, meal_cost, notes, fee_total, fee_lines, fee_child_totals, fee_table_valid_from, status,
       dispute_reason, return_reason, reported_at, confirmed_at, approved_at, approved_by, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?, '2000-04-01', 'approved', NULL, NULL, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertActivityChild = sqlite.prepare(
    'INSERT INTO activity_child (activity_id, child_id) VALUES (?, ?)',
  );
  const insertActivityCategory = sqlite.prepare(
    'INSERT INTO activity_category (activity_id, category) VALUES (?, ?)',
  );
  const LOCATIONS = ['helper_home', 'requester_home', 'other'] as const;
  // Some helpers are much busier than others (a few do most of the work, as in real centers).
  const workers = helpers.filter((h) => h.status !== 'applied');
  const busyHelper = () => workers[Math.floor(rand() ** 2 * workers.length)]!;
  const spanDays = todayN - historyStartN; // up to yesterday
  const BATCH = 50_000;
  const activityCount = options.activities ?? SIZES.activities;
  for (let done = 0; done < activityCount; done += BATCH) {
    tx(() => {
      for (let i = done; i < Math.min(done + BATCH, activityCount); i++) {
        // Spread evenly over the span, so every month has about the same volume.
        const n = historyStartN + Math.floor(((i + rand()) / activityCount) * spanDays);
        const date = dateOfDayNumber(n);
        const requester = pick(requesters);
        const helperId = (chance(0.4) && pairedHelperOf.get(requester.id)) || busyHelper().id;
        const startMin = int(14, 38) * 30;
        const minutes = int(2, 8) * 30;
        const startsAt = tokyoIso(date, startMin);
        const endsAt = tokyoIso(date, startMin + minutes);
        const category = chance(0.05) ? 10 : int(1, 9);
        const requestId = uuid();
        const kids =
          requester.children.length > 1 && chance(0.2)
            ? requester.children
            : requester.children.slice(0, 1);
        const created = tokyoIso(dateOfDayNumber(n - int(3, 20)), 12 * 60);
        const reported = tokyoIso(date, startMin + minutes + 120);
        insertRequest.run(
          requestId,
          requester.id,
          category,
          startsAt,
          endsAt,
          pick(LOCATIONS),
          'completed',
          helperId,
          created,
          staff.id,
          created,
          reported,
        );
        for (const c of kids) insertRequestChild.run(requestId, c.id);
        const activityId = uuid();
        const units = minutes / 30;
        const lines = kids.map((c, k) => ({
          childId: c.id,
          childIndex: k,
          band: 'weekday_day',
          from: startsAt,
          to: endsAt,
          minutes,
          units,
          rate: k === 0 ? 350 : 175,
          amount: units * (k === 0 ? 350 : 175),
        }));
        const totals = lines.map((l) => ({ childId: l.childId, amount: l.amount }));
        const fee = totals.reduce((s, x) => s + x.amount, 0);
        insertActivity.run(
          activityId,
          requestId,
          helperId,
          requester.id,
          startsAt,
          endsAt,
          chance(0.2) ? int(100, 800) : 0,
          chance(0.1) ? int(300, 900) : 0,
          fee,
          JSON.stringify(lines),
          JSON.stringify(totals),
          reported,
          reported,
          reported,
          staff.id,
          reported,
          reported,
        );
        for (const c of kids) insertActivityChild.run(activityId, c.id);
        insertActivityCategory.run(activityId, category);
        if (chance(0.08)) insertActivityCategory.run(activityId, category === 11 ? 12 : 11);
      }
    });
    if ((done / BATCH) % 4 === 3) log(`${done + BATCH} activities`);
  }

  // Next month: open requests, and matched ones that give helpers assignments to overlap with.
  const openIds: string[] = [];
  tx(() => {
    const upcoming = (status: 'open' | 'matched', count: number) => {
      for (let i = 0; i < count; i++) {
        const requester = pick(requesters);
        const date = addDaysToDate(
          nextMonthFrom,
          int(0, dayNumber(nextMonthTo) - dayNumber(nextMonthFrom)),
        );
        const startMin = int(14, 38) * 30;
        const id = uuid();
        const helperId = status === 'matched' ? pick(active).id : null;
        insertRequest.run(
          id,
          requester.id,
          chance(0.05) ? 10 : int(1, 9),
          tokyoIso(date, startMin),
          tokyoIso(date, startMin + int(2, 8) * 30),
          pick(LOCATIONS),
          status,
          helperId,
          helperId ? nowIso : null,
          staff.id,
          nowIso,
          nowIso,
        );
        const kids =
          requester.children.length > 1 && chance(0.2)
            ? requester.children
            : requester.children.slice(0, 1);
        for (const c of kids) insertRequestChild.run(id, c.id);
        if (status === 'open') openIds.push(id);
      }
    };
    upcoming('open', SIZES.openRequests);
    upcoming('matched', SIZES.matchedRequests);
  });
  log(`${SIZES.openRequests} open and ${SIZES.matchedRequests} matched requests next month`);

  for (const ix of bulkIndexes) sqlite.exec(ix.sql);
  log(`rebuilt ${bulkIndexes.length} indexes`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  const meta: BenchMeta = {
    today,
    nextMonth: { from: nextMonthFrom, to: nextMonthTo },
    staff: BENCH_STAFF,
    sizes: SIZES,
    sampleOpenRequestIds: openIds.filter((_, i) => i % 10 === 0),
    sampleMemberIds: [
      ...helpers.slice(0, 50).map((h) => h.id),
      ...requesters.slice(0, 50).map((r) => r.id),
    ],
    reportMonth: lastMonth,
    reportFiscalYear: fiscalYearOf(`${lastMonth}-01`),
    generatedInMs: Math.round(performance.now() - t0),
  };
  writeFileSync(`${out}.json`, JSON.stringify(meta, null, 2));
  log(`done: ${out}`);
  return meta;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const out = argValue('--out') ?? DEFAULT_BENCH_DB;
  const activities = argValue('--activities');
  await generateBenchData(out, {
    today: argValue('--today'),
    activities: activities ? Number(activities) : undefined,
  });
}
