import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody } from '../../http/validate.js';
import { lineEnabled } from '../../lib/line-client.js';
import { lineMessageUrl } from '../../lib/qr.js';
import { MyLinePage } from '../../../views/pages/line/my-line.js';
import { StaffLinePage } from '../../../views/pages/line/staff-line.js';
import { ownMember, ownMemberOnly } from '../members/member-pages.js';
import { channelsForm, channelsOfForm } from './line-form.js';
import { LINK_CODE_MINUTES } from './line-rules.js';
import { listLineFailures, listLinkedMembers } from './line.queries.js';
import { createLinkCode, lineStatusOf, saveChannels, unlinkLine } from './line.service.js';

/**
 * LINE pages (issue #21): a member links her LINE account and chooses her channels (/my/line);
 * staff see who is linked and what LINE could not deliver (/line/members).
 */
export const linePages = new Hono<AppEnv>();

async function myLinePage(c: AppContext, code?: { code: string; expiresAt: string }) {
  const { user } = await ownMember(c);
  const status = await lineStatusOf(c.var.deps, user.id);
  const addFriendUrl = c.var.deps.config.LINE_ADD_FRIEND_URL ?? null;
  const messageUrl = code && addFriendUrl ? lineMessageUrl(addFriendUrl, code.code) : undefined;
  return renderPage(c, MyLinePage, {
    enabled: status.enabled,
    linkedAt: status.linkedAt,
    addFriendUrl,
    code: code && { ...code, minutes: LINK_CODE_MINUTES, ...(messageUrl ? { messageUrl } : {}) },
    channels: status.channels,
  });
}

linePages.get('/my/line', (c) => myLinePage(c));

// The code is shown once, on the answer to this post (only its hash is kept).
linePages.post('/my/line/code', async (c) => {
  const { user } = await ownMember(c);
  return myLinePage(c, await createLinkCode(c.var.deps, user));
});

linePages.post('/my/line/unlink', async (c) => {
  const { user } = await ownMember(c);
  await unlinkLine(c.var.deps, user, c.var.clientAddress);
  setFlash(c, 'line.my.unlinked');
  return c.redirect('/my/line', 303);
});

linePages.post(
  '/my/line/channels',
  ownMemberOnly,
  // Only checkboxes: nothing to show again but the page as it was.
  formBody(channelsForm, (c) => myLinePage(c)),
  async (c) => {
    const { user } = await ownMember(c);
    await saveChannels(c.var.deps, user, channelsOfForm(c.req.valid('form')));
    setFlash(c, 'line.my.saved');
    return c.redirect('/my/line', 303);
  },
);

linePages.get('/line/members', async (c) => {
  requireStaff(c);
  const [linked, failures] = await Promise.all([
    listLinkedMembers(c.var.deps.db),
    listLineFailures(c.var.deps.db),
  ]);
  return renderPage(c, StaffLinePage, {
    enabled: lineEnabled(c.var.deps.config),
    linked: linked.map((m) => ({
      memberId: m.member_id,
      memberNo: m.member_no,
      name: m.name,
      linkedAt: m.linked_at,
    })),
    failures: failures.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      status: f.status === 'dead' ? 'dead' : 'failed',
      attempts: f.attempts,
      error: f.last_error,
      nextAttemptAt: f.next_attempt_at,
    })),
  });
});
