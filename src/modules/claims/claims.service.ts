import type { AppDeps } from '../../context.js';
import { storedFeeOf } from '../activities/activities.json.js';
import {
  listActivityCategories,
  listActivityChildren,
  listApprovedActivities,
} from '../activities/activities.queries.js';
import { monthRange } from '../fees/statements.js';
import { activityAmountDue, paymentState } from '../payments/payment-rules.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { buildMonthlyClaim, type MonthlyClaim } from '../subsidies/claim-rules.js';
import { listCertifications, listEligibility } from '../subsidies/eligibility.queries.js';
import { listFeeCancellations, listPaymentsOf } from './claims.queries.js';

/**
 * A family's monthly claim (issue #18 point 5): its approved activities and cancellation fees of
 * the month, whether the helper acknowledged each payment in full, the household's eligibility
 * and 無償化 certifications, and the subsidy rules, through the pure claim rules.
 */
export async function computeMonthlyClaim(
  deps: AppDeps,
  memberId: string,
  month: string,
): Promise<MonthlyClaim> {
  const range = monthRange(month);
  const [activities, cancellations, eligibility, certifications, settings] = await Promise.all([
    listApprovedActivities(deps.db, { requesterId: memberId }, range),
    listFeeCancellations(deps.db, memberId, range),
    listEligibility(deps.db, memberId),
    listCertifications(deps.db, memberId),
    getCenterSettings(deps),
  ]);
  const ids = activities.map((a) => a.id);
  const [children, categories, payments] = await Promise.all([
    listActivityChildren(deps.db, ids),
    listActivityCategories(deps.db, ids),
    listPaymentsOf(
      deps.db,
      ids,
      cancellations.map((c) => c.id),
    ),
  ]);
  const paid = (due: number, subject: { activity_id?: string; request_id?: string }) => {
    const payment = payments.find((p) =>
      subject.activity_id
        ? p.activity_id === subject.activity_id
        : p.request_id === subject.request_id,
    );
    return paymentState(due, payment) === 'received';
  };
  const known = new Map(children.map((c) => [c.id, c]));
  return buildMonthlyClaim({
    month,
    rules: settings.subsidies,
    children: [...known.values()].map((c) => ({ id: c.id, name: c.name, birthDate: c.birth_date })),
    eligibility,
    certifications: certifications.map((c) => ({
      ...c,
      childId: c.child_id,
      taxExempt: c.tax_exempt === 1,
    })),
    activities: activities.map((a) => ({
      id: a.id,
      startedAt: a.started_at,
      endedAt: a.ended_at,
      categories: categories.filter((c) => c.activity_id === a.id).map((c) => c.category),
      transportCost: a.transport_cost,
      mealCost: a.meal_cost,
      childTotals: storedFeeOf(a).childTotals,
      paid: paid(
        activityAmountDue({
          feeTotal: a.fee_total,
          transportCost: a.transport_cost,
          mealCost: a.meal_cost,
        }),
        { activity_id: a.id },
      ),
    })),
    cancellations: cancellations.map((c) => ({
      requestId: c.id,
      startsAt: c.starts_at,
      endsAt: c.ends_at,
      amount: c.cancellation_fee ?? 0,
      paid: paid(c.cancellation_fee ?? 0, { request_id: c.id }),
    })),
  });
}
