import type { AnnouncementAudience, EventAudience } from '../../../db/schema.js';
import type { ContentReach } from '../access/member-content.policy.js';

/**
 * Who is looking, as far as audiences go: nobody signed in, staff, or a member with the sides
 * (requester, helper) in use. Pure: loadViewer (viewer.ts) builds it from the database.
 */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: string }
  | {
      kind: 'member';
      userId: string;
      memberId: string | null;
      requester: boolean;
      helper: boolean;
      /**
       * contentReach (access/member-content.policy.ts): 'members' once a side is approved
       * (active); an applicant sees public content only and signs up for nothing.
       */
      reach: ContentReach;
      /** Every usable side awaits approval: told that members' content opens with it. */
      applicant: boolean;
    };

/** A member who sees only what anybody sees: no member record, withdrawn, or an applicant. */
const publicOnly = (viewer: Extract<Viewer, { kind: 'member' }>) =>
  !viewer.memberId || viewer.reach === 'public';

export const EVENT_AUDIENCES = ['members', 'helpers', 'requesters', 'public'] as const;
export const ANNOUNCEMENT_AUDIENCES = ['all', 'helpers', 'requesters', 'staff'] as const;

/** The event audiences a viewer may see; staff see every event. */
export function visibleEventAudiences(viewer: Viewer): EventAudience[] {
  switch (viewer.kind) {
    case 'anonymous':
      return ['public'];
    case 'staff':
      return [...EVENT_AUDIENCES];
    case 'member': {
      if (publicOnly(viewer)) return ['public'];
      const audiences: EventAudience[] = ['public', 'members'];
      if (viewer.helper) audiences.push('helpers');
      if (viewer.requester) audiences.push('requesters');
      return audiences;
    }
  }
}

export const canSeeEvent = (viewer: Viewer, audience: EventAudience): boolean =>
  visibleEventAudiences(viewer).includes(audience);

/** The announcement audiences a viewer may read; nobody signed in reads none. */
export function visibleAnnouncementAudiences(viewer: Viewer): AnnouncementAudience[] {
  switch (viewer.kind) {
    case 'anonymous':
      return [];
    case 'staff':
      return [...ANNOUNCEMENT_AUDIENCES];
    case 'member': {
      if (publicOnly(viewer)) return [];
      const audiences: AnnouncementAudience[] = ['all'];
      if (viewer.helper) audiences.push('helpers');
      if (viewer.requester) audiences.push('requesters');
      return audiences;
    }
  }
}

export const canReadAnnouncement = (viewer: Viewer, audience: AnnouncementAudience): boolean =>
  visibleAnnouncementAudiences(viewer).includes(audience);

/**
 * The members-only sections (announcements, newsletters, the directory): staff and members who
 * reach members' content. A login whose member record is gone sees nothing ('not_found', as if
 * the section did not exist); an applicant is told it opens with approval ('members_only').
 */
export function membersOnlySection(viewer: Viewer): 'open' | 'not_found' | 'members_only' {
  if (viewer.kind === 'staff') return 'open';
  if (viewer.kind === 'anonymous' || !viewer.memberId) return 'not_found';
  if (viewer.reach === 'members') return 'open';
  return viewer.applicant ? 'members_only' : 'not_found';
}
