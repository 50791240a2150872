import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppEnv } from '../../context.js';
import { renderPage } from '../../http/render.js';
import { pageCountOf } from '../../lib/paging.js';
import { areaName } from '../../i18n/area-labels.js';
import type { RequestStatus } from '../../../db/schema.js';
import { sexLabel } from '../../../views/pages/members/labels.js';
import { ChildDetailsPage } from '../../../views/pages/requests/child-details.js';
import { ageText, timeLeftText } from '../../../views/pages/requests/request-text.js';
import { RequestDetailPage } from '../../../views/pages/requests/request-detail.js';
import {
  RequestListPage,
  STATUS_FILTERS,
  type RequestItemView,
  type UpcomingEntry,
} from '../../../views/pages/requests/request-list.js';
import { ownMember, parseWeekdays, todayOf } from './request-pages.js';
import {
  isCancellable,
  loadMyRequests,
  loadRequestDetails,
  PAST_PAGE_SIZE,
  readChildDetails,
} from './request-pages.service.js';

/**
 * A member's requests: her list (援助の申し込み一覧) and one request's page, as its requester,
 * its helper or a helper it was offered to; and a child's details for the matched helper.
 * Staff work on /board and /coordination/*.
 */
export const myRequestPages = new Hono<AppEnv>();

// ---------------------------------------------------------------------------------------------
// 援助の申し込み一覧: GET /requests

myRequestPages.get('/requests', async (c) => {
  const user = requireUser(c);
  if (isStaff(user)) return c.redirect('/board', 303);
  const { member } = ownMember(c);
  const statusParam = c.req.query('status') ?? '';
  const status = (STATUS_FILTERS as string[]).includes(statusParam)
    ? (statusParam as RequestStatus)
    : undefined;
  const pastPage = Math.max(
    1,
    Math.min(10_000, Number.parseInt(c.req.query('pastPage') ?? '1', 10) || 1),
  );
  const { isRequester, isHelper, upcoming, past, assignments, children, series } =
    await loadMyRequests(c.var.deps, member, { status, pastPage });
  const item = (r: (typeof upcoming)[number]): RequestItemView => ({
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
  return renderPage(c, RequestListPage, {
    isRequester,
    isHelper,
    status: status ?? '',
    upcoming: entries,
    past: {
      items: past.items.map(item),
      page: pastPage,
      pages: pageCountOf(past.total, PAST_PAGE_SIZE),
      total: past.total,
    },
    assignments: assignments.map((a) => ({
      id: a.id,
      category: a.category,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      familyName: a.requester_name,
      careLocation: a.care_location,
    })),
  });
});

// ---------------------------------------------------------------------------------------------
// One request: GET /requests/:id

myRequestPages.get('/requests/:id', async (c) => {
  const user = requireUser(c);
  const id = c.req.param('id');
  if (isStaff(user)) return c.redirect(`/coordination/requests/${encodeURIComponent(id)}`, 303);
  const details = await loadRequestDetails(c.var.deps, user, id);
  if (details.staff) return c.redirect(`/coordination/requests/${encodeURIComponent(id)}`, 303);
  const { request: r, viewer, children, settings, series, preMeeting, parent, offer } = details;
  const t = c.var.t;
  const today = todayOf(c);
  const now = c.var.deps.clock.now();
  // The access policy decided the viewer: `offered` (an offer, open or not, or a match that
  // ended or whose helper side is suspended) sees only what an offer needs.
  const showNames = viewer.kind !== 'offered';
  const offerOpen =
    !!offer &&
    offer.status === 'offered' &&
    offer.expires_at > now.toISOString() &&
    (r.status === 'open' || r.status === 'offered');
  return renderPage(c, RequestDetailPage, {
    mode: viewer.kind,
    request: {
      id: r.id,
      category: r.category,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      // Between its start and the next run of the job that closes it, a request nobody took
      // already reads as unfilled: never "still searching" for a time that has passed.
      status:
        (r.status === 'open' || r.status === 'offered') && r.starts_at <= now.toISOString()
          ? 'unfilled'
          : r.status,
      careLocation: r.care_location,
      careLocationNote: showNames ? r.care_location_note : null,
      pickup: showNames ? r.pickup : null,
      dropoff: showNames ? r.dropoff : null,
      notes: showNames ? r.notes : null,
      area: areaName(settings.areas, r.requester_area, c.var.locale),
      createdAt: r.created_at,
      matchedAt: r.matched_at,
      cancelledAt: r.cancelled_at,
      cancelledByRole: r.cancelled_by_role,
      cancelReason: showNames ? r.cancel_reason : null,
      cancellationFee: viewer.kind === 'requester' ? r.cancellation_fee : null,
      helperName: showNames ? r.helper_name : null,
      wasMatched: r.matched_at !== null,
      // The sick-child record is the family's and the matched helper's (issue #20).
      sickCare: r.programme === 'sick' && showNames,
    },
    childList: children.map((ch) => ({
      id: ch.id,
      name: showNames ? ch.name : null,
      age: ageText(t, ch.birth_date, today),
    })),
    series: series
      ? {
          id: series.id,
          weekdays: parseWeekdays(series.weekdays),
          startTime: series.start_time,
          endTime: series.end_time,
          toDate: series.to_date,
        }
      : null,
    family: parent ? { name: parent.name, phone: parent.phone } : null,
    preMeetingRequired: preMeeting,
    canCancel: isCancellable(r, now) && viewer.kind !== 'offered',
    carAllowed: settings.requests.carTransportAllowed,
    handoverTo: settings.requests.handoverTo,
    maxSiblings: settings.requests.maxSiblings,
    offer: offer
      ? {
          id: offer.id,
          status: offerOpen ? 'offered' : offer.status === 'offered' ? 'expired' : offer.status,
          open: offerOpen,
          expiresAt: offer.expires_at,
          timeLeft: timeLeftText(t, Date.parse(offer.expires_at) - now.getTime()),
        }
      : null,
  });
});

// ---------------------------------------------------------------------------------------------
// A child's details for the matched helper: GET /children/:id (audited)

myRequestPages.get('/children/:id', async (c) => {
  const user = requireUser(c);
  const { child, parent, contacts, pickups } = await readChildDetails(
    c.var.deps,
    user,
    c.req.param('id'),
    c.var.clientAddress,
  );
  const t = c.var.t;
  const backHref =
    parent.user_id === user.id
      ? '/my/children'
      : isStaff(user)
        ? `/members/${parent.id}`
        : '/requests';
  return renderPage(c, ChildDetailsPage, {
    child: {
      name: child.name,
      nameKana: child.name_kana,
      birthDate: child.birth_date,
      age: ageText(t, child.birth_date, todayOf(c)),
      sex: sexLabel(t, child.sex),
      school: child.school,
      allergies: child.allergies,
      healthNotes: child.health_notes,
      familyDoctor: child.family_doctor,
    },
    parent: { name: parent.name, phone: parent.phone },
    contacts: contacts.map((x) => ({ name: x.name, relation: x.relation, phone: x.phone })),
    pickups: pickups.map((x) => ({ name: x.name, relation: x.relation, phone: x.phone })),
    backHref,
  });
});
