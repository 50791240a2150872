import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { validateForm } from '../../http/forms.js';
import { render, safeNextPath, setFlash, viewContext } from '../../http/render.js';
import { DAY, HOUR } from '../../lib/clock.js';
import {
  addDaysToDate,
  fiscalYearOf,
  formatYen,
  isValidDateString,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import { BoardPage, type BoardRequestItem } from '../../../views/pages/coordination/board.js';
import { IntakePage, type IntakeMember } from '../../../views/pages/coordination/intake.js';
import {
  PreMeetingsPage,
  type NeededPair,
} from '../../../views/pages/coordination/pre-meetings.js';
import {
  RequestPage,
  type CandidateItem,
  type RequestForm,
} from '../../../views/pages/coordination/request.js';
import { ageInMonths, childAgeStatus } from '../members/member-rules.js';
import { formatMemberNo } from '../members/members.json.js';
import { findMemberById, listMembers } from '../members/members.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  findPreMeetingForPair,
  listChildrenForIntake,
  listMatchedBetween,
  listMatchedWithoutPreMeeting,
  listMemberContacts,
  listOfferStatuses,
  listOpenRequestsPage,
  listPreMeetingsOfYear,
  listRequestChildNames,
  listSeriesRequests,
  listUrgentRequests,
  rankRequests,
  type BoardRequestRow,
} from './board.queries.js';
import { findCandidates } from './candidates.js';
import { assignDirectly, createOffers } from './offers.service.js';
import { recordPreMeeting } from './pre-meetings.service.js';
import {
  findRequestById,
  listOffersForRequest,
  listRequestChildren,
  type RequestRow,
} from '../requests/requests.queries.js';
import { cancelBody, createRequestBody, offerBody, preMeetingBody } from '../requests/requests.schemas.js';
import { cancelRequest, createRequests, preMeetingRequired } from '../requests/requests.service.js';

/**
 * Staff coordination pages: 調整ボード (/board), one request with its ranked candidates, offers
 * and pre-meeting (/coordination/requests/:id), phone intake and the pre-meeting list. Every
 * decision is the domain's (createOffers, assignDirectly, recordPreMeeting, cancelRequest); a
 * 409/422 it answers re-renders the page with the rule's message.
 */
export const coordinationPages = new Hono<AppEnv>();

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REQUEST = `/coordination/requests/:id{${UUID}}`;
const DAY_OPTIONS = [7, 14, 30] as const;
const URGENT_WINDOW = 48 * HOUR;
const PAGE_SIZE = 20;
/** Candidate counts are a full ranking each: at most this many per board page. */
const CANDIDATE_BUDGET = 30;
const URGENT_LIMIT = CANDIDATE_BUDGET;
const TOP_N = 3;
/** Candidates listed before 「すべての候補を表示」. */
const SHOWN_CANDIDATES = 20;
const LIVE = ['open', 'offered'];

// ---------------------------------------------------------------------------------------------
// Helpers

/** The plain-words message of a domain error: the rule's text when there is one. */
function failureMessage(c: AppContext, err: AppError): string {
  const t = c.var.t;
  const base = ruleText(t, err);
  const dates = err.fields?.occurrences;
  if (!dates?.length) return base;
  return c.var.locale === 'ja' ? `${base}（${dates.join('、')}）` : `${base} (${dates.join(', ')})`;
}

const isDomainFailure = (err: unknown): err is AppError =>
  err instanceof AppError && (err.status === 422 || err.status === 409);

/** Repeated form fields (checkboxes) as a list, single ones as a string. */
async function readMultiForm(c: AppContext) {
  const body = await c.req.parseBody({ all: true });
  const one = (key: string): string => {
    const v = body[key];
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : '';
  };
  const many = (key: string): string[] => {
    const v = body[key];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string' && x.length > 0,
    );
  };
  return { one, many };
}

async function loadRequest(c: AppContext): Promise<RequestRow> {
  const request = await findRequestById(c.var.deps.db, c.req.param('id') ?? '');
  if (!request) throw notFound();
  return request;
}

/** Helpers asked already (any offer row), so 「上位3人」 moves on to the next ones. */
const askedSet = (offers: { helper_member_id: string }[]) =>
  new Set(offers.map((o) => o.helper_member_id));

/** Before the domain call: a request no longer live, or already started, cannot be offered. */
function assertOfferable(c: AppContext, request: RequestRow) {
  if (!LIVE.includes(request.status)) throw conflict('already_matched', 'rule.already_matched');
  if (Date.parse(request.starts_at) <= c.var.deps.clock.now().getTime())
    throw unprocessable('past_start');
}

/**
 * Every posted helper must be one of this request's candidates. The domain refuses the helpers
 * the ranking excludes; this also refuses ids the ranking never saw (a withdrawn helper, the
 * requester herself), which it would otherwise let through.
 */
async function assertRanked(c: AppContext, request: RequestRow, helperIds: string[]) {
  const { candidates, excluded } = await findCandidates(c.var.deps, request, {
    onlyHelperIds: helperIds,
  });
  const ranked = new Set(candidates.map((x) => x.helperId));
  for (const id of helperIds) {
    if (ranked.has(id)) continue;
    const out = excluded.find((e) => e.helperId === id);
    throw unprocessable(out?.reasons[0]?.code ?? 'unknown_helper');
  }
}

// ---------------------------------------------------------------------------------------------
// 調整ボード

function readDays(value: string | undefined): number {
  const n = Number(value);
  return (DAY_OPTIONS as readonly number[]).includes(n) ? n : DAY_OPTIONS[0];
}

const readPage = (value: string | undefined) => {
  const n = Number(value ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

coordinationPages.get('/board', async (c) => {
  requireStaff(c);
  const { deps } = c.var;
  const { db } = deps;
  const settings = await getCenterSettings(deps);
  const areaParam = c.req.query('area');
  const filters = {
    days: readDays(c.req.query('days')),
    area: settings.areas.some((a) => a.code === areaParam) ? areaParam : undefined,
  };
  const page = readPage(c.req.query('page'));
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const urgentUntil = new Date(now.getTime() + URGENT_WINDOW).toISOString();
  const rangeEnd = new Date(now.getTime() + filters.days * DAY).toISOString();
  const today = tokyoDateOf(now);

  const [urgentRows, openPage, todayRows] = await Promise.all([
    listUrgentRequests(db, {
      nowIso,
      fromIso: nowIso,
      untilIso: urgentUntil,
      area: filters.area,
      limit: URGENT_LIMIT,
    }),
    listOpenRequestsPage(db, {
      nowIso,
      fromIso: urgentUntil,
      untilIso: rangeEnd,
      area: filters.area,
      page,
      pageSize: PAGE_SIZE,
    }),
    listMatchedBetween(db, {
      fromIso: tokyoInstant(today).toISOString(),
      untilIso: tokyoInstant(addDaysToDate(today, 1)).toISOString(),
      fiscalYear: fiscalYearOf(today),
      area: filters.area,
    }),
  ]);

  const live = [...urgentRows, ...openPage.items];
  const ids = [...live.map((r) => r.id), ...todayRows.map((r) => r.id)];
  const [children, offers] = await Promise.all([
    listRequestChildren(db, ids),
    listOfferStatuses(
      db,
      live.map((r) => r.id),
    ),
  ]);
  const agesOf = (requestId: string, startsAt: string) => {
    const day = tokyoDateOf(startsAt);
    return children
      .filter((ch) => ch.request_id === requestId)
      .map((ch) => ageInMonths(ch.birth_date, day));
  };
  // NOTE: a full ranking per request, only for the rows on this page (see CANDIDATE_BUDGET),
  // loaded once for all of them (rankRequests gives what findCandidates gives, faster).
  const counted = live.slice(0, CANDIDATE_BUDGET);
  const rankings = await rankRequests(deps, counted);
  const countsById = new Map(
    counted.map((r) => {
      const asked = askedSet(offers.filter((o) => o.request_id === r.id));
      const candidates = rankings.get(r.id)?.candidates ?? [];
      return [
        r.id,
        {
          candidates: candidates.length,
          fresh: candidates.filter((x) => !asked.has(x.helperId)).length,
        },
      ] as const;
    }),
  );
  const toItem = (r: BoardRequestRow, urgent: boolean): BoardRequestItem => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    requesterName: r.requester_name,
    area: r.requester_area,
    category: r.category,
    status: r.status,
    childAges: agesOf(r.id, r.starts_at),
    offersSent: Number(r.offers_sent ?? 0),
    offersWaiting: Number(r.offers_waiting ?? 0),
    offersDeclined: Number(r.offers_declined ?? 0),
    candidates: countsById.get(r.id)?.candidates ?? null,
    fresh: countsById.get(r.id)?.fresh ?? null,
    urgent,
  });

  return render(
    c,
    <BoardPage
      ctx={viewContext(c)}
      nowIso={nowIso}
      todayDate={today}
      filters={filters}
      dayOptions={DAY_OPTIONS}
      areas={settings.areas}
      urgent={urgentRows.map((r) => toItem(r, true))}
      open={openPage.items.map((r) => toItem(r, false))}
      openTotal={openPage.total}
      page={page}
      pageCount={Math.max(1, Math.ceil(openPage.total / PAGE_SIZE))}
      today={todayRows.map((a) => ({
        id: a.id,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        requesterName: a.requester_name,
        area: a.requester_area,
        category: a.category,
        status: a.status,
        helperName: a.helper_name,
        helperPhone: a.helper_phone,
        hasPreMeeting: Boolean(a.has_pre_meeting),
        childAges: agesOf(a.id, a.starts_at),
      }))}
    />,
  );
});

// ---------------------------------------------------------------------------------------------
// Phone intake (before /coordination/requests/:id so that "new" is never taken for an id)

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

async function intakeMember(c: AppContext, memberId: string): Promise<IntakeMember> {
  const { db } = c.var.deps;
  const member = await findMemberById(db, memberId);
  if (!member || member.requester_status === null || member.withdrawn_at) throw notFound();
  const today = tokyoDateOf(c.var.deps.clock.now());
  const children = await listChildrenForIntake(db, member.id);
  return {
    id: member.id,
    memberNo: formatMemberNo(member.member_no),
    name: member.name,
    phone: member.phone,
    children: children.map((ch) => ({
      id: ch.id,
      name: ch.name,
      ageMonths: ageInMonths(ch.birth_date, today),
      // The same test createRequests applies.
      eligible: childAgeStatus(ch.birth_date, today, 0) === 'eligible',
    })),
  };
}

coordinationPages.get('/coordination/requests/new', async (c) => {
  requireStaff(c);
  const { deps } = c.var;
  const settings = await getCenterSettings(deps);
  const memberId = c.req.query('member');
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const member = memberId ? await intakeMember(c, memberId) : null;
  let matches = null;
  if (!member && q) {
    const { items } = await listMembers(deps.db, {
      q,
      kind: 'requester',
      page: 1,
      pageSize: 30,
    });
    matches = items.map((m) => ({
      id: m.id,
      memberNo: formatMemberNo(m.member_no),
      name: m.name,
      nameKana: m.name_kana,
      area: m.area,
      phone: m.phone,
      requesterStatus: m.requester_status,
    }));
  }
  return render(
    c,
    <IntakePage
      ctx={viewContext(c)}
      areas={settings.areas}
      q={q}
      matches={matches}
      member={member}
      values={{}}
      // An only child is ticked already: one thing less to do while on the phone.
      childIds={
        member && member.children.filter((ch) => ch.eligible).length === 1
          ? member.children.filter((ch) => ch.eligible).map((ch) => ch.id)
          : []
      }
      weekdays={[]}
      errors={{}}
    />,
  );
});

/** zod paths of createRequestBody → the intake form's field names. */
const INTAKE_FIELD: Record<string, string> = {
  startsAt: 'start',
  endsAt: 'end',
  'recurrence.weekdays': 'weekdays',
  'recurrence.until': 'until',
};

coordinationPages.post('/coordination/requests/new', async (c) => {
  const staff = requireStaff(c);
  const { deps } = c.var;
  const { t } = c.var;
  const { one, many } = await readMultiForm(c);
  const member = await intakeMember(c, one('requesterId'));
  const repeatShown = one('repeatShown') === '1';
  const values: Record<string, string> = {
    category: one('category'),
    date: one('date'),
    start: one('start'),
    end: one('end'),
    careLocation: one('careLocation') || 'helper_home',
    careLocationNote: one('careLocationNote'),
    pickup: one('pickup'),
    dropoff: one('dropoff'),
    notes: one('notes'),
    until: one('until'),
    skipHolidays: !repeatShown || one('skipHolidays') === '1' ? '1' : '0',
  };
  const childIds = many('childIds');
  const weekdays = many('weekdays')
    .map(Number)
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);

  const rerender = async (
    errors: Record<string, string>,
    failure?: string,
    status: 422 | 409 = 422,
  ) => {
    const settings = await getCenterSettings(deps);
    return render(
      c,
      <IntakePage
        ctx={viewContext(c)}
        areas={settings.areas}
        q=""
        matches={null}
        member={member}
        values={values}
        childIds={childIds}
        weekdays={weekdays}
        errors={errors}
        failure={failure}
      />,
      status,
    );
  };

  // Date and times are separate fields here; check them before composing the instants.
  const errors: Record<string, string> = {};
  if (!values.category) errors.category = t('validation.choice');
  if (!isValidDateString(values.date!)) errors.date = t('validation.date');
  if (!TIME.test(values.start!)) errors.start = t('validation.time');
  if (!TIME.test(values.end!)) errors.end = t('validation.time');
  if (weekdays.length > 0 && !isValidDateString(values.until!)) errors.until = t('validation.date');
  if (Object.keys(errors).length) return rerender(errors);

  const parsed = validateForm(c, createRequestBody, {
    requesterId: member.id,
    childIds,
    category: Number(values.category),
    startsAt: `${values.date}T${values.start}:00+09:00`,
    endsAt: `${values.date}T${values.end}:00+09:00`,
    careLocation: values.careLocation,
    careLocationNote: values.careLocationNote,
    pickup: values.pickup,
    dropoff: values.dropoff,
    notes: values.notes,
    ...(weekdays.length
      ? {
          recurrence: {
            weekdays,
            until: values.until,
            skipHolidays: values.skipHolidays === '1',
          },
        }
      : {}),
  });
  if (!parsed.ok) {
    const mapped: Record<string, string> = {};
    for (const [path, message] of Object.entries(parsed.errors))
      mapped[INTAKE_FIELD[path] ?? path.split('.')[0]!] ??= message;
    return rerender(mapped);
  }
  let ids: string[];
  try {
    ids = await createRequests(deps, staff, parsed.data, c.var.clientAddress);
  } catch (err) {
    if (isDomainFailure(err)) return rerender({}, failureMessage(c, err), err.status as 422 | 409);
    throw err;
  }
  if (ids.length > 1) setFlash(c, 'coord.flash.createdMany', { count: String(ids.length) });
  else setFlash(c, 'coord.flash.created');
  return c.redirect(`/coordination/requests/${ids[0]}`, 303);
});

// ---------------------------------------------------------------------------------------------
// One request: details, offers, candidates, pre-meeting, cancellation

interface RenderOptions {
  status?: 200 | 409 | 422;
  failure?: { form: RequestForm; message: string };
  values?: Record<string, string>;
  errors?: Record<string, string>;
  selected?: string[];
  showAll?: boolean;
}

async function renderRequestPage(
  c: AppContext,
  staff: CurrentUser,
  request: RequestRow,
  options: RenderOptions = {},
) {
  const { deps } = c.var;
  const { db } = deps;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const live = LIVE.includes(request.status);
  const canOffer = live && Date.parse(request.starts_at) > now.getTime();
  const requestDate = tokyoDateOf(request.starts_at);
  const [settings, children, offers, series, ranking] = await Promise.all([
    getCenterSettings(deps),
    listRequestChildNames(db, request.id),
    listOffersForRequest(db, request.id),
    request.series_id ? listSeriesRequests(db, request.series_id) : Promise.resolve([]),
    live ? findCandidates(deps, request) : Promise.resolve(null),
  ]);

  const showAll = options.showAll ?? false;
  const selected = new Set(options.selected ?? []);
  const offerOf = new Map(offers.map((o) => [o.helper_member_id, o.status]));
  const shown = ranking
    ? ranking.candidates.filter(
        (x, i) => showAll || i < SHOWN_CANDIDATES || selected.has(x.helperId),
      )
    : [];
  const contactIds = [
    request.requester_member_id,
    ...(request.helper_member_id ? [request.helper_member_id] : []),
    ...shown.map((x) => x.helperId),
  ];
  const contacts = new Map((await listMemberContacts(db, contactIds)).map((m) => [m.id, m]));
  const rankOf = new Map(ranking?.candidates.map((x, i) => [x.helperId, i + 1]) ?? []);
  const asked = askedSet(offers);

  let preMeeting = null;
  if (request.helper_member_id && request.status !== 'cancelled') {
    const [required, recorded] = await Promise.all([
      preMeetingRequired(deps, request),
      findPreMeetingForPair(
        db,
        request.requester_member_id,
        request.helper_member_id,
        fiscalYearOf(requestDate),
      ),
    ]);
    preMeeting = {
      required,
      recorded: recorded ? { heldOn: recorded.held_on, place: recorded.place } : null,
    };
  }

  const requester = contacts.get(request.requester_member_id);
  const helper = request.helper_member_id ? contacts.get(request.helper_member_id) : undefined;
  const candidateItems: CandidateItem[] = shown.map((x) => ({
    helperId: x.helperId,
    name: x.name,
    phone: contacts.get(x.helperId)?.phone ?? null,
    area: contacts.get(x.helperId)?.area ?? null,
    rank: rankOf.get(x.helperId) ?? 0,
    score: x.score,
    paired: x.paired,
    reasons: x.reasons,
    offerStatus: offerOf.get(x.helperId) ?? null,
    selected: selected.has(x.helperId),
  }));
  // Nearly-eligible first (fewest reasons), then by name, so "why not her?" is quick to answer.
  const excluded = ranking
    ? [...ranking.excluded]
        .sort((a, b) => a.reasons.length - b.reasons.length || a.name.localeCompare(b.name, 'ja'))
        .map((e) => ({ helperId: e.helperId, name: e.name, reasons: e.reasons }))
    : null;

  return render(
    c,
    <RequestPage
      ctx={viewContext(c)}
      nowIso={nowIso}
      today={tokyoDateOf(now)}
      areas={settings.areas}
      request={{
        id: request.id,
        startsAt: request.starts_at,
        endsAt: request.ends_at,
        status: request.status,
        category: request.category,
        careLocation: request.care_location,
        careLocationNote: request.care_location_note,
        pickup: request.pickup,
        dropoff: request.dropoff,
        notes: request.notes,
        seriesId: request.series_id,
        requesterId: request.requester_member_id,
        requesterName: request.requester_name,
        requesterNo: formatMemberNo(requester?.member_no ?? null),
        requesterPhone: requester?.phone ?? null,
        area: request.requester_area,
        helperId: request.helper_member_id,
        helperName: request.helper_name,
        helperPhone: helper?.phone ?? null,
        matchedAt: request.matched_at,
        cancelledByRole: request.cancelled_by_role,
        cancelReason: request.cancel_reason,
        cancellationFee: request.cancellation_fee,
      }}
      childList={children.map((ch) => ({
        name: ch.name,
        ageMonths: ageInMonths(ch.birth_date, requestDate),
      }))}
      series={series.map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        status: s.status,
      }))}
      offers={offers.map((o) => ({
        helperId: o.helper_member_id,
        helperName: o.helper_name,
        status: o.status,
        offeredAt: o.offered_at,
        expiresAt: o.expires_at,
        respondedAt: o.responded_at,
        declineReason: o.decline_reason,
      }))}
      candidates={
        ranking
          ? {
              items: candidateItems,
              total: ranking.candidates.length,
              fresh: ranking.candidates.filter((x) => !asked.has(x.helperId)).length,
              showAll,
            }
          : null
      }
      excluded={excluded}
      canOffer={canOffer}
      preMeeting={preMeeting}
      staffName={staff.name}
      failure={options.failure}
      values={options.values}
      errors={options.errors}
    />,
    options.status ?? 200,
  );
}

/** A 409/422 from the domain: the request page again, with the message by the form. */
async function renderFailure(
  c: AppContext,
  staff: CurrentUser,
  requestId: string,
  err: unknown,
  form: RequestForm,
  options: Omit<RenderOptions, 'status' | 'failure'> = {},
) {
  if (!isDomainFailure(err)) throw err;
  const fresh = await findRequestById(c.var.deps.db, requestId);
  if (!fresh) throw notFound();
  return renderRequestPage(c, staff, fresh, {
    ...options,
    status: err.status as 409 | 422,
    failure: { form, message: failureMessage(c, err) },
  });
}

coordinationPages.get(REQUEST, async (c) => {
  const staff = requireStaff(c);
  const request = await loadRequest(c);
  return renderRequestPage(c, staff, request, { showAll: c.req.query('all') === '1' });
});

coordinationPages.post(`${REQUEST}/offers`, async (c) => {
  const staff = requireStaff(c);
  const request = await loadRequest(c);
  const { many } = await readMultiForm(c);
  const helperIds = [...new Set(many('helperIds'))];
  try {
    assertOfferable(c, request);
    const parsed = offerBody.safeParse({ helperIds });
    if (!parsed.success) {
      throw helperIds.length === 0
        ? unprocessable('no_helpers_selected', 'coord.error.noneSelected')
        : unprocessable('too_many_helpers', 'error.invalid_input');
    }
    await assertRanked(c, request, helperIds);
    await createOffers(c.var.deps, staff, request, helperIds, c.var.clientAddress);
  } catch (err) {
    return renderFailure(c, staff, request.id, err, 'offers', { selected: helperIds });
  }
  const names = (await listMemberContacts(c.var.deps.db, helperIds)).map((m) => m.name);
  setFlash(c, 'coord.flash.offered', {
    count: String(helperIds.length),
    names: names.join(c.var.locale === 'ja' ? '、' : ', '),
  });
  return c.redirect(`/coordination/requests/${request.id}`, 303);
});

/** 「上位3人に紹介」: the best candidates nobody has asked yet, in one click (board or page). */
coordinationPages.post(`${REQUEST}/offer-top`, async (c) => {
  const staff = requireStaff(c);
  const request = await loadRequest(c);
  const { one } = await readMultiForm(c);
  const next = safeNextPath(one('next'));
  let chosen: { helperId: string; name: string }[];
  try {
    assertOfferable(c, request);
    const [{ candidates }, offers] = await Promise.all([
      findCandidates(c.var.deps, request),
      listOfferStatuses(c.var.deps.db, [request.id]),
    ]);
    const asked = askedSet(offers);
    chosen = candidates.filter((x) => !asked.has(x.helperId)).slice(0, TOP_N);
    if (chosen.length === 0)
      throw unprocessable('no_fresh_candidates', 'coord.error.noFreshCandidates');
    await createOffers(
      c.var.deps,
      staff,
      request,
      chosen.map((x) => x.helperId),
      c.var.clientAddress,
    );
  } catch (err) {
    return renderFailure(c, staff, request.id, err, 'top');
  }
  setFlash(c, 'coord.flash.offered', {
    count: String(chosen.length),
    names: chosen.map((x) => x.name).join(c.var.locale === 'ja' ? '、' : ', '),
  });
  return c.redirect(next === '/' ? `/coordination/requests/${request.id}` : next, 303);
});

coordinationPages.post(`${REQUEST}/assign`, async (c) => {
  const staff = requireStaff(c);
  const request = await loadRequest(c);
  const { one } = await readMultiForm(c);
  const helperId = one('helperId');
  let name: string;
  try {
    assertOfferable(c, request);
    if (!helperId) throw unprocessable('unknown_helper');
    await assertRanked(c, request, [helperId]);
    const updated = await assignDirectly(c.var.deps, staff, request, helperId, c.var.clientAddress);
    name = updated.helper_name ?? '';
  } catch (err) {
    return renderFailure(c, staff, request.id, err, 'assign');
  }
  setFlash(c, 'coord.flash.assigned', { name });
  return c.redirect(`/coordination/requests/${request.id}`, 303);
});

coordinationPages.post(`${REQUEST}/pre-meeting`, async (c) => {
  const staff = requireStaff(c);
  const request = await loadRequest(c);
  const { one } = await readMultiForm(c);
  const values = {
    heldOn: one('heldOn'),
    place: one('place'),
    attendees: one('attendees'),
    emergencyProcedure: one('emergencyProcedure'),
    agreedDetails: one('agreedDetails'),
    notes: one('notes'),
  };
  try {
    if (!request.helper_member_id || request.status === 'cancelled')
      throw unprocessable('unknown_pair');
    const parsed = validateForm(c, preMeetingBody, {
      ...values,
      requesterId: request.requester_member_id,
      helperId: request.helper_member_id,
    });
    if (!parsed.ok) {
      return renderRequestPage(c, staff, request, { status: 422, values, errors: parsed.errors });
    }
    await recordPreMeeting(c.var.deps, staff, parsed.data, c.var.clientAddress);
  } catch (err) {
    return renderFailure(c, staff, request.id, err, 'preMeeting', { values });
  }
  setFlash(c, 'coord.flash.preMeeting');
  return c.redirect(`/coordination/requests/${request.id}`, 303);
});

coordinationPages.post(`${REQUEST}/cancel`, async (c) => {
  const staff = requireStaff(c);
  const request = await loadRequest(c);
  const { one } = await readMultiForm(c);
  const values = { reason: one('reason'), kind: one('kind') || 'cancel' };
  let fee: number;
  try {
    const parsed = validateForm(c, cancelBody, values);
    if (!parsed.ok) {
      return renderRequestPage(c, staff, request, {
        status: 422,
        values,
        errors: parsed.errors,
        failure: { form: 'cancel', message: Object.values(parsed.errors)[0] ?? '' },
      });
    }
    ({ fee } = await cancelRequest(
      c.var.deps,
      { kind: 'staff', user: staff },
      request,
      parsed.data,
      c.var.clientAddress,
    ));
  } catch (err) {
    return renderFailure(c, staff, request.id, err, 'cancel', { values });
  }
  setFlash(c, 'coord.flash.cancelled', { fee: formatYen(fee, c.var.locale) });
  return c.redirect(`/coordination/requests/${request.id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// 事前打ち合わせ: pairs still waiting for one, and this fiscal year's records

coordinationPages.get('/coordination/pre-meetings', async (c) => {
  requireStaff(c);
  const { db } = c.var.deps;
  const now = c.var.deps.clock.now();
  const currentFiscalYear = fiscalYearOf(tokyoDateOf(now));
  const fy = Number(c.req.query('fy'));
  const fiscalYear =
    Number.isInteger(fy) && fy >= 2000 && fy <= currentFiscalYear ? fy : currentFiscalYear;
  const [waiting, recorded] = await Promise.all([
    listMatchedWithoutPreMeeting(db, now.toISOString(), 500),
    listPreMeetingsOfYear(db, fiscalYear, now.toISOString()),
  ]);
  // One line per pair: its first upcoming date, and how many more follow.
  const pairs = new Map<string, NeededPair>();
  for (const r of waiting) {
    const key = `${r.requester_member_id}|${r.helper_member_id}`;
    const seen = pairs.get(key);
    if (seen) seen.more += 1;
    else
      pairs.set(key, {
        requestId: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        requesterName: r.requester_name,
        helperName: r.helper_name,
        more: 0,
      });
  }
  return render(
    c,
    <PreMeetingsPage
      ctx={viewContext(c)}
      fiscalYear={fiscalYear}
      currentFiscalYear={currentFiscalYear}
      needed={[...pairs.values()]}
      recorded={recorded.map((p) => ({
        id: p.id,
        heldOn: p.held_on,
        place: p.place,
        attendees: p.attendees,
        requesterName: p.requester_name,
        helperName: p.helper_name,
        requestId: p.request_id,
      }))}
    />,
  );
});
