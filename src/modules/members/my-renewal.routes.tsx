import { Hono } from 'hono';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, textValues } from '../../http/validate.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { MyRenewalPage } from '../../../views/pages/members/my-renewal.js';
import { getLabels } from '../settings/settings.service.js';
import { formRefusedOr, ownMember, ownMemberOnly } from './member-pages.js';
import type { MemberWithEmail } from './members.queries.js';
import { renewalForm, type RenewalBody } from './renewal-form.js';
import { liveSide, unansweredSides } from './renewal-rules.js';
import { confirmRenewal, myRenewal } from './renewal.service.js';

/** 年度更新 on マイページ: one page to check the details and answer for the coming year. */
export const myRenewalPages = new Hono<AppEnv>();

/** The sides the renewal form asks about: those the member has in use. */
export const renewalSides = (member: MemberWithEmail) => ({
  requester: liveSide(member.requester_status),
  helper: liveSide(member.helper_status),
});

async function renewalPage(
  c: AppContext,
  member: MemberWithEmail,
  values: Record<string, string | undefined>,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const [data, labels] = await Promise.all([myRenewal(c.var.deps, member), getLabels(c.var.deps)]);
  const rc = data.confirmation;
  const bool = (v: number | null) => (v === null ? null : v === 1);
  return renderPage(
    c,
    MyRenewalPage,
    {
      fiscalYear: data.fiscalYear,
      late: data.late,
      deadline: data.deadline,
      member: {
        name: member.name,
        phone: member.phone,
        postalCode: member.postal_code,
        address: member.address,
        email: member.email,
        ...renewalSides(member),
      },
      labels,
      childList: data.children,
      contacts: data.contacts,
      pickups: data.pickups,
      termsVersion: data.termsVersion,
      confirmation: rc
        ? {
            confirmedAt: rc.confirmed_at,
            channel: rc.channel,
            continueRequester: bool(rc.continue_requester),
            continueHelper: bool(rc.continue_helper),
          }
        : null,
      values,
      errors,
      ruleError,
    },
    status,
  );
}

type Rerender = (
  values: Record<string, string | undefined>,
  errors: FormErrors,
  ruleError: string | undefined,
  status: 409 | 422,
) => Promise<Response>;

/**
 * Records a renewal form (the member's, or staff entering a paper one): a side left unanswered
 * is shown at its question rather than as a rule; a refusal re-renders the form. Answers the
 * page to show, or null once recorded.
 */
export async function submitRenewal(
  c: AppContext,
  actor: CurrentUser,
  member: MemberWithEmail,
  input: RenewalBody,
  channel: 'online' | 'paper',
  rerender: Rerender,
): Promise<Response | null> {
  const missing = unansweredSides(member, input, c.var.t('renewal.error.answer'));
  if (missing) return rerender(textValues(await c.req.parseBody()), missing, undefined, 422);
  return formRefusedOr(
    c,
    () => confirmRenewal(c.var.deps, actor, member, input, channel, c.var.clientAddress),
    (shown) => rerender({}, shown.errors, shown.rule, shown.status),
  );
}

myRenewalPages.get('/my/renewal', async (c) => {
  const { member } = await ownMember(c);
  return renewalPage(c, member, {}, {});
});

myRenewalPages.post(
  '/my/renewal',
  ownMemberOnly,
  formBody(renewalForm, async (c, errors, values) => {
    const { member } = await ownMember(c);
    return renewalPage(c, member, values, errors, undefined, 422);
  }),
  async (c) => {
    const { user, member } = await ownMember(c);
    const refused = await submitRenewal(c, user, member, c.req.valid('form'), 'online', (...a) =>
      renewalPage(c, member, ...a),
    );
    if (refused) return refused;
    setFlash(c, 'renewal.my.saved');
    return c.redirect('/my', 303);
  },
);
