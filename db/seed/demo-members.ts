import type { AppDeps, CurrentUser } from '../../src/context.js';
import type { PasswordHasher } from '../../src/auth/password.js';
import { addDaysToDate, tokyoDateOf, tokyoInstant } from '../../src/lib/dates.js';
import { openDayOnOrAfter } from '../../src/lib/center-calendar.js';
import { newId } from '../../src/lib/ids.js';
import type { ApplicationInput } from '../../src/modules/members/members.schemas.js';
import { applyForMembership, approveSide } from '../../src/modules/members/members.service.js';
import {
  recordOrientationAttendance,
  registerForOrientation,
  scheduleOrientation,
} from '../../src/modules/orientations/orientations.service.js';

/** All demo members share one password: hash it once instead of once per member. */
function memoizedHasher(inner: PasswordHasher): PasswordHasher {
  const cache = new Map<string, Promise<string>>();
  return {
    hash: (password) =>
      cache.get(password) ?? (cache.set(password, inner.hash(password)), cache.get(password)!),
    verify: (password, stored) => inner.verify(password, stored),
    needsRehash: (stored) => inner.needsRehash(stored),
  };
}

interface DemoMember {
  email: string;
  kind: ApplicationInput['kind'];
  name: string;
  kana: string;
  birthDate: string;
  area: string;
  phone: string;
  address: string;
  children?: {
    name: string;
    kana: string;
    birthDate: string;
    sex: 'female' | 'male';
    school: string;
    allergies?: string;
    healthNotes?: string;
    doctor?: string;
  }[];
  /** applied: just applied; oriented: attended an orientation, awaiting approval; active: approved. */
  state: 'applied' | 'oriented' | 'active';
  slots?: { weekday: number; start: string; end: string }[];
}

const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, start, end }));

/** The fictional families and helpers of みどり市. Ages are fixed dates, so the demo ages with time. */
export const DEMO_MEMBERS = (parentEmail: string, helperEmail: string): DemoMember[] => [
  {
    email: parentEmail,
    kind: 'requester',
    name: '田中 さくら',
    kana: 'タナカ サクラ',
    birthDate: '1990-05-01',
    area: 'chuo',
    phone: '090-1111-2222',
    address: 'みどり市中央1-2-3 みどりハイツ201',
    state: 'active',
    children: [
      {
        name: '田中 はると',
        kana: 'タナカ ハルト',
        birthDate: '2022-08-15',
        sex: 'male',
        school: 'みどり保育園',
        allergies: 'えび・かに',
        healthNotes: '熱性けいれんの既往あり（2024年）',
        doctor: 'みどり小児科クリニック',
      },
      {
        name: '田中 ゆい',
        kana: 'タナカ ユイ',
        birthDate: '2019-06-03',
        sex: 'female',
        school: 'みどり第一小学校',
      },
    ],
  },
  {
    email: 'misaki.takahashi@example.jp',
    kind: 'requester',
    name: '高橋 美咲',
    kana: 'タカハシ ミサキ',
    birthDate: '1992-11-12',
    area: 'kita',
    phone: '080-2222-3333',
    address: 'みどり市北町4-5-6',
    state: 'active',
    children: [
      {
        name: '高橋 陽菜',
        kana: 'タカハシ ヒナ',
        birthDate: '2023-01-20',
        sex: 'female',
        school: 'きた保育園',
      },
    ],
  },
  {
    email: 'yumi.ito@example.jp',
    kind: 'requester',
    name: '伊藤 由美',
    kana: 'イトウ ユミ',
    birthDate: '1988-03-30',
    area: 'higashi',
    phone: '070-3333-4444',
    address: 'みどり市東が丘2-8-1',
    state: 'active',
    children: [
      {
        name: '伊藤 蓮',
        kana: 'イトウ レン',
        birthDate: '2021-10-02',
        sex: 'male',
        school: 'ひがし幼稚園',
        allergies: '卵',
        doctor: 'ひがし小児科',
      },
    ],
  },
  {
    email: 'mari.watanabe@example.jp',
    kind: 'requester',
    name: '渡辺 真理',
    kana: 'ワタナベ マリ',
    birthDate: '1985-07-07',
    area: 'minami',
    phone: '090-4444-5555',
    address: 'みどり市南町7-1-10',
    state: 'active',
    children: [
      {
        name: '渡辺 大翔',
        kana: 'ワタナベ ヒロト',
        birthDate: '2017-05-12',
        sex: 'male',
        school: 'みどり南小学校',
      },
      {
        name: '渡辺 結衣',
        kana: 'ワタナベ ユイ',
        birthDate: '2021-02-28',
        sex: 'female',
        school: 'みなみ保育園',
      },
    ],
  },
  {
    email: 'ai.kobayashi@example.jp',
    kind: 'requester',
    name: '小林 愛',
    kana: 'コバヤシ アイ',
    birthDate: '1994-09-09',
    area: 'kita',
    phone: '080-5555-6666',
    address: 'みどり市北町9-9-9',
    state: 'applied',
    children: [
      {
        name: '小林 湊',
        kana: 'コバヤシ ミナト',
        birthDate: '2025-12-24',
        sex: 'male',
        school: '',
      },
    ],
  },
  {
    email: 'megumi.kato@example.jp',
    kind: 'requester',
    name: '加藤 恵',
    kana: 'カトウ メグミ',
    birthDate: '1991-01-15',
    area: 'sakuradai',
    phone: '070-6666-7777',
    address: 'みどり市桜台3-3-3',
    state: 'oriented',
    children: [
      {
        name: '加藤 葵',
        kana: 'カトウ アオイ',
        birthDate: '2020-04-08',
        sex: 'female',
        school: 'さくら幼稚園',
      },
    ],
  },
  {
    email: helperEmail,
    kind: 'helper',
    name: '鈴木 恵子',
    kana: 'スズキ ケイコ',
    birthDate: '1962-04-18',
    area: 'chuo',
    phone: '090-7777-8888',
    address: 'みどり市中央2-10-5',
    state: 'active',
    slots: weekdays('08:00', '18:00'),
  },
  {
    email: 'yoko.nakamura@example.jp',
    kind: 'helper',
    name: '中村 洋子',
    kana: 'ナカムラ ヨウコ',
    birthDate: '1958-08-08',
    area: 'kita',
    phone: '080-8888-9999',
    address: 'みどり市北町1-1-1',
    state: 'active',
    slots: [...weekdays('09:00', '17:00', [1, 3, 5]), { weekday: 6, start: '09:00', end: '15:00' }],
  },
  {
    email: 'masako.yamaguchi@example.jp',
    kind: 'helper',
    name: '山口 正子',
    kana: 'ヤマグチ マサコ',
    birthDate: '1965-12-01',
    area: 'higashi',
    phone: '070-9999-0000',
    address: 'みどり市東が丘5-5-5',
    state: 'active',
    slots: weekdays('07:00', '19:00'),
  },
  {
    email: 'kyoko.matsumoto@example.jp',
    kind: 'helper',
    name: '松本 京子',
    kana: 'マツモト キョウコ',
    birthDate: '1970-02-14',
    area: 'minami',
    phone: '090-1212-3434',
    address: 'みどり市南町2-2-2',
    state: 'active',
    slots: [...weekdays('13:00', '20:00'), { weekday: 6, start: '08:00', end: '20:00' }],
  },
  {
    email: 'kazumi.inoue@example.jp',
    kind: 'both',
    name: '井上 和美',
    kana: 'イノウエ カズミ',
    birthDate: '1978-06-20',
    area: 'nishi',
    phone: '080-3434-5656',
    address: 'みどり市西町6-6-6',
    state: 'active',
    slots: weekdays('10:00', '15:00', [2, 4]),
    children: [
      {
        name: '井上 翼',
        kana: 'イノウエ ツバサ',
        birthDate: '2016-09-30',
        sex: 'male',
        school: 'みどり西小学校',
      },
    ],
  },
  {
    email: 'setsuko.kimura@example.jp',
    kind: 'helper',
    name: '木村 節子',
    kana: 'キムラ セツコ',
    birthDate: '1960-10-10',
    area: 'midorigaoka',
    phone: '070-5656-7878',
    address: 'みどり市緑が丘1-4-2',
    state: 'active',
    slots: weekdays('09:00', '16:00', [1, 2, 3]),
  },
];

const SPOUSES = ['健一', '大輔', '翔太', '拓也', '直樹', '亮'];
const GRANDPARENTS = [
  '山田 房子',
  '小林 節子',
  '中村 和江',
  '加藤 美代子',
  '吉田 幸子',
  '松本 久美子',
  '井上 文子',
  '木村 照子',
  '清水 洋子',
  '森 静江',
  '池田 君子',
  '橋本 敏子',
  '石川 登美子',
];

function applicationOf(m: DemoMember, password: string, index: number): ApplicationInput {
  const hasChildren = m.kind !== 'helper';
  return {
    kind: m.kind,
    name: m.name,
    nameKana: m.kana,
    email: m.email,
    password,
    phone: m.phone,
    birthDate: m.birthDate,
    postalCode: null,
    address: m.address,
    area: m.area,
    children: hasChildren
      ? (m.children ?? []).map((c) => ({
          name: c.name,
          nameKana: c.kana,
          sex: c.sex,
          birthDate: c.birthDate,
          school: c.school || null,
          allergies: c.allergies ?? null,
          healthNotes: c.healthNotes ?? null,
          familyDoctor: c.doctor ?? null,
        }))
      : [],
    // Each family its own two people and numbers (a spouse with the family name, a grandparent).
    emergencyContacts: hasChildren
      ? [
          {
            name: `${m.name.split(' ')[0]} ${SPOUSES[index % SPOUSES.length]}`,
            relation: '配偶者',
            phone: `090-${String(4100 + index * 37).padStart(4, '0')}-${String(2300 + index * 411).slice(-4)}`,
          },
          {
            name: GRANDPARENTS[index % GRANDPARENTS.length]!,
            relation: '祖母',
            phone: `042-${String(310 + index * 7)}-${String(5600 + index * 173).slice(-4)}`,
          },
        ]
      : [],
    consent: { terms: true, healthData: true },
  };
}

/** Members through the real flow: application, orientation attendance, approval. */
export async function seedDemoMembers(
  baseDeps: AppDeps,
  staff: CurrentUser,
  password: string,
  logins: { parent: string; helper: string },
) {
  const deps: AppDeps = { ...baseDeps, passwordHasher: memoizedHasher(baseDeps.passwordHasher) };
  const today = tokyoDateOf(deps.clock.now());
  const members = DEMO_MEMBERS(logins.parent, logins.helper);
  const created: { demo: DemoMember; id: string }[] = [];
  for (const [index, demo] of members.entries()) {
    const member = await applyForMembership(deps, applicationOf(demo, password, index), staff);
    created.push({ demo, id: member.id });
  }
  // Last month's orientation, attended by everyone past the application stage; next month's, open.
  const past = await scheduleOrientation(deps, staff, {
    startsAt: tokyoInstant(openDayOnOrAfter(addDaysToDate(today, -21)), '10:00').toISOString(),
    endsAt: tokyoInstant(openDayOnOrAfter(addDaysToDate(today, -21)), '11:30').toISOString(),
    venue: 'みどり市子育て支援センター 会議室A',
    capacity: 20,
    notes: null,
  });
  const upcoming = await scheduleOrientation(deps, staff, {
    startsAt: tokyoInstant(openDayOnOrAfter(addDaysToDate(today, 14)), '10:00').toISOString(),
    endsAt: tokyoInstant(openDayOnOrAfter(addDaysToDate(today, 14)), '11:30').toISOString(),
    venue: 'みどり市子育て支援センター 会議室A',
    capacity: 15,
    notes: '託児あり（要予約）',
  });
  const oriented = created.filter((c) => c.demo.state !== 'applied' && c.demo.kind !== 'helper');
  // The orientation took place in the past: registrations are recorded with the attendance sheet.
  await recordOrientationAttendance(
    deps,
    staff,
    past.id,
    oriented.map((c) => c.id),
  );
  for (const c of created.filter((x) => x.demo.state === 'applied'))
    await registerForOrientation(deps, upcoming.id, c.id);
  for (const c of created.filter((x) => x.demo.state === 'active')) {
    if (c.demo.kind !== 'helper') await approveSide(deps, staff, c.id, 'requester');
    if (c.demo.kind !== 'requester') await approveSide(deps, staff, c.id, 'helper');
  }
  for (const c of created) {
    for (const s of c.demo.slots ?? []) {
      await deps.db
        .insertInto('availability_slot')
        .values({
          id: newId(),
          member_id: c.id,
          weekday: s.weekday,
          start_time: s.start,
          end_time: s.end,
        })
        .execute();
    }
  }
  return created;
}
