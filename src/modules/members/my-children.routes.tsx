import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { ChildFormPage } from '../../../views/pages/members/child-form.js';
import { MyChildrenPage } from '../../../views/pages/members/my-children.js';
import type { Child } from '../../../db/schema.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { childForm, childFormValues, childValues, type ChildForm } from './child-form.js';
import type { FormValues } from './form-issues.js';
import { formRefusedOr, ownRequester, ownRequesterOnly } from './member-pages.js';
import { findChildById, listChildren, type MemberWithEmail } from './members.queries.js';
import { saveOwnChild } from './my-page.service.js';

/** マイページ: the requester's children, with their health details. */
export const myChildrenPages = new Hono<AppEnv>();

/** A child of the signed-in member, or 404 (another family's child is not revealed). */
async function ownChild(c: AppContext, member: MemberWithEmail): Promise<Child> {
  const child = await findChildById(c.var.deps.db, c.req.param('id') ?? '');
  if (!child || child.member_id !== member.id) throw notFound();
  return child;
}

/** Which form: a new child, or the edit form of a saved one. */
type ChildPage =
  { mode: 'new'; action: string } | { mode: 'edit'; action: string; savedName: string };

const NEW_CHILD: ChildPage = { mode: 'new', action: '/my/children/new' };
const editPage = (child: Child): ChildPage => ({
  mode: 'edit',
  action: `/my/children/${child.id}/edit`,
  savedName: child.name,
});

async function childPage(
  c: AppContext,
  member: MemberWithEmail,
  props: ChildPage & { values: FormValues; errors: FormErrors; ruleError?: string | undefined },
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(
    c,
    ChildFormPage,
    {
      ...props,
      consent: {
        at: member.consent_health_at,
        version: member.consent_health_version,
        currentVersion: settings.consent.healthDataVersion,
      },
    },
    status,
  );
}

/** The form again, with the messages: for the new child, or the member's own child (else 404). */
const childBody = (mode: ChildPage['mode']) =>
  formBody(childForm, async (c, errors, values) => {
    const { member } = await ownRequester(c);
    const page = mode === 'new' ? NEW_CHILD : editPage(await ownChild(c, member));
    return childPage(c, member, { ...page, values: childFormValues(values), errors }, 422);
  });

/** Saves the child; a refusal shows the form again (the consent as now recorded). */
async function saveChild(c: AppContext, page: ChildPage, form: ChildForm, childId?: string) {
  const { user, member } = await ownRequester(c);
  return formRefusedOr(
    c,
    () => saveOwnChild(c.var.deps, user, member, form, childId),
    async (shown) => {
      const { member: current } = await ownRequester(c);
      const props = { ...page, values: form.values, errors: shown.errors, ruleError: shown.rule };
      return childPage(c, current, props, shown.status);
    },
  );
}

myChildrenPages.get('/my/children', async (c) => {
  const { member } = await ownRequester(c);
  const children = await listChildren(c.var.deps.db, member.id);
  return renderPage(c, MyChildrenPage, {
    kids: children,
    today: tokyoDateOf(c.var.deps.clock.now()),
  });
});

myChildrenPages.get('/my/children/new', async (c) => {
  const { member } = await ownRequester(c);
  return childPage(c, member, { ...NEW_CHILD, values: {}, errors: {} });
});

myChildrenPages.post('/my/children/new', ownRequesterOnly, childBody('new'), async (c) => {
  const form = c.req.valid('form');
  const shown = await saveChild(c, NEW_CHILD, form);
  if (shown) return shown;
  setFlash(c, 'my.child.added', { name: form.input.name });
  return c.redirect('/my/children', 303);
});

myChildrenPages.get('/my/children/:id/edit', async (c) => {
  const { member } = await ownRequester(c);
  const child = await ownChild(c, member);
  return childPage(c, member, { ...editPage(child), values: childValues(child), errors: {} });
});

myChildrenPages.post('/my/children/:id/edit', ownRequesterOnly, childBody('edit'), async (c) => {
  const { member } = await ownRequester(c);
  const child = await ownChild(c, member);
  const form = c.req.valid('form');
  const shown = await saveChild(c, editPage(child), form, child.id);
  if (shown) return shown;
  setFlash(c, 'my.child.updated', { name: form.input.name });
  return c.redirect('/my/children', 303);
});
