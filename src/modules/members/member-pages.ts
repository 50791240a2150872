import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv, type CurrentUser } from '../../context.js';
import { translateFields } from '../../http/errors.js';
import { AppError, notFound } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import { firstErrors } from '../../lib/validation.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { findMemberById, findMemberByUserId, type MemberWithEmail } from './members.queries.js';

/** What the member pages share: whose page it is, and how a service's refusal is shown. */

/**
 * What a form shows for an error a service raised: field messages (400 with fields, or a
 * taken email), or a rule's plain-words message (409/422). Anything else is not a form's
 * business and goes to the error page.
 */
export function formErrorOf(
  c: AppContext,
  err: unknown,
): { errors: FormErrors; rule?: string; status: 409 | 422 } | undefined {
  if (!(err instanceof AppError)) return undefined;
  const t = c.var.t;
  if (err.code === 'email_taken') return { errors: { email: t('apply.emailTaken') }, status: 422 };
  if (err.status === 400 && err.fields)
    return { errors: firstErrors(translateFields(err.fields, t)), status: 422 };
  if (err.status === 422 || err.status === 409) {
    return { errors: {}, rule: ruleText(t, err), status: err.status };
  }
  return undefined;
}

/** A service's refusal as a form shows it (`formErrorOf`). */
export type FormErrorShown = NonNullable<ReturnType<typeof formErrorOf>>;

/**
 * Runs a form's service step: its result, or, when the service refused it in a way the form
 * shows (`formErrorOf`), the page again with the messages. Anything else propagates.
 */
export async function resultOrFormError<T>(
  c: AppContext,
  step: () => Promise<T>,
  rerender: (shown: FormErrorShown) => Promise<Response>,
): Promise<T | Response> {
  try {
    return await step();
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return rerender(shown);
  }
}

/** `resultOrFormError` for a step whose result the page does not need: null once it went through. */
export async function formRefusedOr(
  c: AppContext,
  step: () => Promise<unknown>,
  rerender: (shown: FormErrorShown) => Promise<Response>,
): Promise<Response | null> {
  const done = await resultOrFormError(c, step, rerender);
  return done instanceof Response ? done : null;
}

/** The signed-in user's own member record; a user without one (e.g. staff) gets 404. */
export async function ownMember(
  c: AppContext,
): Promise<{ user: CurrentUser; member: MemberWithEmail }> {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member) throw notFound();
  return { user, member };
}

/** The member of the path (`/members/:id/…`, staff pages); 404 when there is none. */
export async function memberOfPath(c: AppContext): Promise<MemberWithEmail> {
  const member = await findMemberById(c.var.deps.db, c.req.param('id') ?? '');
  if (!member) throw notFound();
  return member;
}

export const hasRequesterSide = (m: MemberWithEmail) => m.requester_status !== null;
const hasHelperSide = (m: MemberWithEmail) => m.helper_status !== null;

/** Children belong to the requester side: a helper-only member has no children pages. */
export async function ownRequester(c: AppContext) {
  const own = await ownMember(c);
  if (!hasRequesterSide(own.member)) throw notFound();
  return own;
}

export async function ownHelper(c: AppContext) {
  const own = await ownMember(c);
  if (!hasHelperSide(own.member)) throw notFound();
  return own;
}

/**
 * The guards of マイページ as middleware, so a form is read only once the page is known to be
 * the caller's: the member record (404 without one), and the side a page belongs to.
 */
export const ownMemberOnly = createMiddleware<AppEnv>(async (c, next) => {
  await ownMember(c);
  await next();
});
export const ownRequesterOnly = createMiddleware<AppEnv>(async (c, next) => {
  await ownRequester(c);
  await next();
});
export const ownHelperOnly = createMiddleware<AppEnv>(async (c, next) => {
  await ownHelper(c);
  await next();
});

/** The application is for newcomers: a signed-in member goes to マイページ, staff to the staff form. */
export const notSignedIn = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  if (user) return c.redirect(isStaff(user) ? '/members/new' : '/my', 303);
  await next();
});
