import { z } from 'zod';
import type { AppContext } from '../../context.js';
import {
  emptyBody,
  idParam,
  jsonApi,
  jsonRequest,
  jsonResponse,
  listOf,
  operationsOf,
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
  type RecordPaymentInput,
} from './payments.service.js';
import { paymentInScope, scopedPayment } from './payment-scope.js';

const api = jsonApi();
/** Payments of approved activities and of cancellation fees (issue #18), as JSON. */
export const paymentsApi = api.router;

const op = operationsOf('payments');
const NOT_PAYABLE = ['payment_not_approved', 'payment_no_cancellation_fee'];
const paymentResponse = { 200: jsonResponse('The payment and what is due', paymentSchema) };

/** The payment as it stands after a write, read again. */
async function answer(c: AppContext, key: PaymentKey) {
  const { subject, payment } = await loadPaymentSubject(c.var.deps, c.var.user!, key);
  return toPaymentJson(paymentStatusOf(subject, payment));
}

type Subject = { kind: PaymentKey['kind']; what: string };
const ACTIVITY: Subject = { kind: 'activity', what: 'an approved activity (fee + costs)' };
const CANCELLATION: Subject = { kind: 'cancellation', what: 'a cancellation fee' };

// Route factories: each is used once per kind of subject with its path written out (the error
// code test reads the paths from the source).
const getRoute = (path: string, s: Subject) =>
  op('signed-in', `get ${path}`, {
    summary: `The payment of ${s.what} (its helper, its family, staff): what is due, what was recorded, whether the helper acknowledged it`,
    scope: paymentInScope(s.kind),
    request: { params: idParam },
    responses: paymentResponse,
  });

const recordRoute = (path: string, s: Subject) =>
  op('signed-in', `post ${path}`, {
    summary: `Record (or correct) that ${s.what} was paid: date, method, amount. By the helper it counts as received; by the family or staff the helper is asked to acknowledge it. Only staff change a payment the helper acknowledged`,
    errors: {
      409: [...NOT_PAYABLE, 'payment_already_received'],
      422: ['paid_in_future', 'payment_over_due'],
    },
    scope: paymentInScope(s.kind),
    request: { params: idParam, body: jsonRequest(recordPaymentBody) },
    responses: paymentResponse,
  });

const receiveRoute = (path: string, s: Subject) =>
  op('member', `post ${path}`, {
    summary: `The helper acknowledges she received the payment of ${s.what} (one tap): a recorded payment becomes received; with none recorded, the amount due in cash today is recorded as received`,
    errors: { 409: [...NOT_PAYABLE, 'payment_already_received'] },
    scope: paymentInScope(s.kind),
    request: { params: idParam, body: jsonRequest(emptyBody) },
    responses: paymentResponse,
  });

const disputeRoute = (path: string, s: Subject) =>
  op('member', `post ${path}`, {
    summary: `The helper says the payment of ${s.what} did not arrive as recorded, with the reason; the family and staff are told`,
    errors: { 409: ['payment_not_disputable'] },
    scope: paymentInScope(s.kind),
    request: { params: idParam, body: jsonRequest(paymentDisputeBody) },
    responses: paymentResponse,
  });

function current(c: AppContext) {
  const { subject, payment } = scopedPayment(c);
  return toPaymentJson(paymentStatusOf(subject, payment));
}
async function record(c: AppContext, input: RecordPaymentInput) {
  const { subject, viewer } = scopedPayment(c);
  await recordPayment(c.var.deps, viewer, subject, input, c.var.clientAddress);
  return answer(c, subject.key);
}
async function receive(c: AppContext) {
  const { subject, viewer } = scopedPayment(c);
  await confirmReceipt(c.var.deps, viewer, subject, c.var.clientAddress);
  return answer(c, subject.key);
}
async function dispute(c: AppContext, reason: string) {
  const { subject, viewer } = scopedPayment(c);
  await disputePayment(c.var.deps, viewer, subject, reason, c.var.clientAddress);
  return answer(c, subject.key);
}

api.openapi(getRoute('/activities/{id}/payment', ACTIVITY), (c) => current(c));
api.openapi(recordRoute('/activities/{id}/payment', ACTIVITY), (c) =>
  record(c, c.req.valid('json')),
);
api.openapi(receiveRoute('/activities/{id}/payment/received', ACTIVITY), (c) => receive(c));
api.openapi(disputeRoute('/activities/{id}/payment/dispute', ACTIVITY), (c) =>
  dispute(c, c.req.valid('json').reason),
);
api.openapi(getRoute('/requests/{id}/cancellation-payment', CANCELLATION), (c) => current(c));
api.openapi(recordRoute('/requests/{id}/cancellation-payment', CANCELLATION), (c) =>
  record(c, c.req.valid('json')),
);
api.openapi(receiveRoute('/requests/{id}/cancellation-payment/received', CANCELLATION), (c) =>
  receive(c),
);
api.openapi(disputeRoute('/requests/{id}/cancellation-payment/dispute', CANCELLATION), (c) =>
  dispute(c, c.req.valid('json').reason),
);

const outstandingRoute = op('staff', 'get /payments/outstanding', {
  summary:
    'Amounts of earlier months (back 12 months) still unpaid, disputed or short: approved activities and cancellation fees, oldest first',
  responses: {
    200: jsonResponse(
      'The outstanding amounts',
      listOf(outstandingSchema).extend({ totalOutstanding: z.number().int() }),
    ),
  },
});
api.openapi(outstandingRoute, async (c) => {
  const items = (await loadOutstanding(c.var.deps)).map(toOutstandingJson);
  const totalOutstanding = items.reduce((a, i) => a + i.outstanding, 0);
  return { ...wholeList(items), totalOutstanding };
});
