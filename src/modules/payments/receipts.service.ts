import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isValidMonth, monthOf, monthRange } from '../fees/statements.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import {
  findActivityById,
  listActivityCategories,
  listActivityChildren,
  listApprovedActivities,
  listChargedCancellations,
  type ActivityRow,
} from '../activities/activities.queries.js';
import { storedFeeOf } from '../activities/activities.json.js';
import { findMemberById } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import type { PaymentRow } from './payments.queries.js';
import {
  buildReceiptContent,
  receiptView,
  type ReceiptContent,
  type ReceiptLine,
  type ReceiptView,
} from './receipt-rules.js';
import {
  findReceipt,
  issueOrReprintReceipt,
  listReceivedPayments,
  listRequestHelpers,
  type ReceiptKey,
} from './receipts.queries.js';

/** The lines of approved activities whose payment the helper acknowledged. */
async function activityLines(
  deps: AppDeps,
  activities: ActivityRow[],
  payments: PaymentRow[] | Awaited<ReturnType<typeof listReceivedPayments>>,
): Promise<ReceiptLine[]> {
  const ids = activities.map((a) => a.id);
  const [children, categories] = await Promise.all([
    listActivityChildren(deps.db, ids),
    listActivityCategories(deps.db, ids),
  ]);
  const lines: ReceiptLine[] = [];
  for (const a of activities) {
    const p = payments.find((x) => x.activity_id === a.id);
    if (!p || p.status !== 'received' || !p.received_at) continue;
    const names = new Map(
      children.filter((c) => c.activity_id === a.id).map((c) => [c.id, c.name]),
    );
    lines.push({
      kind: 'activity',
      id: a.id,
      startedAt: a.started_at,
      endedAt: a.ended_at,
      categories: categories.filter((c) => c.activity_id === a.id).map((c) => c.category),
      children: storedFeeOf(a).childTotals.map((c) => ({
        name: names.get(c.childId ?? '') ?? '',
        amount: c.amount,
      })),
      fee: a.fee_total,
      transportCost: a.transport_cost,
      mealCost: a.meal_cost,
      due: a.fee_total + a.transport_cost + a.meal_cost,
      paidOn: p.paid_on,
      method: p.method,
      amountPaid: p.amount,
      helperName: a.helper_name,
      receivedAt: p.received_at,
    });
  }
  return lines;
}

async function issue(
  deps: AppDeps,
  user: CurrentUser,
  key: ReceiptKey,
  requesterId: string,
  content: ReceiptContent,
  clientAddress: string | undefined,
) {
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.atomic([
    issueOrReprintReceipt(deps.db, key, {
      id: newId(),
      fiscalYear: fiscalYearOf(tokyoDateOf(now)),
      requesterId,
      content: JSON.stringify(content),
      total: content.total,
      at,
      userId: user.id,
    }),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: user.id,
      action: 'receipt_printed',
      subjectType: key.kind === 'activity' ? 'activity' : 'member',
      subjectId: key.kind === 'activity' ? key.activityId : key.requesterId,
      clientAddress,
      details: key.kind === 'month' ? { month: key.month } : undefined,
    }),
  ]);
  const row = await findReceipt(deps.db, key);
  return receiptView(row!);
}

/** An activity's receipt (or none yet): the family and staff only; 404 for anyone else. */
export async function loadActivityReceipt(deps: AppDeps, user: CurrentUser, activityId: string) {
  const [activity, receipt] = await Promise.all([
    findActivityById(deps.db, activityId),
    findReceipt(deps.db, { kind: 'activity', activityId }),
  ]);
  if (!activity || !(isStaff(user) || activity.requester_user_id === user.id)) throw notFound();
  return { activity, receipt: receipt ? receiptView(receipt) : null };
}

/**
 * Prints the activity's receipt: issued (numbered) the first time, a reprint (再発行) after.
 * Only once the helper has acknowledged the payment.
 */
export async function printActivityReceipt(
  deps: AppDeps,
  user: CurrentUser,
  activity: ActivityRow,
  existing: ReceiptView | null,
  clientAddress?: string,
) {
  const key: ReceiptKey = { kind: 'activity', activityId: activity.id };
  if (existing)
    return issue(deps, user, key, activity.requester_member_id, existing.content, clientAddress);
  const payments = await listReceivedPayments(deps.db, activity.requester_member_id, {
    activityIds: [activity.id],
    requestIds: [],
  });
  const lines = await activityLines(deps, [activity], payments);
  if (lines.length === 0) throw conflict('receipt_not_received');
  const member = await findMemberById(deps.db, activity.requester_member_id);
  const content = buildReceiptContent({
    familyName: activity.requester_name,
    memberNo: member?.member_no ?? null,
    month: null,
    lines,
  });
  return issue(deps, user, key, activity.requester_member_id, content, clientAddress);
}

/** A family's receipt of a month (or none yet): the family and staff; 404 for anyone else. */
export async function loadMonthReceipt(
  deps: AppDeps,
  user: CurrentUser,
  memberId: string,
  month: string,
) {
  if (!isValidMonth(month)) throw notFound();
  const [member, receipt] = await Promise.all([
    findMemberById(deps.db, memberId),
    findReceipt(deps.db, { kind: 'month', requesterId: memberId, month }),
  ]);
  if (!member || !canViewMember(user, member) || member.requester_status === null) throw notFound();
  return { member, month, receipt: receipt ? receiptView(receipt) : null };
}

/**
 * Prints a family's receipt of a finished month: every approved activity and cancellation fee of
 * the month whose payment the helper acknowledged. Issued once with its number; reprints after.
 */
export async function printMonthReceipt(
  deps: AppDeps,
  user: CurrentUser,
  member: { id: string; name: string; member_no: number | null },
  month: string,
  existing: ReceiptView | null,
  clientAddress?: string,
) {
  const key: ReceiptKey = { kind: 'month', requesterId: member.id, month };
  if (existing) return issue(deps, user, key, member.id, existing.content, clientAddress);
  if (month >= monthOf(deps.clock.now())) throw conflict('receipt_month_not_over');
  const range = monthRange(month);
  const [activities, cancellations] = await Promise.all([
    listApprovedActivities(deps.db, { requesterId: member.id }, range),
    listChargedCancellations(deps.db, member.id, range),
  ]);
  const requestIds = cancellations.map((c) => c.id);
  const [payments, helpers] = await Promise.all([
    listReceivedPayments(deps.db, member.id, {
      activityIds: activities.map((a) => a.id),
      requestIds,
    }),
    listRequestHelpers(deps.db, requestIds),
  ]);
  const lines = await activityLines(deps, activities, payments);
  for (const c of cancellations) {
    const p = payments.find((x) => x.request_id === c.id);
    if (!p || !p.received_at) continue;
    lines.push({
      kind: 'cancellation',
      id: c.id,
      startedAt: c.starts_at,
      endedAt: null,
      categories: [],
      children: [],
      fee: c.cancellation_fee ?? 0,
      transportCost: 0,
      mealCost: 0,
      due: c.cancellation_fee ?? 0,
      paidOn: p.paid_on,
      method: p.method,
      amountPaid: p.amount,
      helperName: helpers.find((h) => h.id === c.id)?.name ?? '',
      receivedAt: p.received_at,
    });
  }
  if (lines.length === 0) throw conflict('receipt_nothing_received');
  const content = buildReceiptContent({
    familyName: member.name,
    memberNo: member.member_no,
    month,
    lines,
  });
  return issue(deps, user, key, member.id, content, clientAddress);
}
