import { areaName } from '../../i18n/area-labels.js';
import { categoryLabel } from '../../i18n/category-labels.js';
import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv, type CurrentUser } from '../../context.js';
import { readForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { addDaysToDate, isValidDateString, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isMessageKey, ruleText } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { sexLabel } from '../../../views/pages/members/labels.js';
import { CancelRequestPage, type CancelPageProps } from '../../../views/pages/requests/cancel.js';
import { ChildDetailsPage } from '../../../views/pages/requests/child-details.js';
import {
  ageText,
  careLocationName,
  durationText,
  timeLeftText,
  whenText,
} from '../../../views/pages/requests/request-text.js';
import { yen } from '../../../views/format.js';
import {
  OffersPage,
  type EligibilityView,
  type OfferCardView,
} from '../../../views/pages/requests/offers.js';
import type { RulesView } from '../../../views/pages/requests/rules-box.js';
import {
  cancellationHours,
  ConfirmRequestPage,
  type FeeEstimateView,
} from '../../../views/pages/requests/request-confirm.js';
import { RequestDetailPage } from '../../../views/pages/requests/request-detail.js';
import {
  NewRequestPage,
  REQUEST_FORM_FIELDS,
  RequesterNotActivePage,
  type ChildChoice,
} from '../../../views/pages/requests/request-form.js';
import {
  RequestListPage,
  STATUS_FILTERS,
  type RequestItemView,
  type UpcomingEntry,
} from '../../../views/pages/requests/request-list.js';
import type { RequestStatus } from '../../../db/schema.js';
import { cancellationFee, quoteFee } from '../fees/fees.js';
import { selectFeeTable } from '../fees/fee-table.js';
import { auditHealthReads, loadVisibleChild } from '../members/children.access.js';
import { childAgeStatus } from '../members/member-rules.js';
import {
  findMemberById,
  findMemberByUserId,
  listAuthorizedPickups,
  listChildren,
  listEmergencyContacts,
  type MemberWithEmail,
} from '../members/members.queries.js';
import type { CenterSettings } from '../settings/settings.schemas.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { getQualifications, loadCurriculum } from '../trainings/qualification.service.js';
import { acceptOffer, declineOffer, ownHelperMemberId } from '../matching/offers.service.js';
import {
  findOfferOfHelper,
  findSeriesById,
  hasAnyPairing,
  listPastRequests,
  listRequestChildAges,
  listSeriesOfRequester,
  listUpcomingAssignments,
  listUpcomingRequests,
} from './request-pages.queries.js';
import {
  checkRequestRules,
  expandWeeklyPattern,
  MAX_OCCURRENCES,
  requestRuleParams,
  requestRulesOf,
} from './request-rules.js';
import { listOffersForHelper, listRequestChildren, type RequestRow } from './requests.queries.js';
import {
  cancelBody,
  createRequestBody,
  declineBody,
  type CreateRequestInput,
} from './requests.schemas.js';
import {
  cancelRequest,
  createRequests,
  loadVisibleRequest,
  preMeetingRequired,
} from './requests.service.js';

/**
 * Member-facing matching pages: a parent asks for help (援助の申し込み) in two steps (入力 →
 * 確認, with the expected fee on the confirmation), follows her requests and may cancel one
 * after seeing what it would cost; a helper answers offers (依頼の紹介) with one tap and sees
 * what she needs for the activity she took. Staff work on /board and /coordination/*.
 */
export const requestPages = new Hono<AppEnv>();

type Form = Record<string, string>;
const LIVE: RequestStatus[] = ['open', 'offered', 'matched'];
const PAST_PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** The signed-in member (not withdrawn); anyone else gets 404. */
async function ownMember(c: AppContext): Promise<{ user: CurrentUser; member: MemberWithEmail }> {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member || member.withdrawn_at) throw notFound();
  return { user, member };
}

const todayOf = (c: AppContext) => tokyoDateOf(c.var.deps.clock.now());

function rulesView(settings: CenterSettings, today: string): RulesView {
  const table = selectFeeTable(settings.fees, today);
  return {
    ...settings.requests,
    infantMonths: settings.eligibility.infantMonths,
    infantMaxHours: settings.eligibility.infantMaxHours,
    fees: table
      ? {
          weekdayDay: table.rates.weekdayDay,
          weekdayOther: table.rates.weekdayOther,
          weekendHoliday: table.rates.weekendHoliday,
          yearEnd: table.rates.yearEnd,
          sickChild: table.rates.sickChild,
          dayStart: table.weekdayDayBand.start,
          dayEnd: table.weekdayDayBand.end,
          siblingPercent: Math.round(table.siblingFactor * 100),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// 援助の申し込み: GET/POST /requests/new

interface ChildRow {
  id: string;
  name: string;
  birth_date: string;
}

function childChoices(c: AppContext, children: ChildRow[]): ChildChoice[] {
  const today = todayOf(c);
  return children.map((ch) => ({
    id: ch.id,
    name: ch.name,
    age: ageText(c.var.t, ch.birth_date, today),
    // The same test createRequests applies (its own children of eligible age).
    eligible: childAgeStatus(ch.birth_date, today, 0) === 'eligible',
  }));
}

/** The rule codes of createRequests and the field each concerns (its short message sits there). */
const RULE_FIELD: Record<string, (typeof REQUEST_FORM_FIELDS)[number]> = {
  lead_time: 'date',
  past_start: 'date',
  overlapping_request: 'date',
  service_hours: 'startTime',
  infant_time_limit: 'endTime',
  too_many_children: 'childIds',
  child_not_eligible: 'childIds',
  no_occurrences: 'weekdays',
  too_many_occurrences: 'until',
};

interface RuleProblem {
  message: string;
  dates: string[];
  field?: string | undefined;
}

async function formPage(
  c: AppContext,
  member: MemberWithEmail,
  values: Form,
  errors: FormErrors,
  rule?: RuleProblem,
  status: 200 | 422 = 200,
) {
  const [settings, children] = await Promise.all([
    getCenterSettings(c.var.deps),
    listChildren(c.var.deps.db, member.id),
  ]);
  const today = todayOf(c);
  return render(
    c,
    <NewRequestPage
      ctx={viewContext(c)}
      childList={childChoices(c, children)}
      values={values}
      errors={errors}
      rule={rule}
      rules={rulesView(settings, today)}
      minDate={addDaysToDate(today, 1)}
    />,
    status,
  );
}

/** The form's answer on rule problems: the alert on top, a short message at the field. */
function ruleErrors(c: AppContext, code: string, message: string, dates: string[]) {
  const field = RULE_FIELD[code];
  const errors: FormErrors = {};
  if (field)
    errors[field] = c.var.t(isRuleFieldKey(code) ? `req.fieldRule.${code}` : 'error.title.422');
  return { errors, rule: { message, dates, field } };
}

const RULE_FIELD_KEYS = [
  'lead_time',
  'past_start',
  'overlapping_request',
  'service_hours',
  'infant_time_limit',
  'too_many_children',
  'child_not_eligible',
  'no_occurrences',
  'too_many_occurrences',
] as const;
const isRuleFieldKey = (code: string): code is (typeof RULE_FIELD_KEYS)[number] =>
  (RULE_FIELD_KEYS as readonly string[]).includes(code);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCATIONS = ['helper_home', 'requester_home', 'other'] as const;

/**
 * The flat form → createRequestBody. Field problems are named by the form's field names, so each
 * message sits next to its field; the date and times become `+09:00` ISO instants.
 */
function readRequestForm(
  c: AppContext,
  form: Form,
): { ok: true; input: CreateRequestInput } | { ok: false; errors: FormErrors } {
  const t = c.var.t;
  const errors: FormErrors = {};
  const blank = (name: string) => (form[name] ?? '').trim() === '';
  const childIds = Object.keys(form)
    .filter((k) => k.startsWith('childIds.') && form[k] === 'yes')
    .map((k) => k.slice('childIds.'.length));
  if (childIds.length === 0) errors.childIds = t('validation.children_required_request');

  const category = Number(form.category);
  if (!Number.isInteger(category) || category < 1 || category > 12)
    errors.category = t('req.error.category');

  const date = (form.date ?? '').trim();
  if (!date) errors.date = t('validation.required');
  else if (!isValidDateString(date)) errors.date = t('validation.date');
  const startTime = (form.startTime ?? '').trim();
  const endTime = (form.endTime ?? '').trim();
  for (const [name, value] of [
    ['startTime', startTime],
    ['endTime', endTime],
  ] as const) {
    if (!value) errors[name] = t('validation.required');
    else if (!TIME.test(value)) errors[name] = t('validation.time');
  }
  if (!errors.startTime && !errors.endTime && endTime <= startTime)
    errors.endTime = t('validation.end_after_start');

  const careLocation = form.careLocation ?? '';
  if (!(LOCATIONS as readonly string[]).includes(careLocation))
    errors.careLocation = t('validation.choice');
  if (careLocation === 'other' && blank('careLocationNote'))
    errors.careLocationNote = t('req.error.locationNote');

  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => form[`weekdays.${d}`] === 'yes');
  const until = (form.until ?? '').trim();
  if (weekdays.length > 0 && !until) errors.until = t('req.error.untilRequired');
  else if (until && !isValidDateString(until)) errors.until = t('validation.date');
  else if (until && weekdays.length === 0) errors.weekdays = t('req.error.weekdaysRequired');
  else if (until && !errors.date && until < date) errors.until = t('req.error.untilBeforeDate');

  if (Object.keys(errors).length) return { ok: false, errors };

  const parsed = createRequestBody.safeParse({
    childIds,
    category,
    startsAt: `${date}T${startTime}:00+09:00`,
    endsAt: `${date}T${endTime}:00+09:00`,
    careLocation,
    careLocationNote: form.careLocationNote,
    pickup: form.pickup,
    dropoff: form.dropoff,
    notes: form.notes,
    ...(weekdays.length
      ? { recurrence: { weekdays, until, skipHolidays: form.skipHolidays === 'yes' } }
      : {}),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldOf: Record<string, string> = {
    startsAt: 'date',
    endsAt: 'endTime',
    'recurrence.until': 'until',
    'recurrence.weekdays': 'weekdays',
  };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const name = fieldOf[path.join('.')] ?? path[0] ?? 'notes';
    const key = issue.code === 'too_big' ? 'validation.too_long' : issue.message;
    errors[name] ??= isMessageKey(key)
      ? t(key, { max: 'maximum' in issue ? Number(issue.maximum) : '' })
      : t('validation.invalid');
  }
  return { ok: false, errors };
}

/** In the form's order, so the error summary reads top to bottom. */
function inFormOrder(errors: FormErrors): FormErrors {
  const rank = (k: string) => {
    const i = (REQUEST_FORM_FIELDS as readonly string[]).indexOf(k);
    return i < 0 ? REQUEST_FORM_FIELDS.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The occurrences createRequests would create, as it expands them. */
function occurrencesOf(input: CreateRequestInput) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!input.recurrence) return [{ date: tokyoDateOf(startsAt), startsAt, endsAt }];
  return expandWeeklyPattern({
    weekdays: input.recurrence.weekdays,
    fromDate: tokyoDateOf(startsAt),
    toDate: input.recurrence.until,
    startTime: input.startsAt.slice(11, 16),
    endTime: input.endsAt.slice(11, 16),
    skipHolidays: input.recurrence.skipHolidays,
  });
}

/**
 * The rules a parent can be told before confirming: the same pure checks createRequests makes
 * (it checks them again, with the overlap and child checks, when the request is sent).
 */
function precheck(
  settings: CenterSettings,
  children: ChildRow[],
  input: CreateRequestInput,
  occurrences: ReturnType<typeof occurrencesOf>,
  now: Date,
): { code: string; dates: string[]; params?: Record<string, string | number> } | null {
  if (occurrences.length === 0) return { code: 'no_occurrences', dates: [] };
  if (occurrences.length > MAX_OCCURRENCES) return { code: 'too_many_occurrences', dates: [] };
  const birthDates = children
    .filter((ch) => input.childIds.includes(ch.id))
    .map((ch) => ch.birth_date);
  const rules = requestRulesOf(settings);
  for (const o of occurrences) {
    const code = checkRequestRules(
      { startsAt: o.startsAt, endsAt: o.endsAt, childBirthDates: birthDates },
      now,
      rules,
      true,
    );
    if (code)
      return {
        code,
        dates: occurrences.length > 1 ? [o.date] : [],
        params: requestRuleParams(rules),
      };
  }
  return null;
}

function feeEstimate(
  settings: CenterSettings,
  input: CreateRequestInput,
  occurrences: ReturnType<typeof occurrencesOf>,
): FeeEstimateView | null {
  const quotes = [];
  for (const o of occurrences) {
    const table = selectFeeTable(settings.fees, o.startsAt);
    if (!table) return null;
    const quote = quoteFee({
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      childCount: input.childIds.length,
      category: input.category,
      table,
    });
    quotes.push({ date: o.date, quote });
  }
  return {
    occurrences: quotes.map((q) => ({ date: q.date, total: q.quote.total })),
    childTotals: quotes[0]?.quote.childTotals ?? [],
    total: quotes.reduce((sum, q) => sum + q.quote.total, 0),
  };
}

requestPages.get('/requests/new', async (c) => {
  const { member } = await ownMember(c);
  if (member.requester_status === null || member.requester_status === 'withdrawn') throw notFound();
  if (member.requester_status !== 'active')
    return render(
      c,
      <RequesterNotActivePage ctx={viewContext(c)} status={member.requester_status} />,
    );
  const children = await listChildren(c.var.deps.db, member.id);
  const eligible = childChoices(c, children).filter((ch) => ch.eligible);
  const values: Form = { careLocation: 'helper_home', skipHolidays: 'yes' };
  // With one child there is nothing to choose.
  if (eligible.length === 1) values[`childIds.${eligible[0]!.id}`] = 'yes';
  return formPage(c, member, values, {});
});

requestPages.post('/requests/new', async (c) => {
  const { user, member } = await ownMember(c);
  if (member.requester_status !== 'active') throw notFound();
  const form = await readForm(c);
  const step = form.step;
  const values: Form = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'step'));
  if (step === 'edit') return formPage(c, member, values, {});

  const read = readRequestForm(c, form);
  if (!read.ok) return formPage(c, member, values, inFormOrder(read.errors), undefined, 422);
  const input = read.input;

  if (step !== 'submit') {
    // 確認: the same rules in advance, then the expected cost before anything is written.
    const [settings, children, paired] = await Promise.all([
      getCenterSettings(c.var.deps),
      listChildren(c.var.deps.db, member.id),
      hasAnyPairing(c.var.deps.db, member.id),
    ]);
    const occurrences = occurrencesOf(input);
    const problem = precheck(settings, children, input, occurrences, c.var.deps.clock.now());
    if (problem) {
      const message = ruleText(c.var.t, {
        code: problem.code,
        messageKey: `rule.${problem.code}`,
        params: problem.params,
      });
      const { errors, rule } = ruleErrors(c, problem.code, message, problem.dates);
      return formPage(c, member, values, errors, rule, 422);
    }
    const t = c.var.t;
    const today = todayOf(c);
    const chosen = children.filter((ch) => input.childIds.includes(ch.id));
    const table = selectFeeTable(settings.fees, today);
    return render(
      c,
      <ConfirmRequestPage
        ctx={viewContext(c)}
        values={values}
        childList={chosen.map((ch) => ({ name: ch.name, age: ageText(t, ch.birth_date, today) }))}
        category={categoryLabel(t, input.category)}
        when={whenText(
          t,
          c.var.locale,
          occurrences[0]!.startsAt.toISOString(),
          occurrences[0]!.endsAt.toISOString(),
        )}
        duration={durationText(t, input.startsAt, input.endsAt)}
        location={careLocationName(t, input.careLocation)}
        locationNote={input.careLocationNote}
        pickup={input.pickup}
        dropoff={input.dropoff}
        notes={input.notes}
        series={input.recurrence ?? null}
        fee={feeEstimate(settings, input, occurrences)}
        cancellation={{
          sameDayHours: table
            ? cancellationHours(table.cancellation.sameDayUnits, table.unitMinutes)
            : 1,
        }}
        firstTime={paired ? null : { days: settings.requests.firstRequestLeadDays }}
      />,
    );
  }

  let ids: string[];
  try {
    ids = await createRequests(c.var.deps, user, input, c.var.clientAddress);
  } catch (err) {
    if (err instanceof AppError && (err.status === 422 || err.status === 409)) {
      const { errors, rule } = ruleErrors(
        c,
        err.code,
        ruleText(c.var.t, err),
        err.fields?.occurrences ?? [],
      );
      return formPage(c, member, values, errors, rule, 422);
    }
    throw err;
  }
  if (ids.length > 1) {
    setFlash(c, 'req.createdSeries', { count: String(ids.length) });
    return c.redirect('/requests', 303);
  }
  setFlash(c, 'req.created');
  return c.redirect(`/requests/${ids[0]}`, 303);
});

// ---------------------------------------------------------------------------------------------
// 援助の申し込み一覧: GET /requests

requestPages.get('/requests', async (c) => {
  const user = requireUser(c);
  if (isStaff(user)) return c.redirect('/board', 303);
  const { member } = await ownMember(c);
  const db = c.var.deps.db;
  const nowIso = c.var.deps.clock.now().toISOString();
  const statusParam = c.req.query('status') ?? '';
  const status = (STATUS_FILTERS as string[]).includes(statusParam)
    ? (statusParam as RequestStatus)
    : undefined;
  const pastPage = Math.max(
    1,
    Math.min(10_000, Number.parseInt(c.req.query('pastPage') ?? '1', 10) || 1),
  );
  const isRequester = member.requester_status !== null;
  const isHelper = member.helper_status !== null;

  const [upcoming, past, assignments] = await Promise.all([
    isRequester ? listUpcomingRequests(db, member.id, nowIso, status) : Promise.resolve([]),
    isRequester
      ? listPastRequests(db, member.id, nowIso, {
          status,
          limit: PAST_PAGE_SIZE,
          offset: (pastPage - 1) * PAST_PAGE_SIZE,
        })
      : Promise.resolve({ items: [], total: 0 }),
    isHelper ? listUpcomingAssignments(db, member.id, nowIso) : Promise.resolve([]),
  ]);
  const all = [...upcoming, ...past.items];
  const [children, series] = await Promise.all([
    listRequestChildren(
      db,
      all.map((r) => r.id),
    ),
    listSeriesOfRequester(db, member.id, [
      ...new Set(upcoming.map((r) => r.series_id).filter((s): s is string => !!s)),
    ]),
  ]);
  const item = (r: (typeof all)[number]): RequestItemView => ({
    id: r.id,
    category: r.category,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    helperName: r.helper_name,
    childNames: children.filter((ch) => ch.request_id === r.id).map((ch) => ch.name),
    seriesId: r.series_id,
  });
  // A series is one entry, placed at its first upcoming occurrence.
  const entries: UpcomingEntry[] = [];
  const seriesEntry = new Map<string, Extract<UpcomingEntry, { kind: 'series' }>>();
  for (const r of upcoming) {
    const s = r.series_id ? series.find((x) => x.id === r.series_id) : undefined;
    if (!s) {
      entries.push({ kind: 'single', item: item(r) });
      continue;
    }
    let entry = seriesEntry.get(s.id);
    if (!entry) {
      entry = {
        kind: 'series',
        id: s.id,
        weekdays: parseWeekdays(s.weekdays),
        startTime: s.start_time,
        endTime: s.end_time,
        fromDate: s.from_date,
        toDate: s.to_date,
        items: [],
      };
      seriesEntry.set(s.id, entry);
      entries.push(entry);
    }
    entry.items.push(item(r));
  }
  return render(
    c,
    <RequestListPage
      ctx={viewContext(c)}
      isRequester={isRequester}
      isHelper={isHelper}
      status={status ?? ''}
      upcoming={entries}
      past={{
        items: past.items.map(item),
        page: pastPage,
        pages: Math.max(1, Math.ceil(past.total / PAST_PAGE_SIZE)),
        total: past.total,
      }}
      assignments={assignments.map((a) => ({
        id: a.id,
        category: a.category,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        familyName: a.requester_name,
        careLocation: a.care_location,
      }))}
    />,
  );
});

function parseWeekdays(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((d): d is number => typeof d === 'number') : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// One request: GET /requests/:id, and cancelling it

requestPages.get('/requests/:id', async (c) => {
  const user = requireUser(c);
  const id = c.req.param('id');
  if (isStaff(user)) return c.redirect(`/coordination/requests/${encodeURIComponent(id)}`, 303);
  const deps = c.var.deps;
  const { request: r, viewer } = await loadVisibleRequest(deps, user, id);
  if (viewer.kind === 'staff')
    return c.redirect(`/coordination/requests/${encodeURIComponent(id)}`, 303);
  const t = c.var.t;
  const today = todayOf(c);
  const now = deps.clock.now();
  const [children, settings, series, preMeeting, parent, offer] = await Promise.all([
    listRequestChildren(deps.db, [r.id]),
    getCenterSettings(deps),
    r.series_id ? findSeriesById(deps.db, r.series_id) : Promise.resolve(undefined),
    viewer.kind === 'offered' ? Promise.resolve(false) : preMeetingRequired(deps, r),
    viewer.kind === 'helper'
      ? findMemberById(deps.db, r.requester_member_id)
      : Promise.resolve(undefined),
    viewer.kind === 'offered'
      ? findOfferOfHelper(deps.db, r.id, viewer.member.id)
      : Promise.resolve(undefined),
  ]);
  const showNames = viewer.kind !== 'offered';
  const offerOpen =
    !!offer &&
    offer.status === 'offered' &&
    offer.expires_at > now.toISOString() &&
    (r.status === 'open' || r.status === 'offered');
  return render(
    c,
    <RequestDetailPage
      ctx={viewContext(c)}
      mode={viewer.kind}
      request={{
        id: r.id,
        category: r.category,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        status: r.status,
        careLocation: r.care_location,
        careLocationNote: showNames ? r.care_location_note : null,
        pickup: showNames ? r.pickup : null,
        dropoff: showNames ? r.dropoff : null,
        notes: r.notes,
        area: areaName(settings.areas, r.requester_area, c.var.locale),
        createdAt: r.created_at,
        matchedAt: r.matched_at,
        cancelledAt: r.cancelled_at,
        cancelledByRole: r.cancelled_by_role,
        cancelReason: showNames ? r.cancel_reason : null,
        cancellationFee: viewer.kind === 'requester' ? r.cancellation_fee : null,
        helperName: showNames ? r.helper_name : null,
        wasMatched: r.matched_at !== null,
      }}
      childList={children.map((ch) => ({
        id: ch.id,
        name: showNames ? ch.name : null,
        age: ageText(t, ch.birth_date, today),
      }))}
      series={
        series
          ? {
              id: series.id,
              weekdays: parseWeekdays(series.weekdays),
              startTime: series.start_time,
              endTime: series.end_time,
              toDate: series.to_date,
            }
          : null
      }
      family={parent ? { name: parent.name, phone: parent.phone } : null}
      preMeetingRequired={preMeeting}
      canCancel={cancellable(r, now) && viewer.kind !== 'offered'}
      carAllowed={settings.requests.carTransportAllowed}
      maxSiblings={settings.requests.maxSiblings}
      offer={
        offer
          ? {
              id: offer.id,
              status: offerOpen ? 'offered' : offer.status === 'offered' ? 'expired' : offer.status,
              open: offerOpen,
              expiresAt: offer.expires_at,
              timeLeft: timeLeftText(t, Date.parse(offer.expires_at) - now.getTime()),
            }
          : null
      }
    />,
  );
});

/** A live request that has not ended yet can be cancelled from its page. */
const cancellable = (r: RequestRow, now: Date) =>
  LIVE.includes(r.status) && r.ends_at > now.toISOString();

/**
 * What cancelling now would cost, as cancelRequest will compute it: only a requester's
 * cancellation of a matched request on the day costs anything.
 */
async function previewCancellationFee(
  c: AppContext,
  r: RequestRow,
  role: 'requester' | 'helper',
): Promise<CancelPageProps['fee']> {
  if (r.status !== 'matched') return { amount: 0, rule: 'unmatched' };
  const deps = c.var.deps;
  const [settings, children] = await Promise.all([
    getCenterSettings(deps),
    listRequestChildren(deps.db, [r.id]),
  ]);
  const table = selectFeeTable(settings.fees, new Date(r.starts_at));
  if (!table) return { amount: 0, rule: 'not_charged' };
  const fee = cancellationFee({
    planned: {
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      childCount: Math.max(1, children.length),
      category: r.category,
    },
    cancelledAt: deps.clock.now(),
    cancelledBy: role,
    kind: 'cancel',
    table,
  });
  return { amount: fee.amount, rule: fee.rule };
}

async function loadCancellable(c: AppContext) {
  const user = requireUser(c);
  const id = c.req.param('id') ?? '';
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, id);
  if (viewer.kind !== 'requester' && viewer.kind !== 'helper') throw notFound();
  return { request, viewer, role: viewer.kind };
}

async function cancelPage(
  c: AppContext,
  r: RequestRow,
  role: 'requester' | 'helper',
  values: { reason?: string },
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  return render(
    c,
    <CancelRequestPage
      ctx={viewContext(c)}
      request={{
        id: r.id,
        category: r.category,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        matched: r.status === 'matched',
      }}
      role={role}
      fee={await previewCancellationFee(c, r, role)}
      values={values}
      errors={errors}
    />,
    status,
  );
}

requestPages.get('/requests/:id/cancel', async (c) => {
  if (isStaff(requireUser(c)))
    return c.redirect(`/coordination/requests/${encodeURIComponent(c.req.param('id'))}`, 303);
  const { request, role } = await loadCancellable(c);
  if (!cancellable(request, c.var.deps.clock.now())) {
    setFlash(c, 'req.cancel.notPossible');
    return c.redirect(`/requests/${request.id}`, 303);
  }
  return cancelPage(c, request, role, {}, {});
});

requestPages.post('/requests/:id/cancel', async (c) => {
  if (isStaff(requireUser(c))) throw notFound();
  const { request, viewer, role } = await loadCancellable(c);
  const form = await readForm(c);
  const parsed = cancelBody.safeParse({ reason: form.reason ?? '' });
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.code === 'too_big');
    return cancelPage(
      c,
      request,
      role,
      { reason: form.reason },
      {
        reason: tooLong
          ? c.var.t('validation.too_long', { max: 500 })
          : c.var.t('req.cancel.reasonRequired'),
      },
      422,
    );
  }
  try {
    const { fee } = await cancelRequest(
      c.var.deps,
      viewer,
      request,
      { reason: parsed.data.reason, kind: 'cancel' },
      c.var.clientAddress,
    );
    if (fee > 0) setFlash(c, 'req.cancel.doneWithFee', { fee: yen(fee, c.var.locale) });
    else setFlash(c, 'req.cancel.done');
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 409) throw err;
    setFlash(c, 'req.cancel.notPossible');
  }
  return c.redirect(`/requests/${request.id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// A child's details for the matched helper: GET /children/:id (audited)

requestPages.get('/children/:id', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const { child, parent } = await loadVisibleChild(deps, user, c.req.param('id'));
  // NOTE: health data (要配慮個人情報): every read by someone other than the parent is audited.
  await auditHealthReads(deps, user, parent, [child], c.var.clientAddress);
  const [contacts, pickups] = await Promise.all([
    listEmergencyContacts(deps.db, parent.id),
    listAuthorizedPickups(deps.db, parent.id),
  ]);
  const t = c.var.t;
  const backHref =
    parent.user_id === user.id
      ? '/my/children'
      : isStaff(user)
        ? `/members/${parent.id}`
        : '/requests';
  return render(
    c,
    <ChildDetailsPage
      ctx={viewContext(c)}
      child={{
        name: child.name,
        nameKana: child.name_kana,
        birthDate: child.birth_date,
        age: ageText(t, child.birth_date, todayOf(c)),
        sex: sexLabel(t, child.sex),
        school: child.school,
        allergies: child.allergies,
        healthNotes: child.health_notes,
        familyDoctor: child.family_doctor,
      }}
      parent={{ name: parent.name, phone: parent.phone }}
      contacts={contacts.map((x) => ({ name: x.name, relation: x.relation, phone: x.phone }))}
      pickups={pickups.map((x) => ({ name: x.name, relation: x.relation, phone: x.phone }))}
      backHref={backHref}
    />,
  );
});

// ---------------------------------------------------------------------------------------------
// 依頼の紹介: GET /offers, POST /offers/:id/accept, POST /offers/:id/decline

async function eligibilityOf(c: AppContext, member: MemberWithEmail): Promise<EligibilityView> {
  const deps = c.var.deps;
  const [q, curriculum] = await Promise.all([
    getQualifications(deps, member.id, todayOf(c)),
    loadCurriculum(deps),
  ]);
  if (q?.eligibleForMatching)
    return { eligible: true, reason: null, missing: [], sickChildCare: q.sickChildCare };
  const titles = new Map(
    curriculum.rows.map((m) => [m.code, c.var.locale === 'ja' ? m.title_ja : m.title_en]),
  );
  const reason: EligibilityView['reason'] =
    member.helper_status === 'applied'
      ? 'applied'
      : member.helper_status === 'suspended'
        ? 'suspended'
        : q?.status === 'in_training' || q?.status === 'lapsed'
          ? q.status
          : 'inactive';
  return {
    eligible: false,
    reason,
    missing: (q?.missing ?? []).map((code) => titles.get(code) ?? code),
    sickChildCare: false,
  };
}

async function offersPage(
  c: AppContext,
  member: MemberWithEmail,
  declineError?: { offerId: string; message: string; reason: string },
) {
  const deps = c.var.deps;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const t = c.var.t;
  const today = todayOf(c);
  const [rows, settings, eligibility] = await Promise.all([
    listOffersForHelper(deps.db, member.id),
    getCenterSettings(deps),
    eligibilityOf(c, member),
  ]);
  const ages = await listRequestChildAges(
    deps.db,
    rows.map((o) => o.request_id),
  );
  const isOpen = (o: (typeof rows)[number]) =>
    o.status === 'offered' &&
    o.expires_at > nowIso &&
    (o.request_status === 'open' || o.request_status === 'offered');
  const card = (o: (typeof rows)[number]): OfferCardView => ({
    id: o.id,
    requestId: o.request_id,
    startsAt: o.starts_at,
    endsAt: o.ends_at,
    category: o.category,
    area: areaName(settings.areas, o.requester_area, c.var.locale),
    childAges: ages
      .filter((a) => a.request_id === o.request_id)
      .map((a) => ageText(t, a.birth_date, today)),
    careLocation: o.care_location,
    // An offer past its expiry that the scheduler has not closed yet is shown as expired.
    status: isOpen(o) ? 'offered' : o.status === 'offered' ? 'expired' : o.status,
    expiresAt: o.expires_at,
    timeLeft: timeLeftText(t, Date.parse(o.expires_at) - now.getTime()),
  });
  const open = rows.filter(isOpen).map(card);
  const answered = rows
    .filter((o) => !isOpen(o))
    .sort((a, b) => (a.starts_at < b.starts_at ? 1 : -1))
    .slice(0, 50)
    .map(card);
  return render(
    c,
    <OffersPage
      ctx={viewContext(c)}
      eligibility={eligibility}
      open={open}
      answered={answered}
      declineError={declineError}
    />,
    declineError ? 422 : 200,
  );
}

requestPages.get('/offers', async (c) => {
  const member = await ownHelperMemberId(c.var.deps, requireUser(c));
  return offersPage(c, member);
});

requestPages.post('/offers/:id/accept', async (c) => {
  const user = requireUser(c);
  try {
    const { request } = await acceptOffer(c.var.deps, user, c.req.param('id'), c.var.clientAddress);
    setFlash(c, 'offers.acceptedFlash');
    return c.redirect(`/requests/${request.id}`, 303);
  } catch (err) {
    // Another helper was quicker, the offer expired or the family cancelled: say so kindly.
    if (err instanceof AppError && err.status === 409) {
      setFlash(c, isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict');
      return c.redirect('/offers', 303);
    }
    throw err;
  }
});

requestPages.post('/offers/:id/decline', async (c) => {
  const user = requireUser(c);
  const form = await readForm(c);
  const reason = (form.reason ?? '').trim();
  const parsed = declineBody.safeParse(reason ? { reason } : {});
  if (!parsed.success) {
    const member = await ownHelperMemberId(c.var.deps, user);
    return offersPage(c, member, {
      offerId: c.req.param('id'),
      message: c.var.t('validation.too_long', { max: 500 }),
      reason,
    });
  }
  try {
    await declineOffer(
      c.var.deps,
      user,
      c.req.param('id'),
      parsed.data.reason,
      c.var.clientAddress,
    );
    setFlash(c, 'offers.declinedFlash');
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 409) throw err;
    setFlash(c, 'offers.alreadyAnswered');
  }
  return c.redirect('/offers', 303);
});
