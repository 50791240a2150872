import type { AppDeps, CurrentUser } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import type { Child } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { findChildById, findMemberById, type MemberWithEmail } from './members.queries.js';
import { canViewChild } from './members.policy.js';

/**
 * Matching decides whether a helper has a live match for a child. Until the matching module
 * registers its check, no helper has one.
 */
export type LiveMatchCheck = (
  deps: AppDeps,
  helperUserId: string,
  childId: string,
) => Promise<boolean>;
let liveMatchCheck: LiveMatchCheck = () => Promise.resolve(false);
export function registerLiveMatchCheck(check: LiveMatchCheck) {
  liveMatchCheck = check;
}

/**
 * Every read of a child's health details by someone other than the parent writes exactly one
 * audit row per child, in the same batch for all children read at once.
 */
export async function auditHealthReads(
  deps: AppDeps,
  viewer: CurrentUser,
  parent: MemberWithEmail,
  children: Child[],
  clientAddress?: string,
) {
  if (parent.user_id === viewer.id || children.length === 0) return;
  await deps.atomic(
    children.map((child) =>
      buildAuditInsert(deps.db, {
        at: deps.clock.now(),
        actorUserId: viewer.id,
        action: 'child_health_read',
        subjectType: 'child',
        subjectId: child.id,
        clientAddress,
        details: { memberId: parent.id },
      }),
    ),
  );
}

/** Loads a child the viewer may see, or answers 404 (existence is not revealed). */
export async function loadVisibleChild(deps: AppDeps, viewer: CurrentUser, childId: string) {
  const child = await findChildById(deps.db, childId);
  if (!child) throw notFound();
  const parent = await findMemberById(deps.db, child.member_id);
  if (!parent) throw notFound();
  const matched =
    viewer.role === 'member' && parent.user_id !== viewer.id
      ? await liveMatchCheck(deps, viewer.id, child.id)
      : false;
  if (!canViewChild(viewer, parent, matched)) throw notFound();
  return { child, parent };
}
