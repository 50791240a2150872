import { toTokyoIso } from '../../lib/dates.js';
import type { Offer } from '../../../db/schema.js';
import type { RequestRow } from './requests.queries.js';

export interface RequestChildRow {
  request_id: string;
  id: string;
  name: string;
  birth_date: string;
}

/**
 * The Request of API.md. Helpers who have only been offered the request see no names: the
 * family's identity is shared once the helper accepts.
 */
export function toRequestJson(
  r: RequestRow,
  children: RequestChildRow[],
  options: { preMeetingRequired: boolean; showNames: boolean },
) {
  const own = children.filter((c) => c.request_id === r.id);
  return {
    id: r.id,
    requesterId: r.requester_member_id,
    requesterName: options.showNames ? r.requester_name : null,
    area: r.requester_area,
    seriesId: r.series_id,
    category: r.category,
    startsAt: toTokyoIso(r.starts_at),
    endsAt: toTokyoIso(r.ends_at),
    careLocation: r.care_location,
    careLocationNote: options.showNames ? r.care_location_note : null,
    pickup: options.showNames ? r.pickup : null,
    dropoff: options.showNames ? r.dropoff : null,
    notes: r.notes,
    status: r.status,
    helperId: r.helper_member_id,
    helperName: options.showNames ? r.helper_name : null,
    childIds: own.map((c) => c.id),
    children: own.map((c) => ({
      id: c.id,
      name: options.showNames ? c.name : null,
      birthDate: c.birth_date,
    })),
    matchedAt: r.matched_at ? toTokyoIso(r.matched_at) : null,
    cancelledAt: r.cancelled_at ? toTokyoIso(r.cancelled_at) : null,
    cancelledBy: r.cancelled_by_role,
    cancellationFee: r.cancellation_fee,
    preMeetingRequired: options.preMeetingRequired,
  };
}

export function toOfferJson(o: Offer) {
  return {
    id: o.id,
    requestId: o.request_id,
    helperId: o.helper_member_id,
    status: o.status,
    offeredAt: toTokyoIso(o.offered_at),
    expiresAt: toTokyoIso(o.expires_at),
    respondedAt: o.responded_at ? toTokyoIso(o.responded_at) : null,
    declineReason: o.decline_reason,
  };
}
