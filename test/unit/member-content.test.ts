import { describe, expect, it } from 'vitest';
import {
  contentReach,
  isApplicant,
  type ContentFacts,
} from '../../src/modules/access/member-content.policy.js';
import {
  membersOnlySection,
  visibleAnnouncementAudiences,
  visibleEventAudiences,
  type Viewer,
} from '../../src/modules/events/audience.js';
import type { SideStatus } from '../../db/schema.js';

/** Issue #22 point 1: who reads members-only content, for every combination of the sides. */
const sides: (SideStatus | null)[] = [null, 'applied', 'active', 'suspended', 'withdrawn'];

function* everyMember(): Generator<ContentFacts> {
  for (const requester_status of sides)
    for (const helper_status of sides)
      for (const withdrawn_at of [null, '2026-11-01T00:00:00.000Z'])
        yield { requester_status, helper_status, withdrawn_at };
}

const viewerOf = (m: ContentFacts): Viewer => ({
  kind: 'member',
  userId: 'u',
  memberId: m.withdrawn_at ? null : 'm',
  requester: m.requester_status !== null && m.requester_status !== 'withdrawn',
  helper: m.helper_status !== null && m.helper_status !== 'withdrawn',
  reach: contentReach(m),
  applicant: isApplicant(m),
});

describe('contentReach: members-only content opens with one approved side', () => {
  it('is "members" exactly when a side is active and the member has not withdrawn', () => {
    for (const m of everyMember()) {
      const approved = m.requester_status === 'active' || m.helper_status === 'active';
      expect(contentReach(m), JSON.stringify(m)).toBe(
        approved && !m.withdrawn_at ? 'members' : 'public',
      );
    }
    expect(contentReach(null)).toBe('public');
  });

  it('an applicant: a live record, a side applied, none approved', () => {
    for (const m of everyMember()) {
      const expected =
        !m.withdrawn_at &&
        (m.requester_status === 'applied' || m.helper_status === 'applied') &&
        m.requester_status !== 'active' &&
        m.helper_status !== 'active';
      expect(isApplicant(m), JSON.stringify(m)).toBe(expected);
    }
  });

  it('a public-only member sees public events, no announcement, and no members-only section', () => {
    for (const m of everyMember()) {
      const viewer = viewerOf(m);
      const members = contentReach(m) === 'members';
      const events = visibleEventAudiences(viewer);
      const news = visibleAnnouncementAudiences(viewer);
      if (members) {
        expect(events).toEqual(expect.arrayContaining(['public', 'members']));
        expect(news).toContain('all');
        expect(membersOnlySection(viewer)).toBe('open');
      } else {
        expect(events).toEqual(['public']);
        expect(news).toEqual([]);
        expect(membersOnlySection(viewer)).toBe(isApplicant(m) ? 'members_only' : 'not_found');
      }
    }
  });

  it('staff read everything; nobody signed in reads no section', () => {
    expect(membersOnlySection({ kind: 'staff', userId: 's' })).toBe('open');
    expect(membersOnlySection({ kind: 'anonymous' })).toBe('not_found');
    expect(visibleEventAudiences({ kind: 'anonymous' })).toEqual(['public']);
  });
});
