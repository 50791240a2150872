import { ageInYears } from '../../lib/dates.js';
import type { OfferStatus, RequestStatus, SideStatus } from '../../../db/schema.js';

/**
 * The one access policy for children's data and family details (issue #22).
 *
 * A helper sees a child's details (names, birth date, notes, health, the family and its
 * contacts) only while she has an active helper side AND the request is assigned to her by an
 * accepted, live match: the request is `matched` (not completed, cancelled or unfilled). Every
 * other helper who had something to do with the request (an offer open, closed, declined,
 * expired or withdrawn; a match that ended; a suspended or withdrawn helper side) sees only
 * what an offer needs: the area, the date and times, the category and each child's age in
 * years. Staff and the family see everything; anyone else sees nothing (404).
 *
 * Pure: plain facts in, a decision out. Callers load the facts (routes, JSON serializers, the
 * iCalendar feed, the child page) and ask here, so there is one place to read and to test.
 */
export type ChildDataAccess = 'full' | 'offer' | 'none';

export interface ChildAccessFacts {
  /** Staff (coordinator or admin) looking. */
  staff: boolean;
  /** The viewer is the requesting family (the parent's own member record). */
  family: boolean;
  /** The viewer's helper side, null when she has none. */
  helperSide: SideStatus | null;
  /** The viewer's member record is withdrawn (退会). */
  withdrawn: boolean;
  /** The request is assigned to the viewer (care_request.helper_member_id). */
  assignedToViewer: boolean;
  /** The request's status. */
  requestStatus: RequestStatus;
  /** The viewer's offer for the request, if she ever had one. */
  offerStatus: OfferStatus | null;
}

/** Whether the viewer's match for this request is live: she may see the child's details. */
export function hasLiveMatch(f: Omit<ChildAccessFacts, 'staff' | 'family'>): boolean {
  return (
    f.helperSide === 'active' &&
    !f.withdrawn &&
    f.assignedToViewer &&
    f.requestStatus === 'matched' &&
    (f.offerStatus === null || f.offerStatus === 'accepted')
  );
}

export function childDataAccess(f: ChildAccessFacts): ChildDataAccess {
  if (f.staff || f.family) return 'full';
  if (hasLiveMatch(f)) return 'full';
  // She had (or has) an offer or a match: she may know the request exists, and no more.
  if (f.assignedToViewer || f.offerStatus !== null) return 'offer';
  return 'none';
}

/** What an offer-level viewer may know of a request's children: their ages in whole years. */
export function childAgesInYears(birthDates: readonly string[], onDate: string): number[] {
  return birthDates.map((b) => ageInYears(b, onDate));
}

/** The member looking, as the policy needs her (a `member` row has these columns). */
export interface AccessViewer {
  id: string;
  helper_status: SideStatus | null;
  withdrawn_at: string | null;
}

/** The request looked at, as the policy needs it (a `care_request` row has these columns). */
export interface AccessRequest {
  requester_member_id: string;
  helper_member_id: string | null;
  status: RequestStatus;
}

/**
 * `childDataAccess` for a request row and the viewer's member row (or staff). `offerStatus` is
 * the viewer's own offer for the request, when the caller has it.
 */
export function requestAccess(
  viewer: 'staff' | AccessViewer,
  request: AccessRequest,
  offerStatus: OfferStatus | null = null,
): ChildDataAccess {
  if (viewer === 'staff')
    return childDataAccess({
      staff: true,
      family: false,
      helperSide: null,
      withdrawn: false,
      assignedToViewer: false,
      requestStatus: request.status,
      offerStatus: null,
    });
  return childDataAccess({
    staff: false,
    family: request.requester_member_id === viewer.id,
    helperSide: viewer.helper_status,
    withdrawn: viewer.withdrawn_at !== null,
    assignedToViewer: request.helper_member_id === viewer.id,
    requestStatus: request.status,
    offerStatus,
  });
}

/** The strongest access any of the viewer's requests for a child gives her to that child. */
export function strongestAccess(accesses: readonly ChildDataAccess[]): ChildDataAccess {
  return accesses.includes('full') ? 'full' : accesses.includes('offer') ? 'offer' : 'none';
}
