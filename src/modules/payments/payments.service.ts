import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import { notify } from '../notifications/notifications.service.js';
import { formatWhen } from '../requests/requests.service.js';
import { notifyUsersAndStaff } from '../requests/staff-notices.service.js';
import {
  activityAmountDue,
  isOutstanding,
  outstandingWindow,
  paidOnRule,
  paymentState,
  type PaymentMethodCode,
} from './payment-rules.js';
import {
  disputePaymentRow,
  findActivitySubject,
  findCancellationSubject,
  findPayment,
  listOutstanding,
  receivePayment,
  upsertPayment,
  type PaymentKey,
  type PaymentRow,
} from './payments.queries.js';

/** An approved activity or a charged cancellation, seen as something a family pays. */
export interface PaymentSubject {
  key: PaymentKey;
  /** The activity's actual start, or the cancelled request's planned start. */
  date: string;
  due: number;
  /** Approved (an activity) or cancelled with a fee (a request): only then is it paid. */
  payable: boolean;
  requesterMemberId: string;
  requesterUserId: string;
  requesterName: string;
  helperMemberId: string;
  helperUserId: string;
  helperName: string;
}

export type PaymentViewer = { kind: 'staff' | 'helper' | 'requester'; user: CurrentUser };

/** Where a payment's page lives: the activity, or the cancellation's payment page. */
export const paymentLink = (key: PaymentKey) =>
  key.kind === 'activity' ? `/activities/${key.id}#payment` : `/payments/cancellations/${key.id}`;

async function findSubject(deps: AppDeps, key: PaymentKey): Promise<PaymentSubject | undefined> {
  const row =
    key.kind === 'activity'
      ? await findActivitySubject(deps.db, key.id)
      : await findCancellationSubject(deps.db, key.id);
  if (!row) return undefined;
  const due = Number(row.due);
  return {
    key,
    date: row.date,
    due,
    payable:
      key.kind === 'activity' ? row.status === 'approved' : row.status === 'cancelled' && due > 0,
    requesterMemberId: row.requester_member_id,
    requesterUserId: row.requester_user_id,
    requesterName: row.requester_name,
    helperMemberId: row.helper_member_id!,
    helperUserId: row.helper_user_id,
    helperName: row.helper_name,
  };
}

/**
 * The subject and its payment for this user: its helper, its family and staff; 404 for anyone
 * else (authorization against the actual activity or request, before anything else).
 */
export async function loadPaymentSubject(deps: AppDeps, user: CurrentUser, key: PaymentKey) {
  const [subject, payment] = await Promise.all([findSubject(deps, key), findPayment(deps.db, key)]);
  if (!subject) throw notFound();
  const viewer = viewerOf(user, subject);
  return { subject, viewer, payment };
}

export function viewerOf(user: CurrentUser, subject: PaymentSubject): PaymentViewer {
  if (isStaff(user)) return { kind: 'staff', user };
  if (subject.helperUserId === user.id) return { kind: 'helper', user };
  if (subject.requesterUserId === user.id) return { kind: 'requester', user };
  throw notFound();
}

function assertPayable(subject: PaymentSubject) {
  if (subject.payable) return;
  throw subject.key.kind === 'activity'
    ? conflict('payment_not_approved')
    : conflict('payment_no_cancellation_fee');
}

const audit = (
  deps: AppDeps,
  viewer: PaymentViewer,
  subject: PaymentSubject,
  action: string,
  at: Date,
  clientAddress: string | undefined,
  details?: Record<string, unknown>,
) =>
  buildAuditIfPreviousChanged(deps.db, {
    at,
    actorUserId: viewer.user.id,
    action,
    subjectType: subject.key.kind === 'activity' ? 'activity' : 'care_request',
    subjectId: subject.key.id,
    clientAddress,
    details,
  });

export interface RecordPaymentInput {
  paidOn: string;
  method: PaymentMethodCode;
  amount: number;
}

/**
 * The family, the helper or staff record that an amount was paid. Recorded by the helper it is
 * received at once; otherwise the helper is asked to acknowledge it. A family or helper may
 * correct a payment until the helper has acknowledged it; staff may correct any.
 */
export async function recordPayment(
  deps: AppDeps,
  viewer: PaymentViewer,
  subject: PaymentSubject,
  input: RecordPaymentInput,
  clientAddress?: string,
) {
  assertPayable(subject);
  const now = deps.clock.now();
  const broken = paidOnRule(input.paidOn, now);
  if (broken) throw unprocessable(broken);
  if (input.amount > subject.due) throw unprocessable('payment_over_due');
  const at = now.toISOString();
  const received = viewer.kind === 'helper';
  const [write] = await deps.atomic([
    upsertPayment(
      deps.db,
      subject.key,
      {
        id: newId(),
        requester_member_id: subject.requesterMemberId,
        helper_member_id: subject.helperMemberId,
        amount: input.amount,
        paid_on: input.paidOn,
        method: input.method,
        status: received ? 'received' : 'recorded',
        recorded_by_user_id: viewer.user.id,
        recorded_by_role: viewer.kind,
        recorded_at: at,
        received_at: received ? at : null,
        dispute_reason: null,
        updated_at: at,
      },
      viewer.kind === 'staff' ? ['recorded', 'received', 'disputed'] : ['recorded', 'disputed'],
    ),
    audit(deps, viewer, subject, 'payment_recorded', now, clientAddress, {
      amount: input.amount,
      method: input.method,
      paidOn: input.paidOn,
    }),
  ]);
  if (!write || write.numAffectedRows === 0) throw conflict('payment_already_received');
  if (!received)
    await notify(deps, {
      userId: subject.helperUserId,
      kind: 'payment_recorded',
      params: { when: formatWhen(subject.date), amount: input.amount },
      link: paymentLink(subject.key),
      email: false,
    });
}

/**
 * The helper's one tap: "I received it". A payment the family recorded becomes received; with
 * none recorded, the amount due in cash today is recorded as received.
 */
export async function confirmReceipt(
  deps: AppDeps,
  viewer: PaymentViewer,
  subject: PaymentSubject,
  clientAddress?: string,
) {
  if (viewer.kind !== 'helper') throw forbidden();
  assertPayable(subject);
  const now = deps.clock.now();
  const at = now.toISOString();
  const [write] = await deps.atomic([
    receivePayment(deps.db, subject.key, {
      id: newId(),
      requester_member_id: subject.requesterMemberId,
      helper_member_id: subject.helperMemberId,
      amount: subject.due,
      paid_on: tokyoDateOf(now),
      method: 'cash',
      status: 'received',
      recorded_by_user_id: viewer.user.id,
      recorded_by_role: 'helper',
      recorded_at: at,
      received_at: at,
      dispute_reason: null,
      updated_at: at,
    }),
    audit(deps, viewer, subject, 'payment_received', now, clientAddress),
  ]);
  if (!write || write.numAffectedRows === 0) throw conflict('payment_already_received');
}

/** The helper says a recorded payment did not arrive as recorded; the family and staff are told. */
export async function disputePayment(
  deps: AppDeps,
  viewer: PaymentViewer,
  subject: PaymentSubject,
  reason: string,
  clientAddress?: string,
) {
  if (viewer.kind !== 'helper') throw forbidden();
  const now = deps.clock.now();
  const [write] = await deps.atomic([
    disputePaymentRow(deps.db, subject.key, reason, now.toISOString()),
    audit(deps, viewer, subject, 'payment_disputed', now, clientAddress, { reason }),
  ]);
  if (!write || write.numAffectedRows === 0) throw conflict('payment_not_disputable');
  await notifyUsersAndStaff(deps, [subject.requesterUserId], {
    kind: 'payment_disputed',
    params: { when: formatWhen(subject.date), helper: subject.helperName },
    link: paymentLink(subject.key),
  });
}

/** A payment as the pages and the API show it, with where it stands against the amount due. */
export function paymentStatusOf(subject: PaymentSubject, payment: PaymentRow | undefined) {
  return {
    key: subject.key,
    due: subject.due,
    payable: subject.payable,
    state: paymentState(subject.due, payment),
    payment: payment ?? null,
  };
}
export type PaymentStatus = ReturnType<typeof paymentStatusOf>;

/**
 * Staff's list: amounts of months before this one (back OUTSTANDING_LOOKBACK_MONTHS) that are
 * unpaid, disputed or short.
 */
export async function loadOutstanding(deps: AppDeps) {
  const window = outstandingWindow(deps.clock.now());
  const rows = await listOutstanding(deps.db, window);
  return rows
    .map((r) => {
      const due = Number(r.due);
      const state = paymentState(
        due,
        r.payment_status ? { amount: r.payment_amount!, status: r.payment_status } : null,
      );
      // What is still owed: the difference when short; all of it when unpaid or disputed.
      const outstanding = state === 'short' ? due - r.payment_amount! : due;
      return { ...r, due, state, outstanding };
    })
    .filter((r) => isOutstanding(r.state));
}
export type OutstandingItem = Awaited<ReturnType<typeof loadOutstanding>>[number];

/** The payment of an activity already loaded (its page): one read, of the payment only. */
export async function loadActivityPayment(
  deps: AppDeps,
  a: {
    id: string;
    status: string;
    started_at: string;
    fee_total: number;
    transport_cost: number;
    meal_cost: number;
    requester_member_id: string;
    requester_user_id: string;
    requester_name: string;
    helper_member_id: string;
    helper_user_id: string;
    helper_name: string;
  },
) {
  const key: PaymentKey = { kind: 'activity', id: a.id };
  const subject: PaymentSubject = {
    key,
    date: a.started_at,
    due: activityAmountDue({
      feeTotal: a.fee_total,
      transportCost: a.transport_cost,
      mealCost: a.meal_cost,
    }),
    payable: a.status === 'approved',
    requesterMemberId: a.requester_member_id,
    requesterUserId: a.requester_user_id,
    requesterName: a.requester_name,
    helperMemberId: a.helper_member_id,
    helperUserId: a.helper_user_id,
    helperName: a.helper_name,
  };
  return paymentStatusOf(subject, await findPayment(deps.db, key));
}
