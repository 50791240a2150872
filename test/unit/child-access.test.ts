import { describe, expect, it } from 'vitest';
import {
  childAgesInYears,
  childDataAccess,
  type ChildAccessFacts,
} from '../../src/modules/access/child-access.policy.js';
import type { OfferStatus, RequestStatus, SideStatus } from '../../db/schema.js';

const sides: (SideStatus | null)[] = [null, 'applied', 'active', 'suspended', 'withdrawn'];
const requestStatuses: RequestStatus[] = [
  'open',
  'offered',
  'matched',
  'completed',
  'cancelled',
  'unfilled',
];
const offerStatuses: (OfferStatus | null)[] = [
  null,
  'offered',
  'accepted',
  'declined',
  'closed',
  'expired',
  'withdrawn',
];
const bools = [false, true];

/** Every combination of the facts the policy reads. */
function* everyState(): Generator<ChildAccessFacts> {
  for (const staff of bools)
    for (const family of bools)
      for (const helperSide of sides)
        for (const withdrawn of bools)
          for (const assignedToViewer of bools)
            for (const requestStatus of requestStatuses)
              for (const offerStatus of offerStatuses)
                yield {
                  staff,
                  family,
                  helperSide,
                  withdrawn,
                  assignedToViewer,
                  requestStatus,
                  offerStatus,
                };
}

/** The sentence, written out once more as the oracle. */
function expected(f: ChildAccessFacts) {
  if (f.staff || f.family) return 'full';
  const activeHelper = f.helperSide === 'active' && !f.withdrawn;
  const acceptedMatch = f.assignedToViewer && [null, 'accepted'].includes(f.offerStatus);
  const live = f.requestStatus === 'matched';
  if (activeHelper && acceptedMatch && live) return 'full';
  const involved = f.assignedToViewer || f.offerStatus !== null;
  return involved ? 'offer' : 'none';
}

describe('child data access policy', () => {
  it('decides every state combination as the issue states it', () => {
    let n = 0;
    for (const f of everyState()) {
      expect(childDataAccess(f), JSON.stringify(f)).toBe(expected(f));
      n++;
    }
    expect(n).toBe(2 * 2 * 5 * 2 * 2 * 6 * 7);
  });

  const helper: ChildAccessFacts = {
    staff: false,
    family: false,
    helperSide: 'active',
    withdrawn: false,
    assignedToViewer: true,
    requestStatus: 'matched',
    offerStatus: 'accepted',
  };

  it.each<[string, Partial<ChildAccessFacts>, string]>([
    ['active helper, accepted live match', {}, 'full'],
    ['staff-assigned live match (no offer row)', { offerStatus: null }, 'full'],
    ['suspended helper side', { helperSide: 'suspended' }, 'offer'],
    ['withdrawn member', { withdrawn: true }, 'offer'],
    ['helper side withdrawn', { helperSide: 'withdrawn' }, 'offer'],
    ['applicant helper side', { helperSide: 'applied' }, 'offer'],
    ['match finished', { requestStatus: 'completed' }, 'offer'],
    ['match cancelled', { requestStatus: 'cancelled' }, 'offer'],
    ['request unfilled', { requestStatus: 'unfilled', assignedToViewer: false }, 'offer'],
    [
      'offer open',
      { assignedToViewer: false, requestStatus: 'offered', offerStatus: 'offered' },
      'offer',
    ],
    ['offer closed', { assignedToViewer: false, offerStatus: 'closed' }, 'offer'],
    [
      'offer declined',
      { assignedToViewer: false, requestStatus: 'open', offerStatus: 'declined' },
      'offer',
    ],
    [
      'offer expired',
      { assignedToViewer: false, requestStatus: 'open', offerStatus: 'expired' },
      'offer',
    ],
    [
      'offer withdrawn',
      { assignedToViewer: false, requestStatus: 'open', offerStatus: 'withdrawn' },
      'offer',
    ],
    ['stranger', { assignedToViewer: false, offerStatus: null }, 'none'],
    [
      'the family',
      { family: true, helperSide: null, assignedToViewer: false, offerStatus: null },
      'full',
    ],
    [
      'staff',
      { staff: true, helperSide: null, assignedToViewer: false, offerStatus: null },
      'full',
    ],
  ])('%s → %s', (_name, change, access) => {
    expect(childDataAccess({ ...helper, ...change })).toBe(access);
  });

  it('gives an offer-level viewer ages in whole years only (民法143条)', () => {
    expect(childAgesInYears(['2022-06-01', '2024-01-10'], '2026-06-01')).toEqual([4, 2]);
    expect(childAgesInYears(['2022-06-02'], '2026-06-01')).toEqual([3]);
  });
});
