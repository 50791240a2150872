import { z } from 'zod';
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

// The response schemas of the serializers above (the API contract; see lib/openapi.ts).
const instant = z.string().describe('ISO-8601 with +09:00');
export const requestStatus = z.enum(['open', 'offered', 'matched', 'completed', 'cancelled']);

export const requestJson = z.object({
  id: z.string(),
  requesterId: z.string(),
  requesterName: z.string().nullable().describe('null for a helper who was only offered it'),
  area: z.string().nullable(),
  seriesId: z.string().nullable(),
  category: z.number().int().min(1).max(12),
  startsAt: instant,
  endsAt: instant,
  careLocation: z.enum(['helper_home', 'requester_home', 'other']),
  careLocationNote: z.string().nullable(),
  pickup: z.string().nullable(),
  dropoff: z.string().nullable(),
  notes: z.string().nullable(),
  status: requestStatus,
  helperId: z.string().nullable(),
  helperName: z.string().nullable(),
  childIds: z.array(z.string()),
  children: z.array(
    z.object({ id: z.string(), name: z.string().nullable(), birthDate: z.string() }),
  ),
  matchedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelledBy: z.enum(['requester', 'helper', 'staff']).nullable(),
  cancellationFee: z.number().int().nullable(),
  preMeetingRequired: z.boolean(),
});

export const offerJson = z.object({
  id: z.string(),
  requestId: z.string(),
  helperId: z.string(),
  status: z.enum(['offered', 'accepted', 'declined', 'closed', 'expired', 'withdrawn']),
  offeredAt: instant,
  expiresAt: instant,
  respondedAt: instant.nullable(),
  declineReason: z.string().nullable(),
});
