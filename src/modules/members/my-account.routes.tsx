import { Hono } from 'hono';
import { clearSessionCookie } from '../../auth/session.middleware.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody } from '../../http/validate.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { MyOrientationsPage, sessionWhen } from '../../../views/pages/members/my-orientations.js';
import { WithdrawPage } from '../../../views/pages/members/withdraw.js';
import {
  orientationsForMember,
  registerForOrientation,
} from '../orientations/orientations.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  formRefusedOr,
  hasRequesterSide,
  ownMember,
  ownMemberOnly,
  resultOrFormError,
} from './member-pages.js';
import type { MemberWithEmail } from './members.queries.js';
import { withdrawMember } from './members.service.js';
import { exportMemberData } from './my-page.service.js';
import { listRegistrationsOfMember } from '../orientations/orientations.queries.js';
import { withdrawForm, withdrawValues } from './withdrawal-form.js';

/** マイページ: booking an orientation, the member's data as a file, and withdrawal. */
export const myAccountPages = new Hono<AppEnv>();

// Orientations --------------------------------------------------------------------------------

async function orientationsPage(
  c: AppContext,
  member: MemberWithEmail,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const { sessions, registrations } = await orientationsForMember(c.var.deps, member.id);
  const mine = new Set(registrations.map((r) => r.id));
  return renderPage(
    c,
    MyOrientationsPage,
    {
      sessions: sessions.map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        venue: s.venue,
        capacity: s.capacity,
        registered: Number(s.registered ?? 0),
        notes: s.notes,
        mine: mine.has(s.id),
      })),
      registrations: registrations.map((r) => ({
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        venue: r.venue,
        attended: r.attended,
      })),
      isRequester: hasRequesterSide(member),
      ruleError,
    },
    status,
  );
}

myAccountPages.get('/my/orientations', async (c) => {
  const { member } = await ownMember(c);
  return orientationsPage(c, member);
});

myAccountPages.post('/my/orientations/:id/register', async (c) => {
  const { member } = await ownMember(c);
  const orientation = await resultOrFormError(
    c,
    () => registerForOrientation(c.var.deps, c.req.param('id'), member.id),
    (shown) => orientationsPage(c, member, shown.rule, shown.status),
  );
  if (orientation instanceof Response) return orientation;
  setFlash(c, 'my.orientations.done', {
    date: sessionWhen(orientation.starts_at, orientation.ends_at, c.var.locale),
  });
  return c.redirect('/my/orientations', 303);
});

// The member's own data, as a file ------------------------------------------------------------

myAccountPages.get('/my/data.json', async (c) => {
  const { user, member } = await ownMember(c);
  const { data, filename } = await exportMemberData(
    c.var.deps,
    user,
    member,
    c.var.clientAddress,
    (id) => listRegistrationsOfMember(c.var.deps.db, id),
  );
  return c.body(JSON.stringify(data, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
});

// Withdrawal ----------------------------------------------------------------------------------

async function withdrawPage(
  c: AppContext,
  values: { reason?: string; confirm?: string },
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(
    c,
    WithdrawPage,
    { retentionYears: settings.retention.withdrawnMemberYears, values, errors, ruleError },
    status,
  );
}

myAccountPages.get('/my/withdraw', ownMemberOnly, (c) => withdrawPage(c, {}, {}));

myAccountPages.post(
  '/my/withdraw',
  ownMemberOnly,
  formBody(withdrawForm, (c, errors, values) =>
    withdrawPage(c, withdrawValues(values), errors, undefined, 422),
  ),
  async (c) => {
    const { user, member } = await ownMember(c);
    const { reason, values } = c.req.valid('form');
    const refused = await formRefusedOr(
      c,
      () => withdrawMember(c.var.deps, user, member.id, reason, c.var.clientAddress),
      (shown) => withdrawPage(c, values, shown.errors, shown.rule, shown.status),
    );
    if (refused) return refused;
    // The service ended every session of the member; the browser forgets its cookie too.
    clearSessionCookie(c);
    setFlash(c, 'my.withdraw.done');
    return c.redirect('/login', 303);
  },
);
