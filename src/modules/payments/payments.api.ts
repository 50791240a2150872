import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext } from '../../context.js';
import {
  apiRoute,
  apiRouter,
  emptyBody,
  idParam,
  jsonRequest,
  jsonResponse,
  listOf,
  wholeList,
} from '../../http/api-route.js';
import {
  outstandingSchema,
  paymentSchema,
  toOutstandingJson,
  toPaymentJson,
} from './payments.json.js';
import type { PaymentKey } from './payments.queries.js';
import { paymentDisputeBody, recordPaymentBody } from './payments.schemas.js';
import {
  confirmReceipt,
  disputePayment,
  loadOutstanding,
  loadPaymentSubject,
  paymentStatusOf,
  recordPayment,
} from './payments.service.js';
import { paymentInScope, scopedPayment } from './payment-scope.js';

/** Payments of approved activities and of cancellation fees (issue #18), as JSON. */
export const paymentsApi = apiRouter();

const TAG = 'payments';
const NOT_PAYABLE = ['payment_not_approved', 'payment_no_cancellation_fee'];
const paymentResponse = { 200: jsonResponse('The payment and what is due', paymentSchema) };

/** The payment as it stands after a write, read again. */
async function answer(c: AppContext, key: PaymentKey) {
  const { subject, payment } = await loadPaymentSubject(c.var.deps, c.var.user!, key);
  return toPaymentJson(paymentStatusOf(subject, payment));
}

/** The four operations of one kind of subject, under `base` (its path up to `/payment`). */
function paymentOperations(kind: PaymentKey['kind'], base: string, what: string) {
  const scope = paymentInScope(kind);
  const path = `${base}/{id}/${kind === 'activity' ? 'payment' : 'cancellation-payment'}`;

  const getRoute = apiRoute(
    {
      tag: TAG,
      access: 'signed-in',
      summary: `The payment of ${what} (its helper, its family, staff): what is due, what was recorded, whether the helper acknowledged it`,
    },
    { method: 'get', path, request: { params: idParam }, responses: paymentResponse },
    scope,
  );
  paymentsApi.openapi(getRoute, (c) => {
    const { subject, payment } = scopedPayment(c);
    return c.json(toPaymentJson(paymentStatusOf(subject, payment)), 200);
  });

  const recordRoute = apiRoute(
    {
      tag: TAG,
      access: 'signed-in',
      summary: `Record (or correct) that ${what} was paid: date, method, amount. By the helper it counts as received; by the family or staff the helper is asked to acknowledge it. Only staff change a payment the helper acknowledged`,
      errors: {
        409: [...NOT_PAYABLE, 'payment_already_received'],
        422: ['paid_in_future', 'payment_over_due'],
      },
    },
    {
      method: 'post',
      path,
      request: { params: idParam, body: jsonRequest(recordPaymentBody) },
      responses: paymentResponse,
    },
    scope,
  );
  paymentsApi.openapi(recordRoute, async (c) => {
    const { subject, viewer } = scopedPayment(c);
    await recordPayment(c.var.deps, viewer, subject, c.req.valid('json'), c.var.clientAddress);
    return c.json(await answer(c, subject.key), 200);
  });

  const receiveRoute = apiRoute(
    {
      tag: TAG,
      access: 'member',
      summary: `The helper acknowledges she received the payment of ${what} (one tap): a recorded payment becomes received; with none recorded, the amount due in cash today is recorded as received`,
      errors: { 409: [...NOT_PAYABLE, 'payment_already_received'] },
    },
    {
      method: 'post',
      path: `${path}/received`,
      request: { params: idParam, body: jsonRequest(emptyBody) },
      responses: paymentResponse,
    },
    scope,
  );
  paymentsApi.openapi(receiveRoute, async (c) => {
    const { subject, viewer } = scopedPayment(c);
    await confirmReceipt(c.var.deps, viewer, subject, c.var.clientAddress);
    return c.json(await answer(c, subject.key), 200);
  });

  const disputeRoute = apiRoute(
    {
      tag: TAG,
      access: 'member',
      summary: `The helper says the payment of ${what} did not arrive as recorded, with the reason; the family and staff are told`,
      errors: { 409: ['payment_not_disputable'] },
    },
    {
      method: 'post',
      path: `${path}/dispute`,
      request: { params: idParam, body: jsonRequest(paymentDisputeBody) },
      responses: paymentResponse,
    },
    scope,
  );
  paymentsApi.openapi(disputeRoute, async (c) => {
    const { subject, viewer } = scopedPayment(c);
    const { reason } = c.req.valid('json');
    await disputePayment(c.var.deps, viewer, subject, reason, c.var.clientAddress);
    return c.json(await answer(c, subject.key), 200);
  });
}

paymentOperations('activity', '/activities', 'an approved activity (fee + costs)');
paymentOperations('cancellation', '/requests', 'a cancellation fee');

const outstandingRoute = apiRoute(
  {
    tag: TAG,
    access: 'staff',
    summary:
      'Amounts of earlier months (back 12 months) still unpaid, disputed or short: approved activities and cancellation fees, oldest first',
  },
  {
    method: 'get',
    path: '/payments/outstanding',
    responses: {
      200: jsonResponse(
        'The outstanding amounts',
        listOf(outstandingSchema).extend({ totalOutstanding: z.number().int() }),
      ),
    },
  },
);
paymentsApi.openapi(outstandingRoute, async (c) => {
  requireStaff(c);
  const items = (await loadOutstanding(c.var.deps)).map(toOutstandingJson);
  const totalOutstanding = items.reduce((a, i) => a + i.outstanding, 0);
  return c.json({ ...wholeList(items), totalOutstanding }, 200);
});
