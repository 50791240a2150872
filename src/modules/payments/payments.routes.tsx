import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, signedIn } from '../../http/validate.js';
import { formatDateTime, tokyoDateOf } from '../../lib/dates.js';
import {
  OutstandingPage,
  PaymentPage,
  type PaymentPageProps,
} from '../../../views/pages/payments/payment.js';
import { toOutstandingJson, toPaymentJson } from './payments.json.js';
import { receiptPages } from './receipts.routes.js';
import type { PaymentKey } from './payments.queries.js';
import { paymentDisputeForm, paymentForm } from './payments.schemas.js';
import {
  confirmReceipt,
  disputePayment,
  loadOutstanding,
  loadPaymentSubject,
  paymentStatusOf,
  recordPayment,
} from './payments.service.js';

/** Pages of payments: a subject's payment page and forms, and staff's outstanding list. */
export const paymentPages = new Hono<AppEnv>();

async function renderPaymentPage(
  c: AppContext,
  key: PaymentKey,
  extra: Pick<PaymentPageProps, 'form' | 'errors' | 'values'> = {},
  status: 200 | 422 = 200,
) {
  const { subject, viewer, payment } = await loadPaymentSubject(c.var.deps, requireUser(c), key);
  const t = c.var.t;
  return renderPage(
    c,
    PaymentPage,
    {
      viewer: viewer.kind,
      view: toPaymentJson(paymentStatusOf(subject, payment)),
      subject: {
        title: t(`payments.kind.${key.kind}`),
        when: formatDateTime(subject.date, c.var.locale),
        requesterName: subject.requesterName,
        helperName: subject.helperName,
        backHref: key.kind === 'activity' ? `/activities/${key.id}` : `/requests/${key.id}`,
      },
      today: tokyoDateOf(c.var.deps.clock.now()),
      ...extra,
    },
    status,
  );
}

/** The page and the three forms of one kind of subject under `path` (`:id` its id). */
function paymentPageRoutes(kind: PaymentKey['kind'], path: string) {
  const keyOf = (c: AppContext): PaymentKey => ({ kind, id: c.req.param('id') ?? '' });
  const rerender =
    (form: 'record' | 'dispute') =>
    (c: AppContext, errors: Record<string, string>, values: Record<string, string>) =>
      renderPaymentPage(c, keyOf(c), { form, errors, values }, 422);

  paymentPages.get(path, (c) => renderPaymentPage(c, keyOf(c)));

  paymentPages.post(path, signedIn, formBody(paymentForm, rerender('record')), async (c) => {
    const { subject, viewer } = await loadPaymentSubject(c.var.deps, requireUser(c), keyOf(c));
    await recordPayment(c.var.deps, viewer, subject, c.req.valid('form'), c.var.clientAddress);
    setFlash(c, 'payments.flash.recorded');
    return c.redirect(path.replace(':id', subject.key.id), 303);
  });

  paymentPages.post(`${path}/received`, signedIn, async (c) => {
    const { subject, viewer } = await loadPaymentSubject(c.var.deps, requireUser(c), keyOf(c));
    await confirmReceipt(c.var.deps, viewer, subject, c.var.clientAddress);
    setFlash(c, 'payments.flash.received');
    // Back where the tap was made: the activity (or the cancellation's payment page).
    return c.redirect(
      kind === 'activity' ? `/activities/${subject.key.id}` : path.replace(':id', subject.key.id),
      303,
    );
  });

  paymentPages.post(
    `${path}/dispute`,
    signedIn,
    formBody(paymentDisputeForm, rerender('dispute')),
    async (c) => {
      const { subject, viewer } = await loadPaymentSubject(c.var.deps, requireUser(c), keyOf(c));
      await disputePayment(
        c.var.deps,
        viewer,
        subject,
        c.req.valid('form').reason,
        c.var.clientAddress,
      );
      setFlash(c, 'payments.flash.disputed');
      return c.redirect(path.replace(':id', subject.key.id), 303);
    },
  );
}

paymentPageRoutes('activity', '/activities/:id/payment');
paymentPageRoutes('cancellation', '/requests/:id/cancellation-payment');

paymentPages.get('/payments/outstanding', async (c) => {
  requireStaff(c);
  const items = (await loadOutstanding(c.var.deps)).map(toOutstandingJson);
  return renderPage(c, OutstandingPage, { items });
});

paymentPages.route('/', receiptPages);
