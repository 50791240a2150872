import type { Translator } from '../../lib/i18n.js';
import type { ReportRequestInfo } from '../../../views/pages/activities/report-form.js';
import { presentFeeLines, type StoredFee } from '../fees/fee-lines.js';
import type { MinimumCharge } from '../fees/fees.js';
import type { RequestRow } from '../requests/requests.queries.js';

/**
 * What the activity pages show of a fee: its lines in the reader's language, per child, and the
 * minimum charge when it is what priced the activity.
 */
export function feeView(
  t: Translator,
  fee: StoredFee,
  children: { id: string; name: string }[],
  minimum: MinimumCharge | null = null,
) {
  const nameOf = (id: string | null) => children.find((ch) => ch.id === id)?.name ?? '';
  return {
    minimum,
    total: fee.total,
    lines: presentFeeLines(t, fee.lines),
    childTotals: fee.childTotals.map((ct) => ({ name: nameOf(ct.childId), amount: ct.amount })),
  };
}

/** The request a report form is about, as its heading shows it. */
export function reportRequestInfo(t: Translator, request: RequestRow): ReportRequestInfo {
  return {
    id: request.id,
    requesterName: request.requester_name,
    plannedStartsAt: request.starts_at,
    plannedEndsAt: request.ends_at,
    category: request.category,
    programme: request.programme !== null,
    place: request.care_location_note ?? t(`activities.careLocation.${request.care_location}`),
  };
}
