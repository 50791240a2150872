import type { SideStatus } from '../../../db/schema.js';

/**
 * Who reads the center's members-only content (issue #22; decision note
 * docs/decisions/2026-12-06-applicants-see-public-content.md).
 *
 * Members-only content is every announcement (no audience of an announcement is public), the
 * newsletters, the directory of local groups, events for members, helpers or parents, and
 * signing up for any event. It opens once the center has approved a side: one side `active`.
 * An applicant (every side she has is `applied`, i.e. not yet approved), a member whose other
 * side is suspended or withdrawn while this one is only applied, and a withdrawn member see
 * public content only: the events whose audience is `public`, as anybody does.
 *
 * Pure: the member row's side statuses in, the reach out. `loadViewer` (events/viewer.ts),
 * event registration, the announcement recipients (announcements.queries.ts, the same rule in
 * SQL) and the page navigation ask here.
 */
export type ContentReach = 'members' | 'public';

export interface ContentFacts {
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
  withdrawn_at: string | null;
}

/** The side status that opens members-only content (mirrored in SQL by the recipient query). */
export const MEMBERS_CONTENT_SIDE: SideStatus = 'active';

export function contentReach(member: ContentFacts | null | undefined): ContentReach {
  if (!member || member.withdrawn_at) return 'public';
  return member.requester_status === MEMBERS_CONTENT_SIDE ||
    member.helper_status === MEMBERS_CONTENT_SIDE
    ? 'members'
    : 'public';
}

/**
 * An applicant: a live member record whose usable sides are all awaiting approval. She is told
 * that members-only content opens with approval (a withdrawn member is not: she is told nothing).
 */
export function isApplicant(member: ContentFacts | null | undefined): boolean {
  if (!member || member.withdrawn_at) return false;
  const sides = [member.requester_status, member.helper_status];
  return sides.includes('applied') && contentReach(member) === 'public';
}
