import type { Actor, World } from './fuzz-world.js';
import { DEFAULT_SUBSIDY_RULES } from '../../src/modules/settings/subsidy-rules.js';
import { subsidyRulesValuesOf } from '../../src/modules/subsidies/subsidy-rules-form.js';
import { helpCategoryValuesOf } from '../../src/modules/categories/categories-form.js';
import type { HelpCategory } from '../../src/modules/categories/help-category-rules.js';

// Every write route of the app (POST/PUT/PATCH/DELETE, as `app.routes` names it), with the actor
// ALLOWED to use it, its path filled with real ids from the fuzz world, and one valid body: the
// seed the fuzzer mutates and the body the mass-assignment test adds extra keys to.
// API routes take JSON; pages take same-origin urlencoded forms (pairs: a key may repeat).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type FormPairs = [string, string][];

export interface JsonRoute {
  kind: 'json';
  actor: Actor;
  path: (w: World) => string;
  body: (w: World) => Json;
}
export interface FormRoute {
  kind: 'form';
  actor: Actor;
  path: (w: World) => string;
  body: (w: World) => FormPairs;
  /** An upload: the valid body is multipart with this file (the fuzzer sends it urlencoded). */
  file?: { field: string; name: string; type: string; content: string };
}
export type RouteSpec = JsonRoute | FormRoute;

const UUID = '{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}';
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;
const pairs = (o: Record<string, string>): FormPairs => Object.entries(o);

const json = (actor: Actor, path: (w: World) => string, body: (w: World) => Json): JsonRoute => ({
  kind: 'json',
  actor,
  path,
  body,
});
const form = (
  actor: Actor,
  path: (w: World) => string,
  body: (w: World) => FormPairs = () => [],
): FormRoute => ({ kind: 'form', actor, path, body });
const fixed = (p: string) => () => p;
/** A document for the attachment uploads (ASCII: the file's text is sent as UTF-8). */
const ATTACHMENT_FILE = {
  field: 'file',
  name: 'shindansho.pdf',
  type: 'application/pdf',
  content: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
};

/** Category 12 as migration 0027 seeds it. */
const SEEDED_OTHER_CATEGORY: HelpCategory = {
  code: 12,
  labelJa: 'その他',
  labelEn: 'Other',
  sortOrder: 12,
  active: true,
  transportOnly: false,
  sickChild: false,
  nationalCategory: 'other',
};

const child = () => ({
  name: 'みどり ひなた',
  nameKana: 'ミドリ ヒナタ',
  sex: 'female',
  birthDate: '2022-04-01',
  school: 'みどり保育園',
  allergies: '小麦',
  healthNotes: null,
  familyDoctor: 'みどり小児科',
});
const contact = { name: '祖母 はな', relation: '祖母', phone: '090-3333-4444' };
const application = (email: string) => ({
  kind: 'requester',
  name: '新井 さくら',
  nameKana: 'アライ サクラ',
  email,
  password: 'a long enough passphrase 42',
  phone: '090-5555-6666',
  birthDate: '1990-02-03',
  postalCode: '123-4567',
  address: 'みどり市中央2-3-4',
  area: 'chuo',
  children: [
    {
      name: '新井 そら',
      nameKana: 'アライ ソラ',
      birthDate: '2021-09-09',
      school: null,
      allergies: null,
      healthNotes: null,
      familyDoctor: null,
    },
  ],
  emergencyContacts: [contact, { ...contact, name: '祖父 いち', relation: '祖父' }],
  consent: { terms: true, healthData: true },
});
const applicationForm = (email: string): FormPairs =>
  pairs({
    kind: 'requester',
    name: '新井 さくら',
    nameKana: 'アライ サクラ',
    email,
    password: 'a long enough passphrase 42',
    phone: '090-5555-6666',
    birthDate: '1990-02-03',
    postalCode: '123-4567',
    address: 'みどり市中央2-3-4',
    area: 'chuo',
    'children.0.name': '新井 そら',
    'children.0.nameKana': 'アライ ソラ',
    'children.0.birthDate': '2021-09-09',
    'emergencyContacts.0.name': '祖母 はな',
    'emergencyContacts.0.relation': '祖母',
    'emergencyContacts.0.phone': '090-3333-4444',
    'emergencyContacts.1.name': '祖父 いち',
    'emergencyContacts.1.relation': '祖父',
    'emergencyContacts.1.phone': '090-3333-5555',
    'consent.terms': 'yes',
    'consent.healthData': 'yes',
  });
const event = {
  kind: 'lecture',
  title: '救命講習のお知らせ',
  description: '親子で学べます。',
  startsAt: jst('2026-12-19', '10:00'),
  endsAt: jst('2026-12-19', '12:00'),
  venue: 'みどり市民センター',
  capacity: 30,
  audience: 'members',
  childcare: true,
};
const eventForm = pairs({
  kind: 'lecture',
  title: '救命講習のお知らせ',
  description: '親子で学べます。',
  date: '2026-12-19',
  startTime: '10:00',
  endTime: '12:00',
  venue: 'みどり市民センター',
  capacity: '30',
  audience: 'members',
  childcare: 'yes',
});
const group = {
  name: 'みどり子育てひろば',
  kind: 'play',
  area: 'chuo',
  schedule: '毎週水曜日 10:00〜12:00',
  contact: '電話 0120-000-202',
  ageMin: 0,
  ageMax: 6,
  description: '親子で遊べるひろばです。',
  url: 'https://hiroba.example.jp/',
};
const groupForm = pairs({
  ...Object.fromEntries(Object.entries(group).map(([k, v]) => [k, String(v)])),
});
const reportFields = (w: World) => ({
  startedAt: jst('2026-11-25', '13:00'),
  endedAt: jst('2026-11-25', '14:00'),
  childIds: [w.child.id],
  categories: [8],
  place: 'みどり公園',
  transportCost: 200,
  mealCost: 0,
  notes: '元気に遊びました。',
});
const reportForm = (w: World, start = '13:00', end = '14:00'): FormPairs =>
  pairs({
    date: '2026-11-25',
    startTime: start,
    endTime: end,
    [`child.${w.child.id}`]: 'yes',
    'category.8': 'yes',
    place: 'みどり公園',
    transportCost: '200',
    mealCost: '0',
    notes: '元気に遊びました。',
    step: 'submit',
  });
const incident = {
  kind: 'near_miss',
  severity: 'minor',
  description: '段差でつまずきそうになった。',
  actionTaken: '手をつないで歩くようにした。',
};
/** An accident on the way to help, recorded by staff on its own (issue #19). */
const standaloneIncident = {
  kind: 'accident',
  severity: 'moderate',
  description: '援助に向かう途中、自転車で転倒した。',
  actionTaken: '擦り傷を水で洗った。',
  occurredAt: jst('2026-11-20', '15:10'),
  place: '駅前の交差点',
  situation: 'travel',
  victim: 'helper',
  hospital: 'みどり整形外科',
  diagnosis: '左手首の捻挫',
  treatmentDays: 7,
  centerToldAt: jst('2026-11-20', '15:40'),
};
/** The first step of a serious accident's reporting chain (issue #19). */
const seriousStep = {
  stage: 'first',
  level: 'municipality',
  reportedOn: '2026-11-25',
  reportedBy: 'センター 山田',
};

const incidentFormPairs = {
  date: '2026-11-20',
  time: '15:10',
  place: '駅前の交差点',
  situation: 'travel',
  kind: 'accident',
  severity: 'moderate',
  victim: 'helper',
  description: '援助に向かう途中、自転車で転倒した。',
  actionTaken: '擦り傷を水で洗った。',
  treatmentDays: '7',
};
const weekly = {
  weekly: [
    { weekday: 1, start: '09:00', end: '17:00' },
    { weekday: 3, start: '13:00', end: '18:00' },
  ],
};
const weeklyForm = pairs({
  w1_0_start: '09:00',
  w1_0_end: '17:00',
  w3_0_start: '13:00',
  w3_0_end: '18:00',
});
const exceptionForm = pairs({
  date: '2026-12-24',
  kind: 'hours',
  start: '13:00',
  end: '15:00',
  note: '通院',
});

export const WRITE_ROUTES: Record<string, RouteSpec> = {
  // Auth and staff accounts
  'POST /api/v1/auth/login': json('anonymous', fixed('/api/v1/auth/login'), (w) => ({
    email: w.emails.parent,
    password: w.passwords.parent,
  })),
  'POST /api/v1/auth/logout': json('parent', fixed('/api/v1/auth/logout'), () => ({})),
  'POST /api/v1/me/password': json('parent', fixed('/api/v1/me/password'), (w) => ({
    currentPassword: w.passwords.parent,
    newPassword: 'another long passphrase 77',
  })),
  'POST /api/v1/staff': json('admin', fixed('/api/v1/staff'), () => ({
    email: 'new.staff@example.jp',
    name: '新人 職員',
    password: 'a long enough passphrase 42',
    role: 'staff',
  })),
  // Staff account lifecycle and account recovery (issue #22)
  'POST /api/v1/staff/:id/disable': json(
    'admin',
    (w) => `/api/v1/staff/${w.users.staff.id}/disable`,
    () => ({}),
  ),
  'POST /api/v1/staff/:id/enable': json(
    'admin',
    (w) => `/api/v1/staff/${w.users.staff.id}/enable`,
    () => ({}),
  ),
  'PATCH /api/v1/staff/:id': json(
    'admin',
    (w) => `/api/v1/staff/${w.users.staff.id}`,
    () => ({
      role: 'admin',
    }),
  ),
  'POST /api/v1/staff/:id/password-reset': json(
    'admin',
    (w) => `/api/v1/staff/${w.users.staff.id}/password-reset`,
    () => ({}),
  ),
  'POST /api/v1/auth/password-reset/request': json(
    'anonymous',
    fixed('/api/v1/auth/password-reset/request'),
    (w) => ({ email: w.emails.parent }),
  ),
  'POST /api/v1/auth/password-reset': json(
    'anonymous',
    fixed('/api/v1/auth/password-reset'),
    (w) => ({
      token: w.resetToken,
      newPassword: 'another long passphrase 77',
    }),
  ),
  'POST /api/v1/auth/password-reset/code': json(
    'anonymous',
    fixed('/api/v1/auth/password-reset/code'),
    (w) => ({
      email: w.emails.parent,
      code: w.resetCode,
      newPassword: 'another long passphrase 77',
    }),
  ),
  'POST /api/v1/members/:id/password-reset-code': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/password-reset-code`,
    () => ({}),
  ),
  'POST /staff-accounts/:id/disable': form(
    'admin',
    (w) => `/staff-accounts/${w.users.staff.id}/disable`,
  ),
  'POST /staff-accounts/:id/enable': form(
    'admin',
    (w) => `/staff-accounts/${w.users.staff.id}/enable`,
  ),
  'POST /staff-accounts/:id/role': form(
    'admin',
    (w) => `/staff-accounts/${w.users.staff.id}/role`,
    () => pairs({ role: 'admin' }),
  ),
  'POST /staff-accounts/:id/password-reset': form(
    'admin',
    (w) => `/staff-accounts/${w.users.staff.id}/password-reset`,
  ),
  'POST /forgot-password': form('anonymous', fixed('/forgot-password'), (w) =>
    pairs({ email: w.emails.parent }),
  ),
  'POST /reset-password': form('anonymous', fixed('/reset-password'), (w) =>
    pairs({
      token: w.resetToken,
      newPassword: 'another long passphrase 77',
      confirmPassword: 'another long passphrase 77',
    }),
  ),
  'POST /reset-code': form('anonymous', fixed('/reset-code'), (w) =>
    pairs({
      email: w.emails.parent,
      code: w.resetCode,
      newPassword: 'another long passphrase 77',
      confirmPassword: 'another long passphrase 77',
    }),
  ),
  'POST /members/:id/reset-code': form('staff', (w) => `/members/${w.parent.id}/reset-code`),
  'PUT /api/v1/settings': json('admin', fixed('/api/v1/settings'), () => ({
    retention: { withdrawnMemberYears: 7 },
  })),
  'POST /login': form('anonymous', fixed('/login'), (w) =>
    pairs({ email: w.emails.parent, password: w.passwords.parent, next: '/my' }),
  ),
  'POST /logout': form('parent', fixed('/logout')),
  'POST /account/password': form('parent', fixed('/account/password'), (w) =>
    pairs({
      currentPassword: w.passwords.parent,
      newPassword: 'another long passphrase 77',
      confirmPassword: 'another long passphrase 77',
    }),
  ),
  'POST /locale': form('parent', fixed('/locale'), () => pairs({ locale: 'en', next: '/my' })),
  'POST /staff-accounts': form('admin', fixed('/staff-accounts'), () =>
    pairs({
      name: '新人 職員',
      email: 'new.staff@example.jp',
      role: 'staff',
      password: 'a long enough passphrase 42',
    }),
  ),
  'POST /settings/:section': form('admin', fixed('/settings/retention'), () =>
    pairs({ withdrawnMemberYears: '7' }),
  ),

  // Members
  'POST /api/v1/applications': json('anonymous', fixed('/api/v1/applications'), () =>
    application('new.applicant@example.jp'),
  ),
  'PATCH /api/v1/members/:id': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}`,
    () => ({ phone: '090-7777-8888', address: 'みどり市中央5-6-7' }),
  ),
  'POST /api/v1/members/:id/approve': json(
    'staff',
    (w) => `/api/v1/members/${w.applicant.id}/approve`,
    () => ({ side: 'requester' }),
  ),
  'POST /api/v1/members/:id/suspend': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/suspend`,
    () => ({ side: 'requester', reason: '連絡が取れないため' }),
  ),
  'POST /api/v1/members/:id/reactivate': json(
    'staff',
    (w) => `/api/v1/members/${w.suspended.id}/reactivate`,
    () => ({ side: 'requester' }),
  ),
  'POST /api/v1/members/:id/withdraw': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}/withdraw`,
    () => ({ reason: '転居のため' }),
  ),
  'POST /api/v1/members/:id/consent': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}/consent`,
    () => ({ healthData: true }),
  ),
  'POST /api/v1/members/:id/children': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}/children`,
    () => child(),
  ),
  'PATCH /api/v1/children/:id': json(
    'parent',
    (w) => `/api/v1/children/${w.child.id}`,
    () => ({ school: 'みどり小学校', allergies: 'なし' }),
  ),
  'POST /api/v1/members/:id/emergency-contacts': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}/emergency-contacts`,
    () => contact,
  ),
  'POST /api/v1/members/:id/authorized-pickups': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}/authorized-pickups`,
    () => contact,
  ),
  'POST /apply': form('anonymous', fixed('/apply'), () =>
    applicationForm('self.applicant@example.jp'),
  ),
  'POST /members/new': form('staff', fixed('/members/new'), () =>
    applicationForm('paper.applicant@example.jp'),
  ),
  'POST /my/profile': form('parent', fixed('/my/profile'), (w) =>
    pairs({
      phone: '090-7777-8888',
      postalCode: '123-4567',
      address: 'みどり市中央5-6-7',
      area: 'chuo',
      email: w.emails.parent,
    }),
  ),
  'POST /my/children/new': form('parent', fixed('/my/children/new'), () =>
    pairs({
      name: 'みどり ひなた',
      nameKana: 'ミドリ ヒナタ',
      sex: 'female',
      birthDate: '2022-04-01',
      school: 'みどり保育園',
      allergies: '小麦',
      healthNotes: '',
      familyDoctor: 'みどり小児科',
    }),
  ),
  'POST /my/children/:id/edit': form(
    'parent',
    (w) => `/my/children/${w.child.id}/edit`,
    (w) =>
      pairs({
        name: w.child.name,
        nameKana: 'コドモ',
        sex: '',
        birthDate: w.child.birth_date,
        school: 'みどり小学校',
        allergies: '卵',
        healthNotes: '',
        familyDoctor: 'みどり小児科',
      }),
  ),
  'POST /my/contacts': form('parent', fixed('/my/contacts'), () =>
    pairs({
      'contact.name': '祖母 はな',
      'contact.relation': '祖母',
      'contact.phone': '090-3333-4444',
    }),
  ),
  'POST /my/contacts/:id/remove': form('parent', (w) => `/my/contacts/${w.contactId}/remove`),
  'POST /my/contacts/:id': form(
    'parent',
    (w) => `/my/contacts/${w.contactId}`,
    (w) =>
      pairs({
        [`contact.${w.contactId}.name`]: '祖母 はな',
        [`contact.${w.contactId}.relation`]: '祖母',
        [`contact.${w.contactId}.phone`]: '090-3333-4444',
      }),
  ),
  'POST /my/pickups': form('parent', fixed('/my/pickups'), () =>
    pairs({
      'pickup.name': '祖母 はな',
      'pickup.relation': '祖母',
      'pickup.phone': '090-3333-4444',
    }),
  ),
  'POST /my/pickups/:id/remove': form('parent', (w) => `/my/pickups/${w.pickupId}/remove`),
  'POST /my/pickups/:id': form(
    'parent',
    (w) => `/my/pickups/${w.pickupId}`,
    (w) =>
      pairs({
        [`pickup.${w.pickupId}.name`]: '祖母 はな',
        [`pickup.${w.pickupId}.relation`]: '祖母',
        [`pickup.${w.pickupId}.phone`]: '090-3333-4444',
      }),
  ),
  'POST /my/helper-profile': form('helper', fixed('/my/helper-profile'), () =>
    pairs({
      'helperAreas.chuo': 'yes',
      'helperCategories.8': 'yes',
      'ageMin.years': '1',
      'ageMin.months': '0',
      'ageMax.years': '9',
      'ageMax.months': '0',
      helperMaxChildren: '2',
      helperHasPets: 'yes',
      helperHouseholdNotes: '猫が1匹います。',
    }),
  ),
  'POST /my/orientations/:id/register': form(
    'applicant',
    (w) => `/my/orientations/${w.orientationId}/register`,
  ),
  'POST /my/withdraw': form('parent', fixed('/my/withdraw'), () =>
    pairs({ reason: '転居のため', confirm: 'yes' }),
  ),
  [`POST /members/:id${UUID}/approve`]: form(
    'staff',
    (w) => `/members/${w.applicant.id}/approve`,
    () => pairs({ side: 'requester' }),
  ),
  [`POST /members/:id${UUID}/suspend`]: form(
    'staff',
    (w) => `/members/${w.parent.id}/suspend`,
    () => pairs({ side: 'requester', reason: '連絡が取れないため' }),
  ),
  [`POST /members/:id${UUID}/reactivate`]: form(
    'staff',
    (w) => `/members/${w.suspended.id}/reactivate`,
    () => pairs({ side: 'requester' }),
  ),
  [`POST /members/:id${UUID}/withdraw`]: form(
    'staff',
    (w) => `/members/${w.parent.id}/withdraw`,
    () => pairs({ reason: '転居のため', confirm: 'yes' }),
  ),
  [`POST /members/:id${UUID}/orientation`]: form(
    'staff',
    (w) => `/members/${w.applicant.id}/orientation`,
    (w) => pairs({ orientationId: w.orientationId }),
  ),
  'POST /renewals/lapse': form('staff', fixed('/renewals/lapse'), () =>
    pairs({ fiscalYear: '2025', confirm: 'yes' }),
  ),
  // 年度更新 (issue #19, point 3)
  'POST /my/renewal': form('parent', fixed('/my/renewal'), () =>
    pairs({ continueRequester: 'yes', detailsChecked: 'yes', consent: 'yes' }),
  ),
  'POST /renewals/reminders': form('staff', fixed('/renewals/reminders'), () => pairs({})),
  [`POST /renewals/confirmations/:id${UUID}`]: form(
    'staff',
    (w) => `/renewals/confirmations/${w.parent.id}`,
    () => pairs({ continueRequester: 'no', detailsChecked: 'yes', consent: 'yes' }),
  ),
  'POST /api/v1/my/renewal': json('parent', fixed('/api/v1/my/renewal'), () => ({
    continueRequester: true,
    continueHelper: null,
    detailsChecked: true,
    consent: true,
  })),
  'POST /api/v1/members/:id/renewal': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/renewal`,
    () => ({ continueRequester: false, continueHelper: null, detailsChecked: true, consent: true }),
  ),
  'POST /api/v1/renewals/reminders': json('staff', fixed('/api/v1/renewals/reminders'), () => ({})),

  // Orientations
  'POST /api/v1/orientations': json('staff', fixed('/api/v1/orientations'), () => ({
    startsAt: jst('2026-12-10', '10:00'),
    endsAt: jst('2026-12-10', '11:30'),
    venue: 'みどり市民センター',
    capacity: 15,
    notes: '筆記用具をお持ちください。',
  })),
  'POST /api/v1/orientations/:id/registrations': json(
    'applicant',
    (w) => `/api/v1/orientations/${w.orientationId}/registrations`,
    () => ({}),
  ),
  'POST /api/v1/orientations/:id/attendance': json(
    'staff',
    (w) => `/api/v1/orientations/${w.heldOrientationId}/attendance`,
    (w) => ({ memberIds: [w.applicant.id] }),
  ),
  'POST /orientations': form('staff', fixed('/orientations'), () =>
    pairs({
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '11:30',
      venue: 'みどり市民センター',
      capacity: '15',
      notes: '',
    }),
  ),
  [`POST /orientations/:id${UUID}/attendance`]: form(
    'staff',
    (w) => `/orientations/${w.heldOrientationId}/attendance`,
    (w) => [
      ['attended', w.applicant.id],
      ['walkIns', ''],
    ],
  ),
  [`POST /orientations/:id${UUID}/registrations`]: form(
    'staff',
    (w) => `/orientations/${w.orientationId}/registrations`,
    (w) => pairs({ member: w.parent.member_no === null ? '' : String(w.parent.member_no) }),
  ),

  // Training
  'POST /api/v1/training-modules': json('admin', fixed('/api/v1/training-modules'), () => ({
    code: 'first_aid_extra',
    title: { ja: '応急手当の補講', en: 'First aid, extra' },
    hours: 1.5,
    kind: 'followup',
    validityMonths: 24,
    validityMode: 'months',
    sortOrder: 500,
  })),
  'POST /api/v1/training-modules/load-defaults': json(
    'admin',
    fixed('/api/v1/training-modules/load-defaults'),
    () => ({}),
  ),
  'PATCH /api/v1/training-modules/:id': json(
    'admin',
    (w) => `/api/v1/training-modules/${w.basicModuleId}`,
    () => ({ validityMode: 'months', validityMonths: 60 }),
  ),
  'POST /api/v1/training-sessions': json('staff', fixed('/api/v1/training-sessions'), (w) => ({
    moduleIds: [w.basicModuleId],
    startsAt: jst('2026-12-13', '10:00'),
    endsAt: jst('2026-12-13', '12:00'),
    venue: 'みどり市民センター',
    capacity: 12,
    instructor: '保健師 山田',
    notes: null,
  })),
  'POST /api/v1/training-sessions/:id/enrollments': json(
    'helper2',
    (w) => `/api/v1/training-sessions/${w.trainingSessionId}/enrollments`,
    () => ({}),
  ),
  'POST /api/v1/training-sessions/:id/enrollments/cancel': json(
    'helper',
    (w) => `/api/v1/training-sessions/${w.trainingSessionId}/enrollments/cancel`,
    () => ({}),
  ),
  'POST /api/v1/training-sessions/:id/attendance': json(
    'staff',
    (w) => `/api/v1/training-sessions/${w.heldTrainingSessionId}/attendance`,
    (w) => ({ attendees: [{ memberId: w.helper.id, attended: true }] }),
  ),
  'POST /api/v1/members/:id/training-records': json(
    'helper',
    (w) => `/api/v1/members/${w.helper.id}/training-records`,
    (w) => ({
      moduleId: w.basicModuleId,
      completedOn: '2026-10-01',
      source: 'external',
      note: '修了証 第456号',
    }),
  ),
  'POST /api/v1/training-records/:id/approve': json(
    'staff',
    (w) => `/api/v1/training-records/${w.pendingRecordId}/approve`,
    () => ({ note: '確認しました' }),
  ),
  'POST /api/v1/training-records/:id/reject': json(
    'staff',
    (w) => `/api/v1/training-records/${w.pendingRecordId}/reject`,
    () => ({ note: '修了証が読めません' }),
  ),
  'POST /training/sessions/:id/enroll': form(
    'helper2',
    (w) => `/training/sessions/${w.trainingSessionId}/enroll`,
  ),
  'POST /training/sessions/:id/cancel': form(
    'helper',
    (w) => `/training/sessions/${w.trainingSessionId}/cancel`,
  ),
  'POST /training/records': form('helper', fixed('/training/records'), (w) =>
    pairs({
      moduleId: w.basicModuleId,
      completedOn: '2026-10-01',
      source: 'external',
      note: '修了証 第456号',
    }),
  ),
  'POST /training/sessions': form('staff', fixed('/training/sessions'), (w) =>
    pairs({
      date: '2026-12-13',
      startTime: '10:00',
      endTime: '12:00',
      venue: 'みどり市民センター',
      instructor: '保健師 山田',
      capacity: '12',
      notes: '',
      [`moduleIds.${w.basicModuleId}`]: 'yes',
    }),
  ),
  'POST /training/sessions/:id/enrollments': form(
    'staff',
    (w) => `/training/sessions/${w.trainingSessionId}/enrollments`,
    (w) => pairs({ memberId: w.helper2.id }),
  ),
  'POST /training/sessions/:id/enrollments/cancel': form(
    'staff',
    (w) => `/training/sessions/${w.trainingSessionId}/enrollments/cancel`,
    (w) => pairs({ memberId: w.helper.id }),
  ),
  'POST /training/sessions/:id/attendance': form(
    'staff',
    (w) => `/training/sessions/${w.heldTrainingSessionId}/attendance`,
    (w) =>
      pairs({ [`member.${w.helper.id}`]: 'yes', [`att.${w.helper.id}.${w.basicModuleId}`]: 'yes' }),
  ),
  'POST /training/helpers/:id/records': form(
    'staff',
    (w) => `/training/helpers/${w.helper2.id}/records`,
    (w) =>
      pairs({
        [`moduleIds.${w.sickChildModuleId}`]: 'yes',
        completedOn: '2026-10-01',
        source: 'external',
        note: '修了証 第789号',
      }),
  ),
  'POST /training/records/:id/review': form(
    'staff',
    (w) => `/training/records/${w.pendingRecordId}/review`,
    () => pairs({ decision: 'approve', note: '確認しました' }),
  ),
  'POST /training/curriculum/load-defaults': form(
    'admin',
    fixed('/training/curriculum/load-defaults'),
  ),
  'POST /training/curriculum/validity': form('admin', fixed('/training/curriculum/validity'), (w) =>
    pairs({ moduleId: w.basicModuleId, validityMode: 'months', validityMonths: '60' }),
  ),
  'POST /training/curriculum': form('admin', fixed('/training/curriculum'), () =>
    pairs({
      code: 'first_aid_extra',
      titleJa: '応急手当の補講',
      titleEn: 'First aid, extra',
      hours: '1.5',
      kind: 'followup',
      validityMode: 'months',
      validityMonths: '24',
    }),
  ),

  // Requests, offers, coordination
  'POST /api/v1/requests': json('parent', fixed('/api/v1/requests'), (w) => ({
    childIds: [w.child.id],
    category: 8,
    startsAt: jst('2026-12-09', '13:00'),
    endsAt: jst('2026-12-09', '16:00'),
    careLocation: 'helper_home',
    careLocationNote: null,
    pickup: 'みどり保育園',
    dropoff: null,
    notes: '昼寝のあとに迎え',
  })),
  'POST /api/v1/requests/:id/offers': json(
    'staff',
    (w) => `/api/v1/requests/${w.openRequest}/offers`,
    (w) => ({ helperIds: [w.helper.id, w.helper2.id] }),
  ),
  'POST /api/v1/requests/:id/assign': json(
    'staff',
    (w) => `/api/v1/requests/${w.openRequest}/assign`,
    (w) => ({ helperId: w.helper2.id }),
  ),
  'POST /api/v1/offers/:id/accept': json(
    'helper',
    (w) => `/api/v1/offers/${w.offerId}/accept`,
    () => ({}),
  ),
  'POST /api/v1/offers/:id/decline': json(
    'helper',
    (w) => `/api/v1/offers/${w.offerId}/decline`,
    () => ({ reason: '都合が悪いため' }),
  ),
  'POST /api/v1/requests/:id/cancel': json(
    'parent',
    (w) => `/api/v1/requests/${w.openRequest}/cancel`,
    () => ({ reason: '祖母が迎えに行くため', kind: 'cancel' }),
  ),
  // The sick-child safeguards (issue #20): the world's requests are ordinary ones, so the valid
  // body gets the 422 not_sick_care there; the fuzzer still drives the schemas and the forms.
  'PUT /api/v1/requests/:id/doctor-note': json(
    'parent',
    (w) => `/api/v1/requests/${w.matchedRequest}/doctor-note`,
    () => ({
      doctorName: '山田 一郎',
      institution: 'みどり小児科',
      seenOn: '2026-12-01',
      diagnosis: '急性胃腸炎',
      instructions: '水分をこまめに',
      proxy: { institution: 'みどり小児科', reason: '夕方に再診' },
    }),
  ),
  'POST /api/v1/requests/:id/handover': json(
    'helper',
    (w) => `/api/v1/requests/${w.matchedRequest}/handover`,
    () => ({ answers: { fever: false, vomiting: false }, temperature: 36.8, childState: '元気' }),
  ),
  'PUT /api/v1/pre-meetings/:id': json(
    'staff',
    (w) => `/api/v1/pre-meetings/${w.preMeetingId}`,
    () => ({
      heldOn: '2026-11-19',
      place: 'ファミサポ事務所',
      attendees: '保護者、提供会員、アドバイザー',
      emergencyProcedure: '保護者と119に連絡',
      agreedDetails: '送迎は徒歩',
      notes: null,
      reason: '日付の誤り',
    }),
  ),
  'POST /api/v1/pre-meetings': json('staff', fixed('/api/v1/pre-meetings'), (w) => ({
    requesterId: w.parent.id,
    helperId: w.helper.id,
    heldOn: '2026-11-25',
    place: 'ファミサポ事務所',
    attendees: '保護者、提供会員、アドバイザー',
    emergencyProcedure: '保護者と119に連絡',
    agreedDetails: '送迎は徒歩',
    notes: null,
  })),
  'POST /requests/new': form('parent', fixed('/requests/new'), (w) =>
    pairs({
      [`childIds.${w.child.id}`]: 'yes',
      category: '8',
      date: '2026-12-09',
      startTime: '13:00',
      endTime: '16:00',
      careLocation: 'helper_home',
      careLocationNote: '',
      pickup: 'みどり保育園',
      dropoff: '',
      notes: '昼寝のあとに迎え',
      skipHolidays: 'yes',
      step: 'submit',
    }),
  ),
  'POST /requests/:id/cancel': form(
    'parent',
    (w) => `/requests/${w.openRequest}/cancel`,
    () => pairs({ reason: '祖母が迎えに行くため' }),
  ),
  'POST /requests/:id/sick-care/doctor-note': form(
    'parent',
    (w) => `/requests/${w.matchedRequest}/sick-care/doctor-note`,
    () =>
      pairs({
        doctorName: '山田 一郎',
        institution: 'みどり小児科',
        seenOn: '2026-12-01',
        diagnosis: '急性胃腸炎',
        instructions: '水分をこまめに',
        proxy: 'yes',
        proxyInstitution: 'みどり小児科',
        proxyReason: '夕方に再診',
      }),
  ),
  'POST /requests/:id/sick-care/handover': form(
    'helper',
    (w) => `/requests/${w.matchedRequest}/sick-care/handover`,
    () =>
      pairs({
        'checklist.fever': 'no',
        'checklist.vomiting': 'no',
        temperature: '36.8',
        childState: '元気',
      }),
  ),
  'POST /requests/:id/cancel-series': form(
    'parent',
    (w) => `/requests/${w.openRequest}/cancel-series`,
    () => pairs({ reason: '引っ越しのため' }),
  ),
  'POST /offers/:id/accept': form('helper', (w) => `/offers/${w.offerId}/accept`),
  'POST /offers/:id/decline': form(
    'helper',
    (w) => `/offers/${w.offerId}/decline`,
    () => pairs({ reason: '都合が悪いため' }),
  ),
  'POST /coordination/requests/new': form('staff', fixed('/coordination/requests/new'), (w) => [
    ['requesterId', w.parent.id],
    ['childIds', w.child.id],
    ['category', '6'],
    ['date', '2026-12-09'],
    ['start', '15:00'],
    ['end', '17:00'],
    ['careLocation', 'requester_home'],
    ['pickup', 'みどり保育園'],
    ['notes', '母が通院のため'],
  ]),
  [`POST /coordination/requests/:id${UUID}/offers`]: form(
    'staff',
    (w) => `/coordination/requests/${w.openRequest}/offers`,
    (w) => [
      ['helperIds', w.helper.id],
      ['helperIds', w.helper2.id],
    ],
  ),
  [`POST /coordination/requests/:id${UUID}/offer-top`]: form(
    'staff',
    (w) => `/coordination/requests/${w.openRequest}/offer-top`,
    (w) => [['next', `/coordination/requests/${w.openRequest}`]],
  ),
  [`POST /coordination/requests/:id${UUID}/assign`]: form(
    'staff',
    (w) => `/coordination/requests/${w.openRequest}/assign`,
    (w) => [['helperId', w.helper2.id]],
  ),
  [`POST /coordination/requests/:id${UUID}/pre-meeting`]: form(
    'staff',
    (w) => `/coordination/requests/${w.matchedRequest}/pre-meeting`,
    () => [
      ['heldOn', '2026-11-25'],
      ['place', 'ファミサポ事務所'],
      ['attendees', '保護者、提供会員、アドバイザー'],
      ['emergencyProcedure', '保護者と119に連絡'],
      ['agreedDetails', '送迎は徒歩'],
      ['notes', ''],
    ],
  ),
  [`POST /coordination/requests/:id${UUID}/cancel`]: form(
    'staff',
    (w) => `/coordination/requests/${w.openRequest}/cancel`,
    () => [
      ['reason', '保護者から電話で取り消し'],
      ['kind', 'cancel'],
    ],
  ),

  // The weekly planner: check a plan, then send its offers.
  'POST /staff/planner': form('staff', fixed('/staff/planner'), (w) =>
    pairs({
      from: '2026-11-30',
      to: '2026-12-06',
      [`assign.${w.openRequest}`]: w.helper2.id,
      [`basis.${w.openRequest}`]: w.helper2.id,
    }),
  ),
  'POST /staff/planner/send': form('staff', fixed('/staff/planner/send'), (w) =>
    pairs({
      from: '2026-11-30',
      to: '2026-12-06',
      [`assign.${w.openRequest}`]: w.helper2.id,
      [`basis.${w.openRequest}`]: w.helper2.id,
    }),
  ),

  // Notifications
  'POST /api/v1/notifications/read-all': json(
    'parent',
    fixed('/api/v1/notifications/read-all'),
    () => ({}),
  ),
  'POST /api/v1/notifications/:id/read': json(
    'parent',
    (w) => `/api/v1/notifications/${w.parentNotificationId}/read`,
    () => ({}),
  ),
  'POST /inbox/read-all': form('helper', fixed('/inbox/read-all')),
  'POST /inbox/:id/read': form(
    'helper',
    (w) => `/inbox/${w.helperNotificationId}/read`,
    () => pairs({ page: '1' }),
  ),

  // Availability
  'PUT /api/v1/members/:id/availability': json(
    'helper',
    (w) => `/api/v1/members/${w.helper.id}/availability`,
    () => weekly,
  ),
  'POST /api/v1/members/:id/availability/exceptions': json(
    'helper',
    (w) => `/api/v1/members/${w.helper.id}/availability/exceptions`,
    () => ({ date: '2026-12-24', start: '13:00', end: '15:00', note: '通院' }),
  ),
  'DELETE /api/v1/members/:id/availability/exceptions/:exceptionId': json(
    'helper',
    (w) => `/api/v1/members/${w.helper.id}/availability/exceptions/${w.exceptionId}`,
    () => ({}),
  ),
  'POST /api/v1/members/:id/calendar-feed': json(
    'helper',
    (w) => `/api/v1/members/${w.helper.id}/calendar-feed`,
    () => ({}),
  ),
  'DELETE /api/v1/members/:id/calendar-feed': json(
    'helper',
    (w) => `/api/v1/members/${w.helper.id}/calendar-feed`,
    () => ({}),
  ),
  'POST /availability/weekly': form('helper', fixed('/availability/weekly'), () => weeklyForm),
  'POST /availability/exceptions': form(
    'helper',
    fixed('/availability/exceptions'),
    () => exceptionForm,
  ),
  'POST /availability/exceptions/:exceptionId/delete': form(
    'helper',
    (w) => `/availability/exceptions/${w.exceptionId}/delete`,
  ),
  'POST /availability/calendar-feed': form('helper', fixed('/availability/calendar-feed')),
  'POST /availability/calendar-feed/revoke': form(
    'helper',
    fixed('/availability/calendar-feed/revoke'),
  ),
  'POST /members/:id/availability/weekly': form(
    'staff',
    (w) => `/members/${w.helper.id}/availability/weekly`,
    () => weeklyForm,
  ),
  'POST /members/:id/availability/exceptions': form(
    'staff',
    (w) => `/members/${w.helper.id}/availability/exceptions`,
    () => exceptionForm,
  ),
  'POST /members/:id/availability/exceptions/:exceptionId/delete': form(
    'staff',
    (w) => `/members/${w.helper.id}/availability/exceptions/${w.exceptionId}/delete`,
  ),
  'POST /members/:id/availability/calendar-feed': form(
    'staff',
    (w) => `/members/${w.helper.id}/availability/calendar-feed`,
  ),
  'POST /members/:id/availability/calendar-feed/revoke': form(
    'staff',
    (w) => `/members/${w.helper.id}/availability/calendar-feed/revoke`,
  ),

  // Activities, incidents, fees
  'POST /api/v1/fees/quote': json('parent', fixed('/api/v1/fees/quote'), () => ({
    startsAt: jst('2026-12-09', '13:00'),
    endsAt: jst('2026-12-09', '16:00'),
    children: [{ birthDate: '2021-05-10' }],
    category: 8,
  })),
  'POST /api/v1/activities': json('helper', fixed('/api/v1/activities'), (w) => ({
    requestId: w.reportableRequest,
    ...reportFields(w),
  })),
  'PATCH /api/v1/activities/:id': json(
    'helper',
    (w) => `/api/v1/activities/${w.reportedActivityId}`,
    () => ({ transportCost: 300, reason: '交通費の訂正', version: 1 }),
  ),
  'POST /api/v1/activities/:id/confirm': json(
    'parent',
    (w) => `/api/v1/activities/${w.reportedActivityId}/confirm`,
    () => ({ version: 1 }),
  ),
  'POST /api/v1/activities/:id/dispute': json(
    'parent',
    (w) => `/api/v1/activities/${w.reportedActivityId}/dispute`,
    () => ({ reason: '終了時刻が違います', version: 1 }),
  ),
  'POST /api/v1/activities/:id/approve': json(
    'staff',
    (w) => `/api/v1/activities/${w.confirmedActivityId}/approve`,
    () => ({}),
  ),
  'POST /api/v1/activities/:id/return': json(
    'staff',
    (w) => `/api/v1/activities/${w.confirmedActivityId}/return`,
    () => ({ reason: '食事代をご確認ください' }),
  ),
  'POST /api/v1/activities/:id/incidents': json(
    'helper',
    (w) => `/api/v1/activities/${w.reportedActivityId}/incidents`,
    () => incident,
  ),
  'POST /api/v1/incidents/:id/insurance-cases': json(
    'staff',
    (w) => `/api/v1/incidents/${w.incidentId}/insurance-cases`,
    () => ({ cover: 'liability' }),
  ),
  'PUT /api/v1/insurance-cases/:id': json(
    'staff',
    (w) => `/api/v1/insurance-cases/${w.insuranceCaseId}`,
    () => ({
      insurerNotifiedOn: '2026-11-24',
      documentsSent: '事故報告書',
      amountPaid: 12000,
      paidOn: '2026-11-25',
    }),
  ),
  'POST /api/v1/insurance-cases/:id/close': json(
    'staff',
    (w) => `/api/v1/insurance-cases/${w.insuranceCaseId}/close`,
    () => ({ closedOn: '2026-11-25' }),
  ),
  // An incident's photos and documents (issue #19). The uploads are multipart: the fuzzer's
  // urlencoded bodies carry no file (the API answers 415, the page 422); mass assignment sends
  // the valid body with its file.
  'POST /api/v1/incidents/:id/attachments': {
    ...form(
      'staff',
      (w) => `/api/v1/incidents/${w.incidentId}/attachments`,
      () => pairs({ kind: 'document', description: '診断書' }),
    ),
    file: ATTACHMENT_FILE,
  },
  'DELETE /api/v1/incidents/:id/attachments/:attachmentId': json(
    'staff',
    (w) => `/api/v1/incidents/${w.incidentId}/attachments/${w.attachmentId}`,
    () => ({}),
  ),
  'POST /incidents/:id/attachments': {
    ...form(
      'staff',
      (w) => `/incidents/${w.incidentId}/attachments`,
      () => pairs({ kind: 'document', description: '診断書' }),
    ),
    file: ATTACHMENT_FILE,
  },
  'POST /incidents/:id/attachments/:attachmentId/delete': form(
    'staff',
    (w) => `/incidents/${w.incidentId}/attachments/${w.attachmentId}/delete`,
  ),
  'POST /api/v1/incidents': json('staff', fixed('/api/v1/incidents'), () => standaloneIncident),
  'PUT /api/v1/incidents/:id': json(
    'staff',
    (w) => `/api/v1/incidents/${w.incidentId}`,
    () => standaloneIncident,
  ),
  'POST /api/v1/incidents/:id/serious-report': json(
    'staff',
    (w) => `/api/v1/incidents/${w.incidentId}/serious-report`,
    () => seriousStep,
  ),
  'POST /api/v1/incidents/:id/reported': json(
    'staff',
    (w) => `/api/v1/incidents/${w.incidentId}/reported`,
    () => ({}),
  ),
  'POST /activities/new': form(
    'helper',
    (w) => `/activities/new?request=${w.reportableRequest}`,
    (w) => reportForm(w),
  ),
  'POST /activities/:id/edit': form(
    'helper',
    (w) => `/activities/${w.reportedActivityId}/edit`,
    (w) => [...reportForm(w, '09:00', '10:00'), ['reason', '交通費の訂正'], ['version', '1']],
  ),
  'POST /activities/:id/confirm': form(
    'parent',
    (w) => `/activities/${w.reportedActivityId}/confirm`,
    () => pairs({ version: '1' }),
  ),
  'POST /activities/:id/dispute': form(
    'parent',
    (w) => `/activities/${w.reportedActivityId}/dispute`,
    () => pairs({ reason: '終了時刻が違います' }),
  ),
  'POST /activities/:id/approve': form(
    'staff',
    (w) => `/activities/${w.confirmedActivityId}/approve`,
    () => pairs({ version: '1' }),
  ),
  'POST /activities/:id/return': form(
    'staff',
    (w) => `/activities/${w.confirmedActivityId}/return`,
    () => pairs({ reason: '食事代をご確認ください' }),
  ),
  'POST /activities/:id/incidents': form(
    'helper',
    (w) => `/activities/${w.reportedActivityId}/incidents`,
    () =>
      pairs({
        incident: 'yes',
        incidentKind: 'near_miss',
        incidentSeverity: 'minor',
        incidentDescription: '段差でつまずきそうになった。',
        incidentActionTaken: '手をつないで歩くようにした。',
      }),
  ),
  'POST /incidents/:id/reported': form('staff', (w) => `/incidents/${w.incidentId}/reported`),
  'POST /incidents/:id/serious-report': form(
    'staff',
    (w) => `/incidents/${w.incidentId}/serious-report`,
    () =>
      pairs({ step: 'first:municipality', reportedOn: '2026-11-25', reportedBy: 'センター 山田' }),
  ),
  'POST /incidents/:id/insurance-cases': form(
    'staff',
    (w) => `/incidents/${w.incidentId}/insurance-cases`,
    () => pairs({ cover: 'liability' }),
  ),
  'POST /insurance-cases/:id': form(
    'staff',
    (w) => `/insurance-cases/${w.insuranceCaseId}`,
    () => pairs({ insurerNotifiedOn: '2026-11-24', documentsSent: '事故報告書', amountPaid: '' }),
  ),
  'POST /insurance-cases/:id/close': form(
    'staff',
    (w) => `/insurance-cases/${w.insuranceCaseId}/close`,
    () => pairs({ closedOn: '2026-11-25' }),
  ),
  'POST /incidents/new': form('staff', fixed('/incidents/new'), () => pairs(incidentFormPairs)),
  'POST /incidents/:id/edit': form(
    'staff',
    (w) => `/incidents/${w.incidentId}/edit`,
    () => pairs(incidentFormPairs),
  ),
  'POST /settings/fees/tables': form('admin', fixed('/settings/fees/tables'), () =>
    pairs({
      validFrom: '2027-10-01',
      weekdayDay: '1000',
      weekdayOther: '1100',
      weekendHoliday: '1100',
      yearEnd: '1100',
      sickChild: '1200',
      dayStart: '7:00',
      dayEnd: '19:00',
      siblingPercent: '50',
      unitMinutes: '30',
      minimumUnits: '2',
      yearEndFrom: '12-29',
      yearEndTo: '01-03',
      sickChildCategory: '10',
      sameDayUnits: '2',
      noShow: 'full',
    }),
  ),
  'POST /settings/fees/tables/:validFrom/delete': form(
    'admin',
    (w) => `/settings/fees/tables/${w.feeTableValidFrom}/delete`,
  ),

  'POST /settings/subsidies/rules': form('admin', fixed('/settings/subsidies/rules'), () =>
    pairs(subsidyRulesValuesOf(DEFAULT_SUBSIDY_RULES, '2027-10-01')),
  ),
  'POST /settings/subsidies/rules/:validFrom/delete': form(
    'admin',
    fixed('/settings/subsidies/rules/2000-01-01/delete'),
  ),
  'POST /api/v1/subsidies/rules': json('admin', fixed('/api/v1/subsidies/rules'), () => ({
    ...DEFAULT_SUBSIDY_RULES,
    validFrom: '2027-10-01',
  })),
  'DELETE /api/v1/subsidies/rules/:validFrom': json(
    'admin',
    fixed('/api/v1/subsidies/rules/2000-01-01'),
    () => ({}),
  ),

  'POST /help-categories/:code': form('admin', fixed('/help-categories/12'), () =>
    pairs(helpCategoryValuesOf(SEEDED_OTHER_CATEGORY)),
  ),
  'POST /help-categories/:code/delete': form('admin', fixed('/help-categories/12/delete')),
  'PUT /api/v1/help-categories/:id': json('admin', fixed('/api/v1/help-categories/12'), () => {
    const { code: _code, ...body } = SEEDED_OTHER_CATEGORY;
    return body;
  }),
  'DELETE /api/v1/help-categories/:id': json(
    'admin',
    fixed('/api/v1/help-categories/12'),
    () => ({}),
  ),

  'POST /api/v1/members/:id/claims': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/claims`,
    () => ({ month: '2026-10', scheme: 'subsidy' }),
  ),
  'POST /members/:id/claims': form(
    'staff',
    (w) => `/members/${w.parent.id}/claims`,
    () => pairs({ month: '2026-10', scheme: 'free_childcare' }),
  ),
  'POST /claims/:id/approve': form(
    'staff',
    fixed('/claims/00000000-0000-4000-8000-000000000000/approve'),
    () => pairs({ amount: '400', on: '2026-11-20' }),
  ),
  'POST /claims/:id/pay': form(
    'staff',
    fixed('/claims/00000000-0000-4000-8000-000000000000/pay'),
    () => pairs({ amount: '400', on: '2026-11-20' }),
  ),
  'POST /api/v1/claims/:id/approve': json(
    'staff',
    fixed('/api/v1/claims/00000000-0000-4000-8000-000000000000/approve'),
    () => ({ amount: 400, on: '2026-11-20' }),
  ),
  'POST /api/v1/claims/:id/pay': json(
    'staff',
    fixed('/api/v1/claims/00000000-0000-4000-8000-000000000000/pay'),
    () => ({ amount: 400, on: '2026-11-20' }),
  ),

  // Events
  'POST /api/v1/events': json('staff', fixed('/api/v1/events'), () => event),
  'PUT /api/v1/events/:id': json(
    'staff',
    (w) => `/api/v1/events/${w.eventId}`,
    () => event,
  ),
  'POST /api/v1/events/:id/cancel': json(
    'staff',
    (w) => `/api/v1/events/${w.eventId}/cancel`,
    () => ({}),
  ),
  'POST /api/v1/events/:id/registrations': json(
    'helper',
    (w) => `/api/v1/events/${w.eventId}/registrations`,
    () => ({ children: 1 }),
  ),
  'POST /api/v1/events/:id/registrations/cancel': json(
    'parent',
    (w) => `/api/v1/events/${w.eventId}/registrations/cancel`,
    () => ({}),
  ),
  'POST /api/v1/events/:id/attendance': json(
    'staff',
    (w) => `/api/v1/events/${w.eventId}/attendance`,
    (w) => ({ memberIds: [w.parent.id] }),
  ),
  [`POST /events/:id${UUID}/register`]: form(
    'helper',
    (w) => `/events/${w.eventId}/register`,
    () => pairs({ children: '1' }),
  ),
  [`POST /events/:id${UUID}/withdraw`]: form('parent', (w) => `/events/${w.eventId}/withdraw`),
  'POST /events': form('staff', fixed('/events'), () => eventForm),
  [`POST /events/:id${UUID}/edit`]: form(
    'staff',
    (w) => `/events/${w.eventId}/edit`,
    () => eventForm,
  ),
  [`POST /events/:id${UUID}/call-off`]: form('staff', (w) => `/events/${w.eventId}/call-off`),
  [`POST /events/:id${UUID}/attendance`]: form(
    'staff',
    (w) => `/events/${w.eventId}/attendance`,
    (w) => pairs({ [`came.${w.parent.id}`]: '1' }),
  ),
  [`POST /events/:id${UUID}/registrations`]: form(
    'staff',
    (w) => `/events/${w.eventId}/registrations`,
    (w) => pairs({ memberNo: String(w.helper.member_no) }),
  ),
  [`POST /events/:id${UUID}/registrations/cancel`]: form(
    'staff',
    (w) => `/events/${w.eventId}/registrations/cancel`,
    (w) => pairs({ memberId: w.parent.id }),
  ),

  // Announcements and newsletters
  'POST /api/v1/announcements': json('staff', fixed('/api/v1/announcements'), () => ({
    title: '臨時休館のお知らせ',
    body: '**12月1日**は臨時休館です。',
    audience: 'helpers',
    email: false,
    publish: false,
  })),
  'POST /api/v1/announcements/:id/publish': json(
    'staff',
    (w) => `/api/v1/announcements/${w.announcementId}/publish`,
    () => ({}),
  ),
  'POST /api/v1/newsletters': json('staff', fixed('/api/v1/newsletters'), () => ({
    title: 'つながり通信 1月号',
    issuedOn: '2026-11-25',
    body: '新年のご挨拶。',
  })),
  'POST /announcements': form('staff', fixed('/announcements'), () =>
    pairs({
      title: '臨時休館のお知らせ',
      body: '12月1日は臨時休館です。',
      audience: 'helpers',
      intent: 'draft',
    }),
  ),
  [`POST /announcements/:id${UUID}/edit`]: form(
    'staff',
    (w) => `/announcements/${w.announcementId}/edit`,
    () =>
      pairs({
        title: '年末年始のお知らせ',
        body: '12月29日から休みます。',
        audience: 'all',
        intent: 'draft',
      }),
  ),
  [`POST /announcements/:id${UUID}/publish`]: form(
    'staff',
    (w) => `/announcements/${w.announcementId}/publish`,
  ),
  [`POST /announcements/:id${UUID}/delete`]: form(
    'staff',
    (w) => `/announcements/${w.announcementId}/delete`,
  ),
  'POST /newsletters/page': form('staff', fixed('/newsletters/page'), () =>
    pairs({ title: 'つながり通信 1月号', issuedOn: '2026-11-25', body: '新年のご挨拶。' }),
  ),
  // The fuzzer's urlencoded bodies carry no file: all of them must be refused (422).
  'POST /newsletters/pdf': {
    ...form('staff', fixed('/newsletters/pdf'), () =>
      pairs({ pdfTitle: 'つながり通信 PDF版', pdfIssuedOn: '2026-11-25' }),
    ),
    file: {
      field: 'file',
      name: 'tsushin.pdf',
      type: 'application/pdf',
      content: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
    },
  },
  [`POST /newsletters/:id${UUID}/delete`]: form(
    'staff',
    (w) => `/newsletters/${w.newsletterId}/delete`,
  ),

  // Local network directory and referrals
  'POST /api/v1/directory': json('staff', fixed('/api/v1/directory'), () => group),
  'PUT /api/v1/directory/:id': json(
    'staff',
    (w) => `/api/v1/directory/${w.groupId}`,
    () => group,
  ),
  'DELETE /api/v1/directory/:id': json(
    'staff',
    (w) => `/api/v1/directory/${w.groupId}`,
    () => ({}),
  ),
  'POST /api/v1/members/:id/referrals': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/referrals`,
    (w) => ({ groupId: w.groupId, referredOn: '2026-11-25', note: '食事の支援を紹介' }),
  ),
  'POST /directory': form('staff', fixed('/directory'), () => groupForm),
  [`POST /directory/:id${UUID}/edit`]: form(
    'staff',
    (w) => `/directory/${w.groupId}/edit`,
    () => groupForm,
  ),
  [`POST /directory/:id${UUID}/archive`]: form('staff', (w) => `/directory/${w.groupId}/archive`),
  [`POST /members/:id${UUID}/referrals`]: form(
    'staff',
    (w) => `/members/${w.parent.id}/referrals`,
    (w) => pairs({ groupId: w.groupId, referredOn: '2026-11-25', note: '食事の支援を紹介' }),
  ),
  ...paymentRoutes(
    '/api/v1/activities/:id/payment',
    (w) => `/api/v1/activities/${w.approvedActivityId}/payment`,
  ),
  ...paymentRoutes(
    '/api/v1/requests/:id/cancellation-payment',
    (w) => `/api/v1/requests/${w.matchedRequest}/cancellation-payment`,
  ),
  ...paymentRoutes('/activities/:id/payment', (w) => `/activities/${w.approvedActivityId}/payment`),
  ...paymentRoutes(
    '/requests/:id/cancellation-payment',
    (w) => `/requests/${w.matchedRequest}/cancellation-payment`,
  ),
  // Receipts (issue #18): printing sends an empty body.
  'POST /api/v1/activities/:id/receipt': json(
    'parent',
    (w) => `/api/v1/activities/${w.approvedActivityId}/receipt`,
    () => ({}),
  ),
  'POST /api/v1/members/:id/receipts/:month': json(
    'parent',
    (w) => `/api/v1/members/${w.parent.id}/receipts/2026-10`,
    () => ({}),
  ),
  'POST /activities/:id/receipt': form(
    'parent',
    (w) => `/activities/${w.approvedActivityId}/receipt`,
  ),
  'POST /statements/:memberId/:month/receipt': form(
    'parent',
    (w) => `/statements/${w.parent.id}/2026-10/receipt`,
  ),
  // Household eligibility and 無償化 certifications (issue #18 point 3).
  'POST /api/v1/members/:id/eligibility': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/eligibility`,
    () => eligibility,
  ),
  'POST /api/v1/members/:id/eligibility/revoke': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/eligibility/revoke`,
    () => ({ recordId: 'no-such-record' }),
  ),
  'POST /api/v1/members/:id/free-childcare-certifications': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/free-childcare-certifications`,
    (w) => certification(w),
  ),
  'POST /api/v1/members/:id/free-childcare-certifications/revoke': json(
    'staff',
    (w) => `/api/v1/members/${w.parent.id}/free-childcare-certifications/revoke`,
    () => ({ recordId: 'no-such-record' }),
  ),
  'POST /members/:id/eligibility': form(
    'staff',
    (w) => `/members/${w.parent.id}/eligibility`,
    () => pairs({ ...eligibility, note: '' }),
  ),
  'POST /members/:id/eligibility/revoke': form(
    'staff',
    (w) => `/members/${w.parent.id}/eligibility/revoke`,
    () => pairs({ recordId: 'no-such-record' }),
  ),
  'POST /members/:id/free-childcare': form(
    'staff',
    (w) => `/members/${w.parent.id}/free-childcare`,
    (w) =>
      pairs({
        childId: w.child.id,
        certificationType: 'type2',
        certificateNo: 'M-2026-0042',
        taxExempt: 'yes',
        certCheckedOn: '2026-11-20',
        certValidFrom: '2026-04-01',
        certValidTo: '2027-03-31',
      }),
  ),
  'POST /members/:id/free-childcare/revoke': form(
    'staff',
    (w) => `/members/${w.parent.id}/free-childcare/revoke`,
    () => pairs({ recordId: 'no-such-record' }),
  ),

  // LINE (issue #21)
  'POST /my/line/code': form('helper', fixed('/my/line/code')),
  'POST /my/line/unlink': form('helper', fixed('/my/line/unlink')),
  'POST /my/line/channels': form('helper', fixed('/my/line/channels'), () =>
    pairs({ 'email.offers': 'yes', 'line.offers': 'yes' }),
  ),
  'POST /api/v1/me/line/code': json('helper', fixed('/api/v1/me/line/code'), () => ({})),
  'POST /api/v1/me/line/unlink': json('helper', fixed('/api/v1/me/line/unlink'), () => ({})),
  'PUT /api/v1/me/line/channels': json('helper', fixed('/api/v1/me/line/channels'), () => ({
    channels: [{ group: 'offers', email: true, line: false }],
  })),
  // Unsigned bodies: every one is refused before it is read (401; 404 while LINE is off).
  'POST /line/webhook': json('anonymous', fixed('/line/webhook'), () => ({ events: [] })),
};

const eligibility = {
  category: 'single_parent',
  evidence: '児童扶養手当証書',
  checkedOn: '2026-11-20',
  validFrom: '2026-08-01',
  validTo: '2027-07-31',
};
const certification = (w: World) => ({
  childId: w.child.id,
  certificationType: 'type2',
  certificateNo: 'M-2026-0042',
  taxExempt: false,
  checkedOn: '2026-11-20',
  validFrom: '2026-04-01',
  validTo: '2027-03-31',
});

/**
 * The payment writes of a subject (issue #18): the family records, the helper acknowledges or
 * disputes (the world's approved activity: ¥800 due; its matched request has no cancellation fee,
 * so those valid bodies meet a 409 rule answer).
 */
function paymentRoutes(pattern: string, path: (w: World) => string): Record<string, RouteSpec> {
  const api = pattern.startsWith('/api/');
  const record = { paidOn: '2026-11-25', method: 'cash', amount: 800 };
  const dispute = { reason: 'まだ受け取っていません' };
  return api
    ? {
        [`POST ${pattern}`]: json('parent', path, () => record),
        [`POST ${pattern}/received`]: json(
          'helper',
          (w) => `${path(w)}/received`,
          () => ({}),
        ),
        [`POST ${pattern}/dispute`]: json(
          'helper',
          (w) => `${path(w)}/dispute`,
          () => dispute,
        ),
      }
    : {
        [`POST ${pattern}`]: form('parent', path, () => pairs({ ...record, amount: '800' })),
        [`POST ${pattern}/received`]: form('helper', (w) => `${path(w)}/received`),
        [`POST ${pattern}/dispute`]: form(
          'helper',
          (w) => `${path(w)}/dispute`,
          () => pairs(dispute),
        ),
      };
}

/** The registered write routes of an app, as `METHOD path` keys of WRITE_ROUTES. */
export function writeRoutesOf(app: { routes: { method: string; path: string }[] }): string[] {
  const keys = new Set<string>();
  for (const r of app.routes)
    if (/^(POST|PUT|PATCH|DELETE)$/.test(r.method)) keys.add(`${r.method} ${r.path}`);
  return [...keys];
}
