import type { NoticeGroup } from '../../../db/schema.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { MINUTE } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import { sha256Hex } from '../../lib/ids.js';
import { lineEnabled } from '../../lib/line-client.js';
import { auditRow, buildAuditInsert } from '../audit/audit.queries.js';
import { insertIfPreviousChanged } from '../../lib/atomic.js';
import { NOTICE_GROUPS } from '../notifications/channels.js';
import { LINK_CODE_MINUTES, newLinkCode } from './line-rules.js';
import {
  findLinkOfUser,
  linkStatements,
  listNoticeChannels,
  replaceLinkCode,
  saveNoticeChannels,
  unlinkUser,
  useLinkCode,
} from './line.queries.js';

/** Linking a member's LINE account and her channels per kind of notice (issue #21). */

export interface LineStatus {
  enabled: boolean;
  linkedAt: string | null;
  channels: { group: NoticeGroup; email: boolean; line: boolean }[];
}

/** Her link and channels; no `notice_channel` row: email on, LINE on (when linked). */
export async function lineStatusOf(deps: AppDeps, userId: string): Promise<LineStatus> {
  const [link, rows] = await Promise.all([
    findLinkOfUser(deps.db, userId),
    listNoticeChannels(deps.db, userId),
  ]);
  const byGroup = new Map(rows.map((r) => [r.notice_group, r]));
  return {
    enabled: lineEnabled(deps.config),
    linkedAt: link?.linked_at ?? null,
    channels: NOTICE_GROUPS.map((group) => {
      const row = byGroup.get(group);
      return { group, email: row ? row.email === 1 : true, line: row ? row.line === 1 : true };
    }),
  };
}

const requireLineOn = (deps: AppDeps) => {
  if (!lineEnabled(deps.config)) throw conflict('line_off', 'rule.line_off');
};

/**
 * A new one-time link code for the signed-in member (shown once; stored hashed; her earlier
 * codes stop working).
 */
export async function createLinkCode(deps: AppDeps, user: Pick<CurrentUser, 'id'>) {
  requireLineOn(deps);
  const code = newLinkCode();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * MINUTE).toISOString();
  await deps.atomic(
    replaceLinkCode(deps.db, {
      hash: await sha256Hex(code),
      userId: user.id,
      nowIso: now.toISOString(),
      expiresIso: expiresAt,
    }),
  );
  return { code, expiresAt };
}

/**
 * A code received in LINE: links that LINE account to the code's member (the code is used up,
 * whatever happens next). The user id linked, or undefined for an unknown, used or expired code.
 */
export async function linkWithCode(
  deps: AppDeps,
  code: string,
  lineUserId: string,
): Promise<string | undefined> {
  const nowIso = deps.clock.now().toISOString();
  const used = await useLinkCode(deps.db, await sha256Hex(code), nowIso);
  if (!used) return undefined;
  await deps.atomic([
    ...linkStatements(deps.db, used.user_id, lineUserId, nowIso),
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: used.user_id,
      action: 'line_linked',
      subjectType: 'user',
      subjectId: used.user_id,
    }),
  ]);
  return used.user_id;
}

/** Unlinks her LINE account from the site (idempotent). */
export async function unlinkLine(
  deps: AppDeps,
  user: Pick<CurrentUser, 'id'>,
  clientAddress?: string,
) {
  const audit = auditRow({
    at: deps.clock.now(),
    actorUserId: user.id,
    action: 'line_unlinked',
    subjectType: 'user',
    subjectId: user.id,
    clientAddress,
  });
  await deps.atomic([
    unlinkUser(deps.db, user.id),
    insertIfPreviousChanged(deps.db, 'audit_log', audit),
  ]);
}

/** Saves her channels for every group at once (the inbox is not a choice). */
export async function saveChannels(
  deps: AppDeps,
  user: Pick<CurrentUser, 'id'>,
  channels: readonly { group: NoticeGroup; email: boolean; line: boolean }[],
) {
  await deps.atomic(saveNoticeChannels(deps.db, user.id, channels));
}
