import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, setFlash } from '../../http/render.js';
import { staffOnly } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { IntakePage, type IntakeMember } from '../../../views/pages/coordination/intake.js';
import { ageInMonths, childAgeStatus } from '../members/member-rules.js';
import { formatMemberNo } from '../members/members.json.js';
import { findMemberById, listMembers } from '../members/members.queries.js';
import { createRequests } from '../requests/requests.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { listChildrenForIntake } from './board.queries.js';
import { intakeForm, intakeInput } from './coordination-form.js';
import { failureMessage, isDomainFailure } from './domain-failure.js';

/**
 * Phone intake (/coordination/requests/new): staff find the family, then take its request down
 * as createRequests takes a parent's (the lead time a parent must give does not apply).
 */
export const intakePages = new Hono<AppEnv>();

async function intakeMember(c: AppContext, memberId: string): Promise<IntakeMember> {
  const { db } = c.var.deps;
  const member = await findMemberById(db, memberId);
  if (!member || member.requester_status === null || member.withdrawn_at) throw notFound();
  const today = tokyoDateOf(c.var.deps.clock.now());
  const children = await listChildrenForIntake(db, member.id);
  return {
    id: member.id,
    memberNo: formatMemberNo(member.member_no),
    name: member.name,
    phone: member.phone,
    children: children.map((ch) => ({
      id: ch.id,
      name: ch.name,
      ageMonths: ageInMonths(ch.birth_date, today),
      // The same test createRequests applies.
      eligible: childAgeStatus(ch.birth_date, today, 0) === 'eligible',
    })),
  };
}

intakePages.get('/coordination/requests/new', async (c) => {
  requireStaff(c);
  const { deps } = c.var;
  const settings = await getCenterSettings(deps);
  const memberId = c.req.query('member');
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const member = memberId ? await intakeMember(c, memberId) : null;
  let matches = null;
  if (!member && q) {
    const { items } = await listMembers(deps.db, {
      q,
      kind: 'requester',
      page: 1,
      pageSize: 30,
    });
    matches = items.map((m) => ({
      id: m.id,
      memberNo: formatMemberNo(m.member_no),
      name: m.name,
      nameKana: m.name_kana,
      area: m.area,
      phone: m.phone,
      requesterStatus: m.requester_status,
    }));
  }
  return renderPage(c, IntakePage, {
    areas: settings.areas,
    q,
    matches,
    member,
    values: {},
    childIds:
      member && member.children.filter((ch) => ch.eligible).length === 1
        ? member.children.filter((ch) => ch.eligible).map((ch) => ch.id)
        : [],
    weekdays: [],
    errors: {},
  });
});

/** The form never fails as such: its checks need the family first (404 for an unknown one). */
formPosts(intakePages, [staffOnly], requireStaff)(
  '/coordination/requests/new',
  intakeForm,
  acceptsAnyForm,
  async (c, staff, form) => {
    const member = await intakeMember(c, form.requesterId);
    const rerender = async (
      errors: Record<string, string>,
      failure?: string,
      status: 422 | 409 = 422,
    ) => {
      const settings = await getCenterSettings(c.var.deps);
      return renderPage(
        c,
        IntakePage,
        {
          areas: settings.areas,
          q: '',
          matches: null,
          member,
          values: form.values,
          childIds: form.childIds,
          weekdays: form.weekdays,
          errors,
          failure,
        },
        status,
      );
    };
    const read = intakeInput(form, c.var.t);
    if (!read.ok) return rerender(read.errors);
    let ids: string[];
    try {
      ids = await createRequests(c.var.deps, staff, read.input, c.var.clientAddress);
    } catch (err) {
      if (isDomainFailure(err))
        return rerender({}, failureMessage(c, err), err.status as 422 | 409);
      throw err;
    }
    if (ids.length > 1) setFlash(c, 'coord.flash.createdMany', { count: String(ids.length) });
    else setFlash(c, 'coord.flash.created');
    return c.redirect(`/coordination/requests/${ids[0]}`, 303);
  },
);
