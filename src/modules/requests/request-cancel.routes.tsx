import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { guardedValue } from '../../http/guarded.js';
import { formBody } from '../../http/validate.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { CancelRequestPage } from '../../../views/pages/requests/cancel.js';
import { yen } from '../../../views/format.js';
import { memberCancelForm } from './request-form.js';
import { isCancellable } from './request-pages.service.js';
import type { RequestRow } from './requests.queries.js';
import {
  cancelRequest,
  loadVisibleRequest,
  quoteCancellation,
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

async function cancelPage(
  c: AppContext,
  r: RequestRow,
  role: Party['kind'],
  values: { reason?: string | undefined },
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const fee = await quoteCancellation(c.var.deps, r, role, 'cancel', c.var.deps.clock.now());
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
      fee={fee}
      values={values}
      errors={errors}
    />,
    status,
  );
}

requestCancelPages.get(
  '/requests/:id/cancel',
  async (c, next) => {
    if (isStaff(requireUser(c)))
      return c.redirect(`/coordination/requests/${encodeURIComponent(c.req.param('id'))}`, 303);
    await next();
  },
  partyToRequest,
  async (c) => {
    const { request, party } = loaded(c);
    if (!isCancellable(request, c.var.deps.clock.now())) {
      setFlash(c, 'req.cancel.notPossible');
      return c.redirect(`/requests/${request.id}`, 303);
    }
    return cancelPage(c, request, party.kind, {}, {});
  },
);

requestCancelPages.post(
  '/requests/:id/cancel',
  async (c, next) => {
    if (isStaff(requireUser(c))) throw notFound();
    await next();
  },
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
