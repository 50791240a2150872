import type { AnnouncementAudience, EventAudience } from '../../../db/schema.js';

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
      /** At least one side applied or active (suspended members may look, not sign up). */
      active: boolean;
    };

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
      if (!viewer.memberId) return ['public'];
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
      if (!viewer.memberId) return [];
      const audiences: AnnouncementAudience[] = ['all'];
      if (viewer.helper) audiences.push('helpers');
      if (viewer.requester) audiences.push('requesters');
      return audiences;
    }
  }
}

export const canReadAnnouncement = (viewer: Viewer, audience: AnnouncementAudience): boolean =>
  visibleAnnouncementAudiences(viewer).includes(audience);
