/**
 * A member's home page: what waits for her, on the side(s) she uses. A helper sees the offers
 * waiting for her answer, her help today and next, and the reports she has yet to write; a parent
 * the reports waiting for her confirmation, her next help and the requests still looking for a
 * helper. All lists are read in one batch (one D1 round trip), each with a small limit.
 */
import type { AppDeps } from '../../context.js';
import { batchRead } from '../../lib/batch-read.js';
import type { Area } from '../settings/settings.schemas.js';
import { getAreas } from '../settings/settings.service.js';
import {
  selectLookingForHelper,
  selectOpenOffers,
  selectReportsToConfirm,
  selectReportsToWrite,
  selectUpcomingMatched,
} from './member-home.queries.js';

/** How many rows each home list shows; the linked page has the rest. */
export const HOME_LIST_LIMIT = 5;
/** Today's and the next help: a short look ahead. */
export const NEXT_LIMIT = 3;

export interface MemberHomeSides {
  helper: boolean;
  requester: boolean;
}

export async function loadMemberHome(deps: AppDeps, memberId: string, sides: MemberHomeSides) {
  const nowIso = deps.clock.now().toISOString();
  const { db } = deps;
  // A side the member does not use reads nothing (LIMIT 0) but keeps the batch's shape.
  const helper = (n: number) => (sides.helper ? n : 0);
  const requester = (n: number) => (sides.requester ? n : 0);
  const [[offers, assignments, reportsToWrite, reportsToConfirm, nextHelp, looking], areas] =
    await Promise.all([
      batchRead(deps, [
        selectOpenOffers(db, memberId, nowIso, helper(HOME_LIST_LIMIT)),
        selectUpcomingMatched(db, 'helper', memberId, nowIso, helper(NEXT_LIMIT)),
        selectReportsToWrite(db, memberId, nowIso, helper(HOME_LIST_LIMIT)),
        selectReportsToConfirm(db, memberId, requester(HOME_LIST_LIMIT)),
        selectUpcomingMatched(db, 'requester', memberId, nowIso, requester(NEXT_LIMIT)),
        selectLookingForHelper(db, memberId, nowIso, requester(HOME_LIST_LIMIT)),
      ] as const),
      sides.helper ? getAreas(deps) : Promise.resolve([] as Area[]),
    ]);
  return {
    helper: sides.helper
      ? {
          offers: offers.map((o) => ({
            ...o,
            birthDates: (o.birth_dates ?? '').split(',').filter(Boolean).sort(),
          })),
          assignments,
          reportsToWrite,
        }
      : undefined,
    requester: sides.requester ? { reportsToConfirm, nextHelp, looking } : undefined,
    areas,
  };
}

export type MemberHome = Awaited<ReturnType<typeof loadMemberHome>>;
