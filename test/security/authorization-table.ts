/**
 * The authorization table: every route the app registers (method + path pattern as Hono knows
 * it, pages and API) × seven roles → allowed or denied, with the scoping that applies.
 *
 * Roles: `anonymous` (no session), `requester` (a family whose child has a live match),
 * `helper` (the helper of that live match), `otherRequester` (another family), `otherHelper`
 * (another qualified helper, no match), `staff`, `admin`. Object routes are exercised against
 * the real objects named in `params` (see test/helpers/security-fixture.ts).
 *
 * "Allowed" means authorization passed: 2xx, a redirect that is not to /login, or a 4xx that
 * only validation or a business rule gives (400/409/422 on an empty body). "Denied" means 401,
 * 403, 404 (objects one may not see are 404) or a redirect to /login.
 *
 * Checked by test/unit/route-coverage.test.ts (every route is here, every row still exists) and
 * test/modules/authorization.test.ts (the matrix).
 */

export const AUTHZ_ROLES = [
  'anonymous',
  'requester',
  'helper',
  'otherRequester',
  'otherHelper',
  'staff',
  'admin',
] as const;
export type AuthzRole = (typeof AUTHZ_ROLES)[number];

/** The fixture objects a path parameter can name. */
export type FixtureKey =
  | 'requesterMember'
  | 'helperMember'
  | 'otherHelperMember'
  | 'child'
  | 'otherChild'
  | 'contact'
  | 'pickup'
  | 'liveRequest'
  | 'offeredRequest'
  | 'offer'
  | 'orientation'
  | 'trainingSession'
  | 'trainingRecord'
  /** A module of the curriculum (its validity is set by admins: issue #19). */
  | 'trainingModule'
  | 'notification'
  | 'exception'
  | 'calendarFile'
  | 'activity'
  | 'incident'
  /** An accident's insurance case (issue #19). */
  | 'insuranceCase'
  /** A photo attached to `incident` (issue #19). */
  | 'incidentAttachment'
  | 'event'
  | 'eventIcs'
  | 'announcement'
  | 'newsletter'
  | 'pdfNewsletter'
  | 'group'
  | 'month'
  | 'fiscalYear'
  | 'feeTableFrom'
  /** A help category code some request uses (issue #19 point 4: it can only be deactivated). */
  | 'helpCategory'
  | 'settingsSection'
  /** A staff account other than the `staff` role's own (issue #22 lifecycle routes). */
  | 'staffAccount'
  /** A pre-meeting of the requester and helper (staff correct it: issue #22). */
  | 'preMeeting';

/**
 * What decides access:
 * - public: anyone, signed in or not;
 * - signed-in: any session (results scoped to the caller where they are lists);
 * - member / requester-side / helper-side: the caller's own member record, with that side;
 * - own: the member named in the path is the caller (or staff);
 * - live-match: the family, the helper matched to it, staff;
 * - audience: the object's audience (events: helpers; announcements: requesters), staff;
 * - staff / admin: role only;
 * - token: the secret in the URL, no session.
 */
export type Scope =
  | 'public'
  | 'signed-in'
  | 'member'
  | 'requester-side'
  | 'helper-side'
  | 'own'
  | 'live-match'
  | 'offered-helper'
  | 'author'
  | 'audience'
  | 'staff'
  | 'admin'
  | 'token';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AuthzRow {
  method: Method;
  /** The path as registered, with the UUID pattern shortened to `{uuid}` (normalizeRoutePath). */
  path: string;
  allow: readonly AuthzRole[];
  scope: Scope;
  params?: Readonly<Record<string, FixtureKey>>;
  /** Query string parameters, filled like path parameters. */
  query?: Readonly<Record<string, FixtureKey>>;
  /**
   * A body under which the authorization check is what decides (the object is named in it, or
   * the handler validates before it looks at the caller). Without one, writes send `{}` (API) or
   * an empty form (pages), and a 400/422 then means authorization passed.
   */
  body?: (ids: Readonly<Record<FixtureKey, string>>) => Record<string, unknown>;
  /**
   * Roles whose write passes the route's guard but must change nothing, and is answered without
   * revealing the object: a silent no-op (the write is scoped to the caller's own rows) or the
   * same rule answer an unknown id gets. Their writes are checksummed like denied ones.
   */
  noop?: readonly AuthzRole[];
  /** The route's success is a redirect to /login (signing out). */
  loginRedirectIsSuccess?: true;
  note?: string;
}

const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Hono lists a constrained parameter with its regex; the table writes it `{uuid}`. */
export const normalizeRoutePath = (path: string) => path.replaceAll(UUID_PATTERN, 'uuid');
export const routeKey = (method: string, path: string) => `${method} ${normalizeRoutePath(path)}`;

const ALL = AUTHZ_ROLES;
const SIGNED_IN = [
  'requester',
  'helper',
  'otherRequester',
  'otherHelper',
  'staff',
  'admin',
] as const;
const MEMBERS = ['requester', 'helper', 'otherRequester', 'otherHelper'] as const;
const REQUESTERS = ['requester', 'otherRequester'] as const;
const HELPERS = ['helper', 'otherHelper'] as const;
const STAFF = ['staff', 'admin'] as const;
const ADMIN = ['admin'] as const;
/** The family named in the path, and staff. */
const FAMILY = ['requester', 'staff', 'admin'] as const;
/** The helper named in the path, and staff. */
const HELPER_SELF = ['helper', 'staff', 'admin'] as const;
/** Both parties of the live match, and staff. */
const PARTIES = ['requester', 'helper', 'staff', 'admin'] as const;
const HELPERS_AUDIENCE = ['helper', 'otherHelper', 'staff', 'admin'] as const;
const REQUESTERS_AUDIENCE = ['requester', 'otherRequester', 'staff', 'admin'] as const;

const M = { id: 'requesterMember' } as const;
const ATTACHMENT = { id: 'incident', attachmentId: 'incidentAttachment' } as const;
const SA = { id: 'staffAccount' } as const;
const NO_HELPER_SIDE = 'own record; a member without a helper side gets a 422/409 rule answer';
const INCIDENT = {
  kind: 'near_miss',
  severity: 'minor',
  description: '段差でつまずきかけた',
  actionTaken: '手をつないだ',
};
const H = { id: 'helperMember' } as const;
/** An accident on the way to help, recorded by staff on its own (issue #19). */
const STANDALONE_INCIDENT = {
  ...INCIDENT,
  kind: 'accident',
  occurredAt: '2026-11-20T15:10:00+09:00',
  place: '駅前',
  situation: 'travel',
  victim: 'helper',
};
/** The first step of a serious accident's reporting chain (issue #19). */
const SERIOUS_STEP = {
  stage: 'first',
  level: 'municipality',
  reportedOn: '2026-11-26',
  reportedBy: 'センター 山田',
};

const JST = (date: string, time: string) => `${date}T${time}:00+09:00`;

function r(
  key: string,
  allow: readonly AuthzRole[],
  scope: Scope,
  params?: Record<string, FixtureKey>,
  note?: string,
): AuthzRow {
  const [method, path] = key.split(' ') as [Method, string];
  return { method, path, allow, scope, ...(params ? { params } : {}), ...(note ? { note } : {}) };
}

/** A row with extra request details (body, query, no-op roles). */
const x = (row: AuthzRow, extra: Partial<AuthzRow>): AuthzRow => ({ ...row, ...extra });

/**
 * The payment routes of a subject (issue #18): its parties read and record it; only its helper
 * acknowledges or disputes it (the family and staff get a 403 there).
 */
function paymentRows(path: string, params: Record<string, FixtureKey>): AuthzRow[] {
  return [
    r(`GET ${path}`, PARTIES, 'live-match', params),
    x(r(`POST ${path}`, PARTIES, 'live-match', params), {
      body: () => ({ paidOn: '2026-11-25', method: 'cash', amount: 1300 }),
    }),
    r(`POST ${path}/received`, ['helper'], 'author', params),
    x(r(`POST ${path}/dispute`, ['helper'], 'author', params), {
      body: () => ({ reason: 'まだ受け取っていません' }),
    }),
  ];
}

export const AUTHORIZATION_TABLE: readonly AuthzRow[] = [
  // --- API: foundation, auth, staff accounts, settings
  r('GET /api/v1/healthz', ALL, 'public'),
  r('GET /api/v1/openapi.json', ALL, 'public'),
  r('GET /api/docs', STAFF, 'staff'),
  r('POST /api/v1/auth/login', ALL, 'public'),
  r('POST /api/v1/auth/logout', SIGNED_IN, 'signed-in'),
  r('GET /api/v1/me', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/me/password', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/staff', ADMIN, 'admin'),
  r('POST /api/v1/staff/:id/disable', ADMIN, 'admin', SA),
  r('POST /api/v1/staff/:id/enable', ADMIN, 'admin', SA),
  r('PATCH /api/v1/staff/:id', ADMIN, 'admin', SA),
  r('POST /api/v1/staff/:id/password-reset', ADMIN, 'admin', SA),
  r('POST /api/v1/auth/password-reset/request', ALL, 'public'),
  r('POST /api/v1/auth/password-reset', ALL, 'public', undefined, 'the token is the secret'),
  r('POST /api/v1/auth/password-reset/code', ALL, 'public', undefined, 'email + code'),
  r('POST /api/v1/members/:id/password-reset-code', STAFF, 'staff', M),
  // 年度更新 (issue #19, point 3)
  r('GET /api/v1/my/renewal', MEMBERS, 'member'),
  r('POST /api/v1/my/renewal', MEMBERS, 'member'),
  r('GET /api/v1/renewals/confirmations', STAFF, 'staff'),
  r('POST /api/v1/members/:id/renewal', STAFF, 'staff', M),
  r('POST /api/v1/renewals/reminders', STAFF, 'staff'),
  r('GET /api/v1/settings', ADMIN, 'admin'),
  r('PUT /api/v1/settings', ADMIN, 'admin'),
  r('GET /api/v1/areas', ALL, 'public', undefined, 'area names for the application form'),

  // --- API: members and children
  r('POST /api/v1/applications', ALL, 'public'),
  r('GET /api/v1/members', STAFF, 'staff'),
  r('GET /api/v1/members/:id', FAMILY, 'own', M),
  r('PATCH /api/v1/members/:id', FAMILY, 'own', M),
  r('POST /api/v1/members/:id/approve', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/suspend', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/reactivate', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/withdraw', FAMILY, 'own', M),
  r('POST /api/v1/members/:id/consent', FAMILY, 'own', M),
  r('GET /api/v1/members/:id/children', FAMILY, 'own', M, 'health fields; staff reads audited'),
  r('POST /api/v1/members/:id/children', FAMILY, 'own', M),
  r('GET /api/v1/children/:id', PARTIES, 'live-match', { id: 'child' }, 'health; audited'),
  r('PATCH /api/v1/children/:id', FAMILY, 'own', { id: 'child' }, 'the matched helper only reads'),
  r('POST /api/v1/members/:id/emergency-contacts', FAMILY, 'own', M),
  r('POST /api/v1/members/:id/authorized-pickups', FAMILY, 'own', M),

  // --- API: orientations and training
  r('GET /api/v1/orientations', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/orientations', STAFF, 'staff'),
  x(r('POST /api/v1/orientations/:id/registrations', FAMILY, 'own', { id: 'orientation' }), {
    body: (ids) => ({ memberId: ids.requesterMember }),
    note: 'a member registers only self',
  }),
  r('POST /api/v1/orientations/:id/attendance', STAFF, 'staff', { id: 'orientation' }),
  r('GET /api/v1/training-modules', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/training-modules', ADMIN, 'admin'),
  r('POST /api/v1/training-modules/load-defaults', ADMIN, 'admin'),
  r('PATCH /api/v1/training-modules/:id', ADMIN, 'admin', { id: 'trainingModule' }),
  r('GET /api/v1/training-sessions', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/training-sessions', STAFF, 'staff'),
  r('GET /api/v1/training-sessions/:id', SIGNED_IN, 'signed-in', { id: 'trainingSession' }),
  x(
    r('POST /api/v1/training-sessions/:id/enrollments', HELPER_SELF, 'own', {
      id: 'trainingSession',
    }),
    { body: (ids) => ({ memberId: ids.helperMember }), note: 'a member enrols only self' },
  ),
  x(
    r('POST /api/v1/training-sessions/:id/enrollments/cancel', HELPER_SELF, 'own', {
      id: 'trainingSession',
    }),
    { body: (ids) => ({ memberId: ids.helperMember }), note: 'a member cancels only self' },
  ),
  r('POST /api/v1/training-sessions/:id/attendance', STAFF, 'staff', { id: 'trainingSession' }),
  r('GET /api/v1/members/:id/training-records', HELPER_SELF, 'own', H),
  r('POST /api/v1/members/:id/training-records', HELPER_SELF, 'own', H),
  r('GET /api/v1/training-records', STAFF, 'staff'),
  r('POST /api/v1/training-records/:id/approve', STAFF, 'staff', { id: 'trainingRecord' }),
  r('POST /api/v1/training-records/:id/reject', STAFF, 'staff', { id: 'trainingRecord' }),
  r('GET /api/v1/members/:id/qualifications', HELPER_SELF, 'own', H),
  r('GET /api/v1/training-summary', STAFF, 'staff'),

  // --- API: requests and matching
  x(r('POST /api/v1/requests', [...FAMILY, ...HELPERS], 'own'), {
    noop: ['otherRequester'],
    body: (ids) => ({
      childIds: [ids.child],
      category: 8,
      startsAt: JST('2026-12-09', '18:30'),
      endsAt: JST('2026-12-09', '19:40'),
    }),
    note:
      'own children only: another family’s child gets the 422 child_not_eligible of an unknown ' +
      'one; a member without a requester side gets a 422 rule answer',
  }),
  r('GET /api/v1/requests', SIGNED_IN, 'signed-in', undefined, 'scoped to own requests/offers'),
  r('GET /api/v1/requests/:id', PARTIES, 'live-match', { id: 'liveRequest' }),
  r('GET /api/v1/requests/:id/candidates', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /api/v1/requests/:id/offers', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /api/v1/requests/:id/assign', STAFF, 'staff', { id: 'offeredRequest' }),
  r('GET /api/v1/offers', HELPERS, 'helper-side'),
  r('POST /api/v1/offers/:id/accept', ['helper'], 'offered-helper', { id: 'offer' }),
  r('POST /api/v1/offers/:id/decline', ['helper'], 'offered-helper', { id: 'offer' }),
  x(r('POST /api/v1/requests/:id/cancel', PARTIES, 'live-match', { id: 'liveRequest' }), {
    body: () => ({ reason: '都合がつかなくなりました' }),
  }),
  // The sick-child safeguards (issue #20): the fixture's live request is an ordinary one, so the
  // parties allowed get the 422 not_sick_care; the note is the family's and staff's, the handover
  // the matched helper's (the other party: 403).
  r('GET /api/v1/requests/:id/sick-care', PARTIES, 'live-match', { id: 'liveRequest' }),
  x(
    r('PUT /api/v1/requests/:id/doctor-note', ['requester', 'staff', 'admin'], 'live-match', {
      id: 'liveRequest',
    }),
    {
      body: () => ({
        doctorName: '山田 一郎',
        institution: 'みどり小児科',
        seenOn: '2026-12-01',
        diagnosis: '急性胃腸炎',
        instructions: '水分をこまめに',
      }),
    },
  ),
  x(r('POST /api/v1/requests/:id/handover', ['helper'], 'live-match', { id: 'liveRequest' }), {
    body: () => ({ answers: { fever: false }, temperature: 36.8, childState: '元気' }),
  }),
  r('GET /api/v1/pre-meetings', SIGNED_IN, 'signed-in', undefined, 'parties see their own'),
  r('POST /api/v1/pre-meetings', STAFF, 'staff'),
  x(r('PUT /api/v1/pre-meetings/:id', STAFF, 'staff', { id: 'preMeeting' }), {
    body: () => ({
      heldOn: '2026-11-19',
      place: 'センター相談室',
      attendees: '保護者、提供会員、アドバイザー',
      emergencyProcedure: '保護者と119に連絡',
      reason: '日付の誤り',
    }),
  }),

  // --- API: notifications, availability
  r('GET /api/v1/notifications', SIGNED_IN, 'signed-in', undefined, 'own inbox'),
  r('POST /api/v1/notifications/read-all', SIGNED_IN, 'signed-in', undefined, 'own inbox'),
  r('POST /api/v1/notifications/:id/read', ['requester'], 'own', { id: 'notification' }),
  r('GET /api/v1/members/:id/availability', HELPER_SELF, 'own', H),
  r('PUT /api/v1/members/:id/availability', HELPER_SELF, 'own', H),
  r('POST /api/v1/members/:id/availability/exceptions', HELPER_SELF, 'own', H),
  r('DELETE /api/v1/members/:id/availability/exceptions/:exceptionId', HELPER_SELF, 'own', {
    ...H,
    exceptionId: 'exception',
  }),
  r('POST /api/v1/members/:id/calendar-feed', HELPER_SELF, 'own', H),
  r('DELETE /api/v1/members/:id/calendar-feed', HELPER_SELF, 'own', H),

  // --- API: activities, fees, statements, incidents
  r('POST /api/v1/fees/quote', SIGNED_IN, 'signed-in'),
  r('GET /api/v1/fees/tables', SIGNED_IN, 'signed-in'),
  r('GET /api/v1/subsidies/rules', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/subsidies/rules', ADMIN, 'admin'),
  r('DELETE /api/v1/subsidies/rules/:validFrom', ADMIN, 'admin', { validFrom: 'feeTableFrom' }),
  r('GET /api/v1/help-categories', STAFF, 'staff'),
  r('PUT /api/v1/help-categories/:id', ADMIN, 'admin', { id: 'helpCategory' }),
  r('DELETE /api/v1/help-categories/:id', ADMIN, 'admin', { id: 'helpCategory' }),
  x(r('POST /api/v1/activities', ['helper'], 'author', undefined, 'the request is in the body'), {
    // The live request is still ahead, so its helper gets a 422 rule answer; anyone else a 404.
    body: (ids) => ({
      requestId: ids.liveRequest,
      startedAt: JST('2026-12-02', '18:30'),
      endedAt: JST('2026-12-02', '19:40'),
      childIds: [ids.child],
      categories: [8],
    }),
  }),
  r('GET /api/v1/activities', SIGNED_IN, 'signed-in', undefined, 'scoped to own activities'),
  r('GET /api/v1/activities/missing', STAFF, 'staff'),
  r('GET /api/v1/activities/:id', PARTIES, 'live-match', { id: 'activity' }),
  x(r('PATCH /api/v1/activities/:id', ['helper', ...STAFF], 'author', { id: 'activity' }), {
    body: () => ({ notes: '訂正しました。' }),
  }),
  r('POST /api/v1/activities/:id/confirm', ['requester'], 'own', { id: 'activity' }),
  x(r('POST /api/v1/activities/:id/dispute', ['requester'], 'own', { id: 'activity' }), {
    body: () => ({ reason: '時間が違います' }),
  }),
  r('POST /api/v1/activities/:id/approve', STAFF, 'staff', { id: 'activity' }),
  r('POST /api/v1/activities/:id/return', STAFF, 'staff', { id: 'activity' }),
  x(r('POST /api/v1/activities/:id/incidents', HELPER_SELF, 'author', { id: 'activity' }), {
    body: () => INCIDENT,
  }),
  x(r('GET /api/v1/members/:id/statement', FAMILY, 'own', M), { query: { month: 'month' } }),
  x(r('GET /api/v1/members/:id/claim', FAMILY, 'own', M), { query: { month: 'month' } }),
  r('GET /api/v1/members/:id/claims', FAMILY, 'own', M),
  r('POST /api/v1/members/:id/claims', STAFF, 'staff', M),
  // The body is checked before the claim is looked up: `{}` is a 400 for staff.
  r('POST /api/v1/claims/:id/approve', STAFF, 'staff', { id: 'activity' }),
  r('POST /api/v1/claims/:id/pay', STAFF, 'staff', { id: 'activity' }),
  r('GET /api/v1/claims/ledger', STAFF, 'staff'),
  // --- API: payments (issue #18). The fixture activity is not approved yet and the live request
  // is not cancelled: the parties get a 409 rule answer, anyone else a 404.
  ...paymentRows('/api/v1/activities/:id/payment', { id: 'activity' }),
  ...paymentRows('/api/v1/requests/:id/cancellation-payment', { id: 'liveRequest' }),
  r('GET /api/v1/payments/outstanding', STAFF, 'staff'),
  // Receipts: the family's documents (its helper does not see them). Not issued yet in the
  // fixture: a 200 with none, and a 409 rule answer on printing.
  r('GET /api/v1/activities/:id/receipt', FAMILY, 'own', { id: 'activity' }),
  r('POST /api/v1/activities/:id/receipt', FAMILY, 'own', { id: 'activity' }),
  r('GET /api/v1/members/:id/receipts/:month', FAMILY, 'own', { ...M, month: 'month' }),
  r('POST /api/v1/members/:id/receipts/:month', FAMILY, 'own', { ...M, month: 'month' }),
  // Household eligibility and 無償化 certifications (issue #18 point 3): staff write; the family reads.
  r('GET /api/v1/members/:id/eligibility', FAMILY, 'own', M),
  r('POST /api/v1/members/:id/eligibility', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/eligibility/revoke', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/free-childcare-certifications', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/free-childcare-certifications/revoke', STAFF, 'staff', M),
  r('GET /api/v1/eligibility/expiring', STAFF, 'staff'),
  r('GET /api/v1/incidents', STAFF, 'staff'),
  x(r('POST /api/v1/incidents', STAFF, 'staff'), { body: () => STANDALONE_INCIDENT }),
  r('GET /api/v1/incidents/:id', STAFF, 'staff', { id: 'incident' }),
  x(r('PUT /api/v1/incidents/:id', STAFF, 'staff', { id: 'incident' }), {
    body: () => STANDALONE_INCIDENT,
  }),
  r('POST /api/v1/incidents/:id/reported', STAFF, 'staff', { id: 'incident' }),
  r('GET /api/v1/incidents/:id/serious-report', STAFF, 'staff', { id: 'incident' }),
  x(r('POST /api/v1/incidents/:id/serious-report', STAFF, 'staff', { id: 'incident' }), {
    body: () => SERIOUS_STEP,
  }),
  // An incident's photos and documents: read like its health details (staff), every download
  // audited. Both downloads (API and page) come before the deletions: the file store is not
  // part of the world the matrix restores, so a deleted file stays deleted.
  r('GET /api/v1/incidents/:id/attachments', STAFF, 'staff', { id: 'incident' }),
  r('POST /api/v1/incidents/:id/attachments', STAFF, 'staff', { id: 'incident' }),
  r('GET /api/v1/incidents/:id/attachments/:attachmentId', STAFF, 'staff', ATTACHMENT),
  r('GET /incidents/:id/attachments/:attachmentId', STAFF, 'staff', ATTACHMENT),
  r('DELETE /api/v1/incidents/:id/attachments/:attachmentId', STAFF, 'staff', ATTACHMENT),
  r('GET /api/v1/insurance-cases', STAFF, 'staff'),
  r('GET /api/v1/insurance-cases/:id', STAFF, 'staff', { id: 'insuranceCase' }),
  x(r('POST /api/v1/incidents/:id/insurance-cases', STAFF, 'staff', { id: 'incident' }), {
    body: () => ({ cover: 'liability' }),
  }),
  r('PUT /api/v1/insurance-cases/:id', STAFF, 'staff', { id: 'insuranceCase' }),
  x(r('POST /api/v1/insurance-cases/:id/close', STAFF, 'staff', { id: 'insuranceCase' }), {
    body: () => ({ closedOn: '2026-11-26' }),
  }),

  // --- API: events, announcements, newsletters, directory
  r('GET /api/v1/events', ALL, 'public', undefined, 'filtered by audience'),
  r('POST /api/v1/events', STAFF, 'staff'),
  r('GET /api/v1/events/:id', HELPERS_AUDIENCE, 'audience', { id: 'event' }),
  r('PUT /api/v1/events/:id', STAFF, 'staff', { id: 'event' }),
  r('POST /api/v1/events/:id/cancel', STAFF, 'staff', { id: 'event' }),
  r('GET /api/v1/events/:id/registrations', STAFF, 'staff', { id: 'event' }),
  x(r('POST /api/v1/events/:id/registrations', HELPER_SELF, 'own', { id: 'event' }), {
    body: (ids) => ({ memberId: ids.helperMember }),
  }),
  x(
    r('POST /api/v1/events/:id/registrations/cancel', HELPER_SELF, 'own', {
      id: 'event',
    }),
    { body: (ids) => ({ memberId: ids.helperMember }) },
  ),
  r('POST /api/v1/events/:id/attendance', STAFF, 'staff', { id: 'event' }),
  r('GET /api/v1/announcements', SIGNED_IN, 'signed-in', undefined, 'filtered by audience'),
  r('POST /api/v1/announcements', STAFF, 'staff'),
  r('GET /api/v1/announcements/:id', REQUESTERS_AUDIENCE, 'audience', { id: 'announcement' }),
  r('POST /api/v1/announcements/:id/publish', STAFF, 'staff', { id: 'announcement' }),
  r('GET /api/v1/newsletters', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/newsletters', STAFF, 'staff'),
  r('GET /api/v1/directory', SIGNED_IN, 'signed-in'),
  r('POST /api/v1/directory', STAFF, 'staff'),
  r('GET /api/v1/directory/:id', SIGNED_IN, 'signed-in', { id: 'group' }),
  r('PUT /api/v1/directory/:id', STAFF, 'staff', { id: 'group' }),
  r('DELETE /api/v1/directory/:id', STAFF, 'staff', { id: 'group' }),
  r('GET /api/v1/members/:id/referrals', STAFF, 'staff', M),
  r('POST /api/v1/members/:id/referrals', STAFF, 'staff', M),

  // --- API: reports (staff only; without ?month= / ?fiscalYear= staff get a 400)
  x(r('GET /api/v1/reports/monthly', STAFF, 'staff'), { query: { month: 'month' } }),
  x(r('GET /api/v1/reports/monthly.csv', STAFF, 'staff'), { query: { month: 'month' } }),
  x(r('GET /api/v1/reports/annual', STAFF, 'staff'), { query: { fiscalYear: 'fiscalYear' } }),
  x(r('GET /api/v1/reports/annual.csv', STAFF, 'staff'), { query: { fiscalYear: 'fiscalYear' } }),
  x(r('GET /api/v1/reports/helpers', STAFF, 'staff'), { query: { month: 'month' } }),
  x(r('GET /api/v1/reports/families', STAFF, 'staff'), { query: { month: 'month' } }),

  // --- Pages: reports and the weekly planner (staff)
  x(r('GET /staff/reports/monthly', STAFF, 'staff'), { query: { month: 'month' } }),
  x(r('GET /staff/reports/annual', STAFF, 'staff'), { query: { fiscalYear: 'fiscalYear' } }),
  r('GET /staff/planner', STAFF, 'staff'),
  r('POST /staff/planner', STAFF, 'staff'),
  r('POST /staff/planner/send', STAFF, 'staff'),

  // --- Pages: home, sign-in, account, staff accounts, settings
  r('GET /', SIGNED_IN, 'signed-in', undefined, 'anonymous: redirect to /login'),
  r('GET /login', ALL, 'public'),
  r('POST /login', ALL, 'public'),
  x(r('POST /logout', ALL, 'public', undefined, 'ends the session, if any'), {
    loginRedirectIsSuccess: true,
  }),
  r('GET /account/password', SIGNED_IN, 'signed-in'),
  r('POST /account/password', SIGNED_IN, 'signed-in'),
  r('POST /locale', ALL, 'public'),
  r('GET /staff-accounts', ADMIN, 'admin'),
  r('POST /staff-accounts', ADMIN, 'admin'),
  r('GET /staff-accounts/:id', ADMIN, 'admin', SA),
  r('POST /staff-accounts/:id/disable', ADMIN, 'admin', SA),
  r('POST /staff-accounts/:id/enable', ADMIN, 'admin', SA),
  r('POST /staff-accounts/:id/role', ADMIN, 'admin', SA),
  r('POST /staff-accounts/:id/password-reset', ADMIN, 'admin', SA),
  r('GET /forgot-password', ALL, 'public'),
  r('POST /forgot-password', ALL, 'public'),
  r('GET /reset-password', ALL, 'public'),
  r('POST /reset-password', ALL, 'public'),
  r('GET /reset-code', ALL, 'public'),
  r('POST /reset-code', ALL, 'public'),
  r('POST /members/:id/reset-code', STAFF, 'staff', M),
  r('GET /settings', ADMIN, 'admin'),
  r('POST /settings/:section', ADMIN, 'admin', { section: 'settingsSection' }),
  r('GET /settings/fees', ADMIN, 'admin'),
  r('POST /settings/fees/tables', ADMIN, 'admin'),
  r('POST /settings/fees/tables/:validFrom/delete', ADMIN, 'admin', { validFrom: 'feeTableFrom' }),
  r('GET /settings/subsidies', ADMIN, 'admin'),
  r('GET /help-categories', ADMIN, 'admin'),
  r('GET /help-categories/:code', ADMIN, 'admin', { code: 'helpCategory' }),
  r('POST /help-categories/:code', ADMIN, 'admin', { code: 'helpCategory' }),
  r('POST /help-categories/:code/delete', ADMIN, 'admin', { code: 'helpCategory' }),
  r('POST /settings/subsidies/rules', ADMIN, 'admin'),
  r('POST /settings/subsidies/rules/:validFrom/delete', ADMIN, 'admin', {
    validFrom: 'feeTableFrom',
  }),

  // --- Pages: membership (own)
  r('GET /apply', ALL, 'public', undefined, 'signed in: redirect to /my or /members/new'),
  r('POST /apply', ALL, 'public'),
  r('GET /my', MEMBERS, 'member'),
  r('GET /my/profile', MEMBERS, 'member'),
  r('POST /my/profile', MEMBERS, 'member'),
  r('GET /my/renewal', MEMBERS, 'member'),
  r('POST /my/renewal', MEMBERS, 'member'),
  r('GET /my/children', REQUESTERS, 'requester-side'),
  r('GET /my/children/new', REQUESTERS, 'requester-side'),
  r('POST /my/children/new', REQUESTERS, 'requester-side'),
  r('GET /my/children/:id/edit', ['requester'], 'own', { id: 'child' }),
  r('POST /my/children/:id/edit', ['requester'], 'own', { id: 'child' }),
  r('GET /my/contacts', MEMBERS, 'member'),
  r('POST /my/contacts', MEMBERS, 'member'),
  r('POST /my/contacts/:id/remove', ['requester'], 'own', { id: 'contact' }),
  r('POST /my/contacts/:id', ['requester'], 'own', { id: 'contact' }),
  r('GET /my/pickups', ALL, 'public', undefined, 'a plain redirect to /my/contacts#pickups'),
  r('POST /my/pickups', MEMBERS, 'member'),
  r('POST /my/pickups/:id/remove', ['requester'], 'own', { id: 'pickup' }),
  r('POST /my/pickups/:id', ['requester'], 'own', { id: 'pickup' }),
  r('GET /my/helper-profile', HELPERS, 'helper-side'),
  r('POST /my/helper-profile', HELPERS, 'helper-side'),
  r('GET /my/orientations', MEMBERS, 'member'),
  r('POST /my/orientations/:id/register', MEMBERS, 'member', { id: 'orientation' }),
  r('GET /my/data.json', MEMBERS, 'member'),
  r('GET /my/withdraw', MEMBERS, 'member'),
  // --- LINE (issue #21)
  r('GET /my/line', MEMBERS, 'member'),
  r('POST /my/line/code', MEMBERS, 'member', undefined, 'LINE off in tests: a 409 rule answer'),
  r('POST /my/line/unlink', MEMBERS, 'member'),
  r('POST /my/line/channels', MEMBERS, 'member'),
  r('GET /line/members', STAFF, 'staff'),
  r('GET /api/v1/me/line', MEMBERS, 'member'),
  r('POST /api/v1/me/line/code', MEMBERS, 'member', undefined, 'LINE off: a 409 rule answer'),
  r('POST /api/v1/me/line/unlink', MEMBERS, 'member'),
  r('PUT /api/v1/me/line/channels', MEMBERS, 'member'),
  r(
    'POST /line/webhook',
    [],
    'token',
    undefined,
    'LINE calls it: the x-line-signature is the credential (401 without; 404 while LINE is off)',
  ),
  r('POST /my/withdraw', MEMBERS, 'member'),

  // --- Pages: member administration (staff)
  r('GET /members/new', STAFF, 'staff'),
  r('POST /members/new', STAFF, 'staff'),
  r('GET /members', STAFF, 'staff'),
  r('GET /members.csv', STAFF, 'staff'),
  r('GET /members/:id{uuid}', STAFF, 'staff', M, 'health; audited'),
  r('POST /members/:id{uuid}/approve', STAFF, 'staff', M),
  r('POST /members/:id{uuid}/suspend', STAFF, 'staff', M),
  r('POST /members/:id{uuid}/reactivate', STAFF, 'staff', M),
  r('POST /members/:id{uuid}/withdraw', STAFF, 'staff', M),
  x(r('POST /members/:id{uuid}/orientation', STAFF, 'staff', M), {
    body: (ids) => ({ orientationId: ids.orientation }),
  }),
  r('GET /members/:id{uuid}/card', STAFF, 'staff', M),
  r('GET /renewals', STAFF, 'staff'),
  r('POST /renewals/lapse', STAFF, 'staff'),
  // 年度更新 (issue #19, point 3): the confirmation list, reminders, paper forms.
  r('GET /renewals/confirmations', STAFF, 'staff'),
  r('POST /renewals/reminders', STAFF, 'staff'),
  r('GET /renewals/confirmations/:id{uuid}', STAFF, 'staff', M),
  r('POST /renewals/confirmations/:id{uuid}', STAFF, 'staff', M),
  r('GET /orientations', STAFF, 'staff'),
  r('POST /orientations', STAFF, 'staff'),
  r('GET /orientations/:id{uuid}', STAFF, 'staff', { id: 'orientation' }),
  r('POST /orientations/:id{uuid}/attendance', STAFF, 'staff', { id: 'orientation' }),
  r('POST /orientations/:id{uuid}/registrations', STAFF, 'staff', { id: 'orientation' }),

  // --- Pages: training
  r('GET /training', SIGNED_IN, 'signed-in', undefined, 'staff: redirect to /training/sessions'),
  r(
    'POST /training/sessions/:id/enroll',
    MEMBERS,
    'member',
    { id: 'trainingSession' },
    NO_HELPER_SIDE,
  ),
  r(
    'POST /training/sessions/:id/cancel',
    MEMBERS,
    'member',
    { id: 'trainingSession' },
    NO_HELPER_SIDE,
  ),
  r('POST /training/records', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('GET /training/sessions', STAFF, 'staff'),
  r('POST /training/sessions', STAFF, 'staff'),
  r('GET /training/sessions/:id', STAFF, 'staff', { id: 'trainingSession' }),
  r('POST /training/sessions/:id/enrollments', STAFF, 'staff', { id: 'trainingSession' }),
  x(
    r('POST /training/sessions/:id/enrollments/cancel', STAFF, 'staff', { id: 'trainingSession' }),
    {
      body: (ids) => ({ memberId: ids.helperMember }),
    },
  ),
  r('POST /training/sessions/:id/attendance', STAFF, 'staff', { id: 'trainingSession' }),
  r('GET /training/helpers', STAFF, 'staff'),
  r('GET /training/helpers/:id', STAFF, 'staff', H),
  r('POST /training/helpers/:id/records', STAFF, 'staff', H),
  r('GET /training/records/pending', STAFF, 'staff'),
  r('POST /training/records/:id/review', STAFF, 'staff', { id: 'trainingRecord' }),
  r('GET /training/curriculum', STAFF, 'staff'),
  r('POST /training/curriculum/load-defaults', ADMIN, 'admin'),
  r('POST /training/curriculum', ADMIN, 'admin'),
  r('POST /training/curriculum/validity', ADMIN, 'admin'),
  r('GET /members/:id/certificate', HELPER_SELF, 'own', H),

  // --- Pages: inbox
  r('GET /inbox', SIGNED_IN, 'signed-in'),
  r('POST /inbox/read-all', SIGNED_IN, 'signed-in'),
  r('POST /inbox/:id/read', ['requester'], 'own', { id: 'notification' }),

  // --- Pages: availability and calendar (the helper's own, or staff for a helper)
  r('GET /availability', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('GET /availability/weekly', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('GET /availability/exceptions', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('GET /availability/calendar-feed', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('POST /availability/weekly', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('POST /availability/exceptions', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  x(
    r('POST /availability/exceptions/:exceptionId/delete', ['helper'], 'own', {
      exceptionId: 'exception',
    }),
    {
      noop: ['requester', 'otherRequester', 'otherHelper'],
      note: 'deletes only among the caller’s own exceptions; a second press (or a foreign id) is a no-op',
    },
  ),
  r('POST /availability/calendar-feed', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('POST /availability/calendar-feed/revoke', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('GET /members/:id/availability', HELPER_SELF, 'own', H),
  r('GET /members/:id/availability/weekly', HELPER_SELF, 'own', H),
  r('GET /members/:id/availability/exceptions', HELPER_SELF, 'own', H),
  r('GET /members/:id/availability/calendar-feed', HELPER_SELF, 'own', H),
  r('POST /members/:id/availability/weekly', HELPER_SELF, 'own', H),
  r('POST /members/:id/availability/exceptions', HELPER_SELF, 'own', H),
  r('POST /members/:id/availability/exceptions/:exceptionId/delete', HELPER_SELF, 'own', {
    ...H,
    exceptionId: 'exception',
  }),
  r('POST /members/:id/availability/calendar-feed', HELPER_SELF, 'own', H),
  r('POST /members/:id/availability/calendar-feed/revoke', HELPER_SELF, 'own', H),
  r('GET /calendar', MEMBERS, 'member', undefined, NO_HELPER_SIDE),
  r('GET /members/:id/calendar', HELPER_SELF, 'own', H),
  r('GET /calendar/:file', ALL, 'token', { file: 'calendarFile' }, 'the feed token is the key'),

  // --- Pages: requests (families and helpers) and coordination (staff)
  r('GET /requests/new', REQUESTERS, 'requester-side'),
  r('POST /requests/new', REQUESTERS, 'requester-side'),
  r('GET /requests', SIGNED_IN, 'signed-in', undefined, 'staff: redirect to /board'),
  r('GET /requests/:id', PARTIES, 'live-match', { id: 'liveRequest' }, 'staff: redirect'),
  r('GET /requests/:id/cancel', PARTIES, 'live-match', { id: 'liveRequest' }, 'staff: redirect'),
  r('POST /requests/:id/cancel', ['requester', 'helper'], 'live-match', { id: 'liveRequest' }),
  r('GET /requests/:id/sick-care', PARTIES, 'live-match', { id: 'liveRequest' }),
  r('POST /requests/:id/sick-care/doctor-note', ['requester', 'staff', 'admin'], 'live-match', {
    id: 'liveRequest',
  }),
  r('POST /requests/:id/sick-care/handover', ['helper'], 'live-match', { id: 'liveRequest' }),
  r('GET /requests/:id/sick-care/request-form', PARTIES, 'live-match', { id: 'liveRequest' }),
  r('GET /requests/:id/sick-care/doctor-note-form', PARTIES, 'live-match', { id: 'liveRequest' }),
  r('GET /requests/:id/sick-care/proxy-form', PARTIES, 'live-match', { id: 'liveRequest' }),
  r(
    'GET /requests/:id/cancel-series',
    ['requester', 'staff', 'admin'],
    'live-match',
    { id: 'liveRequest' },
    'staff: redirect',
  ),
  r('POST /requests/:id/cancel-series', ['requester'], 'live-match', { id: 'liveRequest' }),
  r('GET /children/:id', PARTIES, 'live-match', { id: 'child' }, 'health; audited'),
  r('GET /offers', HELPERS, 'helper-side'),
  r('POST /offers/:id/accept', ['helper'], 'offered-helper', { id: 'offer' }),
  r('POST /offers/:id/decline', ['helper'], 'offered-helper', { id: 'offer' }),
  r('GET /board', STAFF, 'staff'),
  r('GET /coordination/requests/new', STAFF, 'staff'),
  x(r('POST /coordination/requests/new', STAFF, 'staff'), {
    body: (ids) => ({ requesterId: ids.requesterMember }),
  }),
  r('GET /coordination/requests/:id{uuid}', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /coordination/requests/:id{uuid}/offers', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /coordination/requests/:id{uuid}/offer-top', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /coordination/requests/:id{uuid}/assign', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /coordination/requests/:id{uuid}/pre-meeting', STAFF, 'staff', { id: 'offeredRequest' }),
  r('POST /coordination/requests/:id{uuid}/cancel', STAFF, 'staff', { id: 'offeredRequest' }),
  r('GET /coordination/pre-meetings', STAFF, 'staff'),

  // --- Pages: events
  r('GET /events', ALL, 'public', undefined, 'filtered by audience'),
  r('GET /events/:id{uuid}', HELPERS_AUDIENCE, 'audience', { id: 'event' }),
  r('GET /events/:file{uuid\\.ics}', HELPERS_AUDIENCE, 'audience', { file: 'eventIcs' }),
  r('GET /events/:id{uuid}/flyer', HELPERS_AUDIENCE, 'audience', { id: 'event' }),
  r('POST /events/:id{uuid}/register', HELPERS, 'audience', { id: 'event' }),
  r('POST /events/:id{uuid}/withdraw', HELPERS, 'audience', { id: 'event' }),
  r('GET /events/new', STAFF, 'staff'),
  r('POST /events', STAFF, 'staff'),
  r('GET /events/:id{uuid}/edit', STAFF, 'staff', { id: 'event' }),
  r('POST /events/:id{uuid}/edit', STAFF, 'staff', { id: 'event' }),
  r('POST /events/:id{uuid}/call-off', STAFF, 'staff', { id: 'event' }),
  r('GET /events/:id{uuid}/attendance', STAFF, 'staff', { id: 'event' }),
  r('POST /events/:id{uuid}/attendance', STAFF, 'staff', { id: 'event' }),
  r('POST /events/:id{uuid}/registrations', STAFF, 'staff', { id: 'event' }),
  r('POST /events/:id{uuid}/registrations/cancel', STAFF, 'staff', { id: 'event' }),

  // --- Pages: announcements and newsletters
  r('GET /announcements', SIGNED_IN, 'signed-in', undefined, 'filtered by audience'),
  r('GET /announcements/:id{uuid}', REQUESTERS_AUDIENCE, 'audience', { id: 'announcement' }),
  r('GET /announcements/new', STAFF, 'staff'),
  r('POST /announcements', STAFF, 'staff'),
  r('GET /announcements/:id{uuid}/edit', STAFF, 'staff', { id: 'announcement' }),
  r('POST /announcements/:id{uuid}/edit', STAFF, 'staff', { id: 'announcement' }),
  r('POST /announcements/:id{uuid}/publish', STAFF, 'staff', { id: 'announcement' }),
  r('POST /announcements/:id{uuid}/delete', STAFF, 'staff', { id: 'announcement' }),
  r('GET /newsletters', SIGNED_IN, 'signed-in'),
  r('GET /newsletters/:id{uuid}', SIGNED_IN, 'signed-in', { id: 'newsletter' }),
  r('GET /newsletters/:id{uuid}/file', SIGNED_IN, 'signed-in', { id: 'pdfNewsletter' }),
  r('GET /newsletters/new', STAFF, 'staff'),
  r('POST /newsletters/page', STAFF, 'staff'),
  r('POST /newsletters/pdf', STAFF, 'staff'),
  r('POST /newsletters/:id{uuid}/delete', STAFF, 'staff', { id: 'newsletter' }),

  // --- Pages: directory of local groups, referrals
  r('GET /directory', SIGNED_IN, 'signed-in'),
  r('GET /directory/print', SIGNED_IN, 'signed-in'),
  r('GET /directory/new', STAFF, 'staff'),
  r('POST /directory', STAFF, 'staff'),
  r('GET /directory/:id{uuid}/edit', STAFF, 'staff', { id: 'group' }),
  r('POST /directory/:id{uuid}/edit', STAFF, 'staff', { id: 'group' }),
  r('POST /directory/:id{uuid}/archive', STAFF, 'staff', { id: 'group' }),
  r('GET /members/:id{uuid}/referrals', STAFF, 'staff', M),
  r('POST /members/:id{uuid}/referrals', STAFF, 'staff', M),

  // --- Pages: activities, statements, incidents
  x(r('GET /activities/new', ['helper'], 'author'), { query: { request: 'liveRequest' } }),
  x(r('POST /activities/new', ['helper'], 'author'), { query: { request: 'liveRequest' } }),
  r('GET /activities/:id/edit', ['helper'], 'author', { id: 'activity' }),
  r('POST /activities/:id/edit', ['helper'], 'author', { id: 'activity' }),
  r('GET /activities', SIGNED_IN, 'signed-in', undefined, 'scoped to own activities'),
  r('GET /activities/missing', STAFF, 'staff'),
  r('GET /activities/:id', PARTIES, 'live-match', { id: 'activity' }),
  r('POST /activities/:id/confirm', ['requester'], 'own', { id: 'activity' }),
  r('POST /activities/:id/dispute', ['requester'], 'own', { id: 'activity' }),
  r('POST /activities/:id/approve', STAFF, 'staff', { id: 'activity' }),
  r('POST /activities/:id/return', STAFF, 'staff', { id: 'activity' }),
  r('POST /activities/:id/incidents', HELPER_SELF, 'author', { id: 'activity' }),
  r('GET /statements', SIGNED_IN, 'signed-in', undefined, 'own statements; staff all'),
  r('GET /statements/:memberId/:month', FAMILY, 'own', {
    memberId: 'requesterMember',
    month: 'month',
  }),
  // --- Pages: payments (issue #18)
  ...paymentRows('/activities/:id/payment', { id: 'activity' }),
  ...paymentRows('/requests/:id/cancellation-payment', { id: 'liveRequest' }),
  r('GET /payments/outstanding', STAFF, 'staff'),
  r('GET /activities/:id/receipt', FAMILY, 'own', { id: 'activity' }),
  r('POST /activities/:id/receipt', FAMILY, 'own', { id: 'activity' }),
  r('GET /statements/:memberId/:month/receipt', FAMILY, 'own', {
    memberId: 'requesterMember',
    month: 'month',
  }),
  r('POST /statements/:memberId/:month/receipt', FAMILY, 'own', {
    memberId: 'requesterMember',
    month: 'month',
  }),
  // --- Pages: claims (issue #18 point 5). Decision forms are checked before the claim is looked
  // up: an empty form is a 400 for staff.
  r('GET /members/:id/claims/:month', FAMILY, 'own', { id: 'requesterMember', month: 'month' }),
  r('POST /members/:id/claims', STAFF, 'staff', M),
  r('POST /claims/:id/approve', STAFF, 'staff', { id: 'activity' }),
  r('POST /claims/:id/pay', STAFF, 'staff', { id: 'activity' }),
  r('GET /claims/ledger', STAFF, 'staff'),
  r('GET /claims/ledger.csv', STAFF, 'staff'),
  r('GET /members/:id/eligibility', STAFF, 'staff', M),
  r('POST /members/:id/eligibility', STAFF, 'staff', M),
  r('POST /members/:id/eligibility/revoke', STAFF, 'staff', M),
  r('POST /members/:id/free-childcare', STAFF, 'staff', M),
  r('POST /members/:id/free-childcare/revoke', STAFF, 'staff', M),
  r('GET /incidents', STAFF, 'staff'),
  r('GET /incidents/new', STAFF, 'staff'),
  r('POST /incidents/new', STAFF, 'staff'),
  r('GET /incidents/:id', STAFF, 'staff', { id: 'incident' }),
  r('GET /incidents/:id/edit', STAFF, 'staff', { id: 'incident' }),
  r('POST /incidents/:id/edit', STAFF, 'staff', { id: 'incident' }),
  r('GET /incidents/:id/print', STAFF, 'staff', { id: 'incident' }),
  r('POST /incidents/:id/reported', STAFF, 'staff', { id: 'incident' }),
  r('POST /incidents/:id/serious-report', STAFF, 'staff', { id: 'incident' }),
  r('POST /incidents/:id/attachments', STAFF, 'staff', { id: 'incident' }),
  r('POST /incidents/:id/attachments/:attachmentId/delete', STAFF, 'staff', ATTACHMENT),
  r('GET /insurance-cases', STAFF, 'staff'),
  r('GET /insurance-cases/:id', STAFF, 'staff', { id: 'insuranceCase' }),
  r('POST /incidents/:id/insurance-cases', STAFF, 'staff', { id: 'incident' }),
  r('POST /insurance-cases/:id', STAFF, 'staff', { id: 'insuranceCase' }),
  r('POST /insurance-cases/:id/close', STAFF, 'staff', { id: 'insuranceCase' }),
];

/**
 * The endpoints an app registers, as table keys. Hono's `app.routes` also lists middleware
 * (registered with `use`, method ALL); no endpoint is registered with ALL, so those are dropped.
 */
export function registeredRouteKeys(routes: readonly { method: string; path: string }[]) {
  return [
    ...new Set(routes.filter((x) => x.method !== 'ALL').map((x) => routeKey(x.method, x.path))),
  ];
}
