import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, safeNextPath, setFlash } from '../../http/render.js';
import { guardedValue } from '../../http/guarded.js';
import { staffOnly } from '../../http/validate.js';
import { UUID } from '../../http/paths.js';
import { formatYen, tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import {
  RequestPage,
  type CandidateItem,
  type RequestForm,
} from '../../../views/pages/coordination/request.js';
import { ageInMonths } from '../members/member-rules.js';
import { formatMemberNo } from '../members/members.json.js';
import { findRequestById, type RequestRow } from '../requests/requests.queries.js';
import { cancelRequest } from '../requests/requests.service.js';
import { askedSet } from './board.service.js';
import { failureMessage, isDomainFailure } from './domain-failure.js';
import {
  assignForm,
  offerTopForm,
  offersForm,
  preMeetingForm,
  preMeetingValues,
  staffCancelForm,
} from './coordination-form.js';
import {
  assertPreMeetingPair,
  assignHelper,
  loadCoordinationRequest,
  offerToHelpers,
  offerToTopCandidates,
  recordRequestPreMeeting,
} from './coordination.service.js';

/**
 * One request for staff (/coordination/requests/:id): details, ranked candidates, offers,
 * pre-meeting, cancellation. Every decision is the domain's (coordination.service,
 * cancelRequest); a 409/422 it answers re-renders the page with the rule's message by its form.
 */
export const coordinationPages = new Hono<AppEnv>();

const REQUEST = `/coordination/requests/:id{${UUID}}`;

const pathRequest = guardedValue<RequestRow>('requestOfPath');
const requestOf = pathRequest.of;

/** The request of the path (404 when there is none), loaded before any form is read. */
const requestOfPath = createMiddleware<AppEnv>(async (c, next) => {
  const request = await findRequestById(c.var.deps.db, c.req.param('id') ?? '');
  if (!request) throw notFound();
  pathRequest.set(c, request);
  await next();
});

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
  const showAll = options.showAll ?? false;
  const selected = new Set(options.selected ?? []);
  const loaded = await loadCoordinationRequest(c.var.deps, request, { showAll, selected });
  const { now, offers, ranking, contacts } = loaded;
  const nowIso = now.toISOString();
  const offerOf = new Map(offers.map((o) => [o.helper_member_id, o.status]));
  const rankOf = new Map(ranking?.candidates.map((x, i) => [x.helperId, i + 1]) ?? []);
  const asked = askedSet(offers);

  const requester = contacts.get(request.requester_member_id);
  const helper = request.helper_member_id ? contacts.get(request.helper_member_id) : undefined;
  const candidateItems: CandidateItem[] = loaded.shown.map((x) => ({
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

  return renderPage(
    c,
    RequestPage,
    {
      nowIso,
      today: tokyoDateOf(now),
      areas: loaded.settings.areas,
      request: {
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
        sickCare: request.programme === 'sick',
      },
      childList: loaded.children.map((ch) => ({
        name: ch.name,
        ageMonths: ageInMonths(ch.birth_date, loaded.requestDate),
      })),
      series: loaded.series.map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        status: s.status,
      })),
      offers: offers.map((o) => ({
        helperId: o.helper_member_id,
        helperName: o.helper_name,
        status: o.status,
        offeredAt: o.offered_at,
        expiresAt: o.expires_at,
        respondedAt: o.responded_at,
        declineReason: o.decline_reason,
      })),
      candidates: ranking
        ? {
            items: candidateItems,
            total: ranking.candidates.length,
            fresh: ranking.candidates.filter((x) => !asked.has(x.helperId)).length,
            showAll,
          }
        : null,
      excluded,
      canOffer: loaded.canOffer,
      preMeeting: loaded.preMeeting,
      staffName: staff.name,
      failure: options.failure,
      values: options.values,
      errors: options.errors,
    },
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

const listOfNames = (c: AppContext, names: string[]) =>
  names.join(c.var.locale === 'ja' ? '、' : ', ');

coordinationPages.get(REQUEST, staffOnly, requestOfPath, async (c) =>
  renderRequestPage(c, requireStaff(c), requestOf(c), { showAll: c.req.query('all') === '1' }),
);

/** The staff forms on the request's page: the staff member and the request of the path. */
const requestForm = formPosts(coordinationPages, [staffOnly, requestOfPath], (c) => ({
  staff: requireStaff(c),
  request: requestOf(c),
}));

/**
 * Runs a staff action on the request (it sets its flash): refused by the domain, the page again
 * with the message by `form`; else 303 to `to`, by default the request's page.
 */
async function actOnRequest(
  c: AppContext,
  staff: CurrentUser,
  request: RequestRow,
  on: Omit<RenderOptions, 'status' | 'failure'> & { form: RequestForm; to?: string },
  action: () => Promise<void>,
): Promise<Response> {
  const { form, to, ...options } = on;
  try {
    await action();
  } catch (err) {
    return renderFailure(c, staff, request.id, err, form, options);
  }
  return c.redirect(to ?? `/coordination/requests/${request.id}`, 303);
}

/** The offers and the assignment cannot be invalid: whatever is wrong with them, the domain says. */
requestForm(
  `${REQUEST}/offers`,
  offersForm,
  acceptsAnyForm,
  (c, { staff, request }, { helperIds }) =>
    actOnRequest(c, staff, request, { form: 'offers', selected: helperIds }, async () => {
      const names = await offerToHelpers(
        c.var.deps,
        staff,
        request,
        helperIds,
        c.var.clientAddress,
      );
      setFlash(c, 'coord.flash.offered', {
        count: String(helperIds.length),
        names: listOfNames(c, names),
      });
    }),
);

/** 「上位3人に紹介」 (board or page). */
requestForm(`${REQUEST}/offer-top`, offerTopForm, acceptsAnyForm, (c, { staff, request }, form) => {
  const next = safeNextPath(form.next);
  const to = next === '/' ? undefined : next;
  return actOnRequest(c, staff, request, { form: 'top', to }, async () => {
    const chosen = await offerToTopCandidates(c.var.deps, staff, request, c.var.clientAddress);
    setFlash(c, 'coord.flash.offered', {
      count: String(chosen.length),
      names: listOfNames(
        c,
        chosen.map((x) => x.name),
      ),
    });
  });
});

requestForm(
  `${REQUEST}/assign`,
  assignForm,
  acceptsAnyForm,
  (c, { staff, request }, { helperId }) =>
    actOnRequest(c, staff, request, { form: 'assign' }, async () => {
      const updated = await assignHelper(c.var.deps, staff, request, helperId, c.var.clientAddress);
      setFlash(c, 'coord.flash.assigned', { name: updated.helper_name ?? '' });
    }),
);

requestForm(
  `${REQUEST}/pre-meeting`,
  preMeetingForm,
  (c, errors, posted) => {
    const staff = requireStaff(c);
    const request = requestOf(c);
    const values = preMeetingValues(posted);
    try {
      // A request without a pair says so first, whatever else is wrong with the form.
      assertPreMeetingPair(request);
    } catch (err) {
      return renderFailure(c, staff, request.id, err, 'preMeeting', { values });
    }
    return renderRequestPage(c, staff, request, { status: 422, values, errors });
  },
  (c, { staff, request }, fields) => {
    const values = preMeetingValues({
      ...fields,
      agreedDetails: fields.agreedDetails ?? '',
      notes: fields.notes ?? '',
    });
    return actOnRequest(c, staff, request, { form: 'preMeeting', values }, async () => {
      await recordRequestPreMeeting(c.var.deps, staff, request, fields, c.var.clientAddress);
      setFlash(c, 'coord.flash.preMeeting');
    });
  },
);

requestForm(
  `${REQUEST}/cancel`,
  staffCancelForm,
  (c, errors, posted) =>
    renderRequestPage(c, requireStaff(c), requestOf(c), {
      status: 422,
      values: { reason: posted.reason ?? '', kind: posted.kind || 'cancel' },
      errors,
      failure: { form: 'cancel', message: Object.values(errors)[0] ?? '' },
    }),
  (c, { staff, request }, input) => {
    const values = { reason: input.reason, kind: input.kind };
    return actOnRequest(c, staff, request, { form: 'cancel', values }, async () => {
      const { fee } = await cancelRequest(
        c.var.deps,
        { kind: 'staff', user: staff },
        request,
        input,
        c.var.clientAddress,
      );
      setFlash(c, 'coord.flash.cancelled', { fee: formatYen(fee, c.var.locale) });
    });
  },
);
