import type { AppDeps, CurrentUser } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import type { ChildDataAccess } from '../access/child-access.policy.js';
import type { Child } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { findChildById, findMemberById, type MemberWithEmail } from './members.queries.js';
import { canViewChild } from './members.policy.js';

/**
 * What a helper's requests for a child give her of that child (the access policy,
 * child-access.policy.ts, over the requests the matching module finds). Until matching
 * registers it, no helper gets anything.
 */
export type ChildMatchAccess = (
  deps: AppDeps,
  helperUserId: string,
  childId: string,
) => Promise<ChildDataAccess>;
let childMatchAccess: ChildMatchAccess = () => Promise.resolve('none');
export function registerChildMatchAccess(check: ChildMatchAccess) {
  childMatchAccess = check;
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
  // A child's page shows everything about the child: only for full access under the policy.
  const matched =
    viewer.role === 'member' && parent.user_id !== viewer.id
      ? (await childMatchAccess(deps, viewer.id, child.id)) === 'full'
      : false;
  if (!canViewChild(viewer, parent, matched)) throw notFound();
  return { child, parent };
}
