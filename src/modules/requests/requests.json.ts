import { z } from 'zod';
import { instantJson } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { childAgesInYears } from '../access/child-access.policy.js';
import type { Offer } from '../../../db/schema.js';
import type { RequestRow } from './requests.queries.js';

export interface RequestChildRow {
  request_id: string;
  id: string;
  name: string;
  birth_date: string;
}

/**
 * The Request of API.md, as the access policy (access/child-access.policy.ts) lets its viewer
 * see it. `offer` access (a helper with an offer, open or not, or a match that ended or whose
 * helper side is suspended) gets only what an offer needs: the area, the date and times, the
 * category and each child's age in years; no names, birth dates, notes, places or private ids.
 */
export function toRequestJson(
  r: RequestRow,
  children: RequestChildRow[],
  options: { preMeetingRequired: boolean; access: 'full' | 'offer'; today: string },
) {
  const own = children.filter((c) => c.request_id === r.id);
  const full = options.access === 'full';
  const ages = childAgesInYears(
    own.map((c) => c.birth_date),
    options.today,
  );
  return {
    id: r.id,
    requesterId: full ? r.requester_member_id : null,
    requesterName: full ? r.requester_name : null,
    area: r.requester_area,
    seriesId: full ? r.series_id : null,
    category: r.category,
    // The programme kind is what an offered helper needs to know (a sick child, overnight care).
    programme: r.programme,
    startsAt: toTokyoIso(r.starts_at),
    endsAt: toTokyoIso(r.ends_at),
    careLocation: r.care_location,
    careLocationNote: full ? r.care_location_note : null,
    pickup: full ? r.pickup : null,
    dropoff: full ? r.dropoff : null,
    notes: full ? r.notes : null,
    status: r.status,
    helperId: full ? r.helper_member_id : null,
    helperName: full ? r.helper_name : null,
    childIds: full ? own.map((c) => c.id) : [],
    children: own.map((c, i) => ({
      id: full ? c.id : null,
      name: full ? c.name : null,
      birthDate: full ? c.birth_date : null,
      ageYears: ages[i]!,
    })),
    matchedAt: r.matched_at ? toTokyoIso(r.matched_at) : null,
    cancelledAt: r.cancelled_at ? toTokyoIso(r.cancelled_at) : null,
    cancelledBy: r.cancelled_by_role,
    cancellationFee: full ? r.cancellation_fee : null,
    preMeetingRequired: full && options.preMeetingRequired,
    needsNewHelper: r.helper_lost_at !== null && (r.status === 'open' || r.status === 'offered'),
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
export const requestStatus = z.enum([
  'open',
  'offered',
  'matched',
  'completed',
  'cancelled',
  'unfilled',
]);

export const requestJson = z.object({
  id: z.string(),
  requesterId: z.string().nullable().describe('null for a helper without a live match'),
  requesterName: z.string().nullable().describe('null for a helper without a live match'),
  area: z.string().nullable(),
  seriesId: z.string().nullable(),
  category: z.number().int().min(1).max(12),
  programme: z
    .enum(['sick', 'emergency'])
    .nullable()
    .describe('the sick-child and emergency programme; null for an ordinary request'),
  startsAt: instantJson,
  endsAt: instantJson,
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
    z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      birthDate: z.string().nullable(),
      ageYears: z.number().int().describe('completed years today'),
    }),
  ),
  matchedAt: instantJson.nullable(),
  cancelledAt: instantJson.nullable(),
  cancelledBy: z.enum(['requester', 'helper', 'staff']).nullable(),
  cancellationFee: z.number().int().nullable(),
  preMeetingRequired: z.boolean(),
  needsNewHelper: z.boolean().describe('its helper was taken off (helper side suspended)'),
});

export const offerJson = z.object({
  id: z.string(),
  requestId: z.string(),
  helperId: z.string(),
  status: z.enum(['offered', 'accepted', 'declined', 'closed', 'expired', 'withdrawn']),
  offeredAt: instantJson,
  expiresAt: instantJson,
  respondedAt: instantJson.nullable(),
  declineReason: z.string().nullable(),
});
