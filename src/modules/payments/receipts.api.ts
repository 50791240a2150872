import { z } from 'zod';
import {
  emptyBody,
  jsonApi,
  jsonRequest,
  jsonResponse,
  operationsOf,
  responseOf,
} from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { PAYMENT_METHODS } from './payment-rules.js';
import type { ReceiptView } from './receipt-rules.js';
import {
  loadActivityReceipt,
  loadMonthReceipt,
  printActivityReceipt,
  printMonthReceipt,
} from './receipts.service.js';

const api = jsonApi();
/** Receipts (領収書) as JSON (issue #18). */
export const receiptsApi = api.router;
const op = operationsOf('payments');

export function toReceiptJson(r: ReceiptView) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    issuedAt: toTokyoIso(r.issuedAt),
    lastPrintedAt: toTokyoIso(r.lastPrintedAt),
    printCount: r.printCount,
    reissue: r.printCount > 1,
    familyName: r.content.familyName,
    memberNo: r.content.memberNo,
    month: r.content.month,
    total: r.content.total,
    lines: r.content.lines.map((l) => ({
      ...l,
      startedAt: toTokyoIso(l.startedAt),
      endedAt: l.endedAt ? toTokyoIso(l.endedAt) : null,
      receivedAt: toTokyoIso(l.receivedAt),
    })),
  };
}

const receiptSchema = responseOf<ReturnType<typeof toReceiptJson>>()(
  z.object({
    id: z.string(),
    number: z.string().describe('per fiscal year of issue, e.g. 2026-000001'),
    kind: z.enum(['activity', 'month']),
    issuedAt: z.string(),
    lastPrintedAt: z.string(),
    printCount: z.number().int(),
    reissue: z.boolean().describe('printed more than once: marked 再発行'),
    familyName: z.string(),
    memberNo: z.number().int().nullable(),
    month: z.string().nullable(),
    total: z.number().int().describe('yen received'),
    lines: z.array(
      z.object({
        kind: z.enum(['activity', 'cancellation']),
        id: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        categories: z.array(z.number().int()),
        children: z.array(z.object({ name: z.string(), amount: z.number().int() })),
        fee: z.number().int(),
        transportCost: z.number().int(),
        mealCost: z.number().int(),
        due: z.number().int(),
        paidOn: z.string(),
        method: z.enum(PAYMENT_METHODS),
        amountPaid: z.number().int(),
        helperName: z.string(),
        receivedAt: z.string().describe('when the helper acknowledged receipt'),
      }),
    ),
  }),
);
const maybeReceipt = {
  200: jsonResponse(
    'The receipt, or null before it is issued',
    z.object({ receipt: receiptSchema.nullable() }),
  ),
};
const printed = {
  200: jsonResponse('The receipt as printed', z.object({ receipt: receiptSchema })),
};
const monthParams = z.object({ id: z.string(), month: z.string() });

const activityGet = op('signed-in', 'get /activities/{id}/receipt', {
  summary: 'The receipt of an activity (its family, staff), or null before it is issued',
  responses: maybeReceipt,
});
api.openapi(activityGet, async (c, user) => {
  const { receipt } = await loadActivityReceipt(c.var.deps, user, c.req.valid('param').id);
  return { receipt: receipt && toReceiptJson(receipt) };
});

const activityPrint = op('signed-in', 'post /activities/{id}/receipt', {
  summary:
    'Print the receipt of an activity whose payment the helper acknowledged: numbered the first time; the same receipt marked 再発行 after',
  errors: { 409: ['receipt_not_received'] },
  body: emptyBody,
  responses: printed,
});
api.openapi(activityPrint, async (c, user) => {
  const { activity, receipt } = await loadActivityReceipt(
    c.var.deps,
    user,
    c.req.valid('param').id,
  );
  const r = await printActivityReceipt(c.var.deps, user, activity, receipt, c.var.clientAddress);
  return { receipt: toReceiptJson(r) };
});

const monthGet = op('signed-in', 'get /members/{id}/receipts/{month}', {
  summary: 'A family’s receipt of a month (the family, staff), or null before it is issued',
  request: { params: monthParams },
  responses: maybeReceipt,
});
api.openapi(monthGet, async (c, user) => {
  const { id, month } = c.req.valid('param');
  const { receipt } = await loadMonthReceipt(c.var.deps, user, id, month);
  return { receipt: receipt && toReceiptJson(receipt) };
});

const monthPrint = op('signed-in', 'post /members/{id}/receipts/{month}', {
  summary:
    'Print a family’s receipt of a finished month (every acknowledged payment of its approved activities and cancellation fees): numbered the first time; the same receipt marked 再発行 after',
  errors: { 409: ['receipt_month_not_over', 'receipt_nothing_received'] },
  request: { params: monthParams, body: jsonRequest(emptyBody) },
  responses: printed,
});
api.openapi(monthPrint, async (c, user) => {
  const { id, month } = c.req.valid('param');
  const loaded = await loadMonthReceipt(c.var.deps, user, id, month);
  const r = await printMonthReceipt(
    c.var.deps,
    user,
    loaded.member,
    loaded.month,
    loaded.receipt,
    c.var.clientAddress,
  );
  return { receipt: toReceiptJson(r) };
});
