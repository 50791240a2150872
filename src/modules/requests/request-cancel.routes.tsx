import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { guardedValue } from '../../http/guarded.js';
import { formBody } from '../../http/validate.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { CancelRequestPage } from '../../../views/pages/requests/cancel.js';
import { CancelSeriesPage } from '../../../views/pages/requests/cancel-series.js';
import { yen } from '../../../views/format.js';
import { memberCancelForm } from './request-form.js';
import { isCancellable } from './request-pages.service.js';
import type { RequestRow } from './requests.queries.js';
import {
  cancelRequest,
  cancelSeriesFrom,
  loadVisibleRequest,
  quoteCancellation,
  quoteSeriesCancellation,
  type RequestViewer,
} from './requests.service.js';

/**
 * Cancelling one's request (the requester) or assignment (the helper), after seeing what it would
 * cost: GET/POST /requests/:id/cancel. Staff cancel on the coordination page.
 */
export const requestCancelPages = new Hono<AppEnv>();

type Party = RequestViewer & { kind: 'requester' | 'helper' };
const cancelling = guardedValue<{ request: RequestRow; party: Party }>('partyToRequest');
const loaded = cancelling.of;

/** The request's requester or helper (anyone else: 404), before the form is read. */
const partyToRequest = createMiddleware<AppEnv>(async (c, next) => {
  const user = requireUser(c);
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.param('id') ?? '');
  if (viewer.kind !== 'requester' && viewer.kind !== 'helper') throw notFound();
  cancelling.set(c, { request, party: { ...viewer, kind: viewer.kind } });
  await next();
});

/** Staff cancel on the coordination page: the cancel pages send them there… */
const staffToCoordination = createMiddleware<AppEnv>(async (c, next) => {
  if (isStaff(requireUser(c)))
    return c.redirect(`/coordination/requests/${encodeURIComponent(c.req.param('id') ?? '')}`, 303);
  await next();
});

/** …and the cancel forms are not theirs. */
const notStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (isStaff(requireUser(c))) throw notFound();
  await next();
});

async function cancelPage(
  c: AppContext,
  r: RequestRow,
  role: Party['kind'],
  values: { reason?: string | undefined },
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const fee = await quoteCancellation(c.var.deps, r, role, 'cancel', c.var.deps.clock.now());
  return renderPage(
    c,
    CancelRequestPage,
    {
      request: {
        id: r.id,
        category: r.category,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        matched: r.status === 'matched',
      },
      role,
      fee,
      values,
      errors,
    },
    status,
  );
}

requestCancelPages.get('/requests/:id/cancel', staffToCoordination, partyToRequest, async (c) => {
  const { request, party } = loaded(c);
  if (!isCancellable(request, c.var.deps.clock.now())) {
    setFlash(c, 'req.cancel.notPossible');
    return c.redirect(`/requests/${request.id}`, 303);
  }
  return cancelPage(c, request, party.kind, {}, {});
});

requestCancelPages.post(
  '/requests/:id/cancel',
  notStaff,
  partyToRequest,
  formBody(memberCancelForm, (c, errors, values) => {
    const { request, party } = loaded(c);
    return cancelPage(c, request, party.kind, { reason: values.reason }, errors, 422);
  }),
  async (c) => {
    const { request, party } = loaded(c);
    const { reason } = c.req.valid('form');
    try {
      const { fee } = await cancelRequest(
        c.var.deps,
        party,
        request,
        { reason, kind: 'cancel' },
        c.var.clientAddress,
      );
      if (fee > 0) setFlash(c, 'req.cancel.doneWithFee', { fee: yen(fee, c.var.locale) });
      else setFlash(c, 'req.cancel.done');
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      setFlash(c, 'req.cancel.notPossible');
    }
    return c.redirect(`/requests/${request.id}`, 303);
  },
);

// A series from one date onwards ------------------------------------------------------------

/** Only the family cancels its series; the helper cancels her own dates one by one. */
const requesterOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (loaded(c).party.kind !== 'requester') throw notFound();
  await next();
});

async function cancelSeriesPage(
  c: AppContext,
  r: RequestRow,
  values: { reason?: string | undefined },
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const occurrences = await quoteSeriesCancellation(c.var.deps, r);
  return renderPage(
    c,
    CancelSeriesPage,
    {
      requestId: r.id,
      occurrences: occurrences.map(({ row, fee }) => ({
        id: row.id,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        fee,
      })),
      values,
      errors,
    },
    status,
  );
}

requestCancelPages.get(
  '/requests/:id/cancel-series',
  staffToCoordination,
  partyToRequest,
  requesterOnly,
  async (c) => {
    const { request } = loaded(c);
    // A single request (or nothing left to cancel) has the one-date page.
    if (!request.series_id || !isCancellable(request, c.var.deps.clock.now()))
      return c.redirect(`/requests/${request.id}/cancel`, 303);
    return cancelSeriesPage(c, request, {}, {});
  },
);

requestCancelPages.post(
  '/requests/:id/cancel-series',
  notStaff,
  partyToRequest,
  requesterOnly,
  formBody(memberCancelForm, (c, errors, values) =>
    cancelSeriesPage(c, loaded(c).request, { reason: values.reason }, errors, 422),
  ),
  async (c) => {
    const { request, party } = loaded(c);
    if (!request.series_id) return c.redirect(`/requests/${request.id}/cancel`, 303);
    const { cancelled, fee } = await cancelSeriesFrom(
      c.var.deps,
      party,
      request,
      c.req.valid('form').reason,
      c.var.clientAddress,
    );
    if (cancelled === 0) setFlash(c, 'req.cancel.notPossible');
    else if (fee > 0)
      setFlash(c, 'req.cancelSeries.doneWithFee', {
        n: String(cancelled),
        fee: yen(fee, c.var.locale),
      });
    else setFlash(c, 'req.cancelSeries.done', { n: String(cancelled) });
    return c.redirect('/requests', 303);
  },
);
