import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, textValues } from '../../http/validate.js';
import { notFound } from '../../lib/errors.js';
import { fieldErrors, firstErrors } from '../../lib/validation.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { MyContactsPage } from '../../../views/pages/members/my-contacts.js';
import { sessionWhen } from '../../../views/pages/members/my-orientations.js';
import { MyOverviewPage } from '../../../views/pages/members/my-overview.js';
import { MyProfilePage } from '../../../views/pages/members/my-profile.js';
import { listRegistrationsOfMember } from '../orientations/orientations.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  contactForm,
  contactValues,
  editContactNames,
  profileForm,
  profileValues,
  type ContactPrefix,
} from './contact-details-form.js';
import type { FormValues } from './form-issues.js';
import { ownMember, ownMemberOnly, resultOrFormError } from './member-pages.js';
import type { MemberWithEmail } from './members.queries.js';
import { CONTACT_FIELDS } from './form-layout.js';
import { contactBody as contactSchema, type ContactInput } from './members.schemas.js';
import { addAuthorizedPickup, addEmergencyContact } from './members.service.js';
import {
  myContacts,
  myOverview,
  removeOwnContact,
  updateOwnContact,
  updateOwnContactDetails,
} from './my-page.service.js';

/** マイページ: the overview, the member's contact details, emergency contacts and pick-ups. */
export const myProfilePages = new Hono<AppEnv>();

myProfilePages.get('/my', async (c) => {
  const { member } = await ownMember(c);
  const overview = await myOverview(c.var.deps, member, (id) =>
    listRegistrationsOfMember(c.var.deps.db, id),
  );
  const o = overview.orientation;
  return renderPage(c, MyOverviewPage, {
    member: overview.member,
    labels: overview.labels,
    orientation:
      o.state === 'registered'
        ? { state: o.state, date: sessionWhen(o.startsAt, o.endsAt, c.var.locale) }
        : o,
  });
});

// Contact details -----------------------------------------------------------------------------

async function profilePage(
  c: AppContext,
  member: MemberWithEmail,
  values: Partial<FormValues>,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(
    c,
    MyProfilePage,
    {
      member: { name: member.name, nameKana: member.name_kana, birthDate: member.birth_date },
      values,
      errors,
      areas: settings.areas,
    },
    status,
  );
}

myProfilePages.get('/my/profile', async (c) => {
  const { member } = await ownMember(c);
  const values = {
    phone: member.phone,
    postalCode: member.postal_code ?? '',
    address: member.address,
    area: member.area,
    email: member.email,
  };
  return profilePage(c, member, values, {});
});

myProfilePages.post(
  '/my/profile',
  ownMemberOnly,
  formBody(profileForm, async (c, errors, values) => {
    const { member } = await ownMember(c);
    return profilePage(c, member, profileValues(values), errors, 422);
  }),
  async (c) => {
    const { user, member } = await ownMember(c);
    const { input, values } = c.req.valid('form');
    const outcome = await resultOrFormError(
      c,
      () => updateOwnContactDetails(c.var.deps, user, member, input, c.var.clientAddress),
      (shown) => profilePage(c, member, values, shown.errors, 422),
    );
    if (outcome instanceof Response) return outcome;
    setFlash(c, outcome === 'saved' ? 'my.profile.saved' : 'my.profile.unchanged');
    return c.redirect('/my', 303);
  },
);

// Emergency contacts and people who may pick a child up ---------------------------------------

async function contactsPage(
  c: AppContext,
  member: MemberWithEmail,
  values: FormValues,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
  editing?: string,
) {
  const { contacts, pickups } = await myContacts(c.var.deps, member);
  return renderPage(
    c,
    MyContactsPage,
    {
      contacts,
      pickups,
      minContacts: member.kind === 'helper' ? 0 : 2,
      values,
      errors,
      ruleError,
      editing,
    },
    status,
  );
}

const anchor = (prefix: ContactPrefix) => (prefix === 'contact' ? 'contacts' : 'pickups');

const contactBody = (prefix: ContactPrefix) =>
  formBody(contactForm(prefix), async (c, errors, values) => {
    const { member } = await ownMember(c);
    return contactsPage(c, member, contactValues(prefix, values), errors, undefined, 422);
  });

/** Adds an emergency contact or a pick-up person. */
async function addContact(c: AppContext, prefix: ContactPrefix, input: ContactInput) {
  const { member } = await ownMember(c);
  if (prefix === 'contact') await addEmergencyContact(c.var.deps, member, input);
  else await addAuthorizedPickup(c.var.deps, member, input);
  setFlash(c, 'my.contacts.added', { name: input.name });
  return c.redirect(`/my/contacts#${anchor(prefix)}`, 303);
}

/** Removes one of the member's own contacts or pick-up people; someone else's is a 404. */
async function removeContact(c: AppContext, prefix: ContactPrefix) {
  const { member } = await ownMember(c);
  const removed = await resultOrFormError(
    c,
    () => removeOwnContact(c.var.deps, member, prefix, c.req.param('id') ?? ''),
    (shown) => contactsPage(c, member, {}, shown.errors, shown.rule, shown.status),
  );
  if (removed instanceof Response) return removed;
  setFlash(c, 'my.contacts.removed', { name: removed.name });
  return c.redirect(`/my/contacts#${anchor(prefix)}`, 303);
}

/**
 * Changes a contact or pick-up person in place. Its fields are named after it
 * (`contact.<id>.phone`) so that every row's form has its own field ids. The row is looked up
 * before the body is read: someone else's is a 404 whatever was sent.
 */
async function editContact(c: AppContext, prefix: ContactPrefix) {
  const { member } = await ownMember(c);
  const id = c.req.param('id') ?? '';
  const { contacts, pickups } = await myContacts(c.var.deps, member);
  if (!(prefix === 'contact' ? contacts : pickups).some((r) => r.id === id)) throw notFound();
  const names = editContactNames(prefix, id);
  const raw = textValues(await c.req.parseBody());
  const parsed = contactSchema.safeParse(
    Object.fromEntries(CONTACT_FIELDS.map((f) => [f, raw[names[f]] ?? ''])),
  );
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(firstErrors(fieldErrors(parsed.error, c.var.t))).map(([f, m]) => [
        names[f as (typeof CONTACT_FIELDS)[number]] ?? f,
        m,
      ]),
    );
    const values = Object.fromEntries(Object.values(names).map((n) => [n, raw[n] ?? '']));
    return contactsPage(c, member, values, errors, undefined, 422, id);
  }
  await updateOwnContact(c.var.deps, member, prefix, id, parsed.data);
  setFlash(c, 'my.contacts.updated', { name: parsed.data.name });
  return c.redirect(`/my/contacts#${anchor(prefix)}`, 303);
}

myProfilePages.get('/my/contacts', async (c) => {
  const { member } = await ownMember(c);
  return contactsPage(c, member, {}, {});
});
myProfilePages.post('/my/contacts', ownMemberOnly, contactBody('contact'), (c) =>
  addContact(c, 'contact', c.req.valid('form')),
);
myProfilePages.post('/my/contacts/:id/remove', (c) => removeContact(c, 'contact'));
myProfilePages.post('/my/contacts/:id', (c) => editContact(c, 'contact'));
myProfilePages.get('/my/pickups', (c) => c.redirect('/my/contacts#pickups', 303));
myProfilePages.post('/my/pickups', ownMemberOnly, contactBody('pickup'), (c) =>
  addContact(c, 'pickup', c.req.valid('form')),
);
myProfilePages.post('/my/pickups/:id/remove', (c) => removeContact(c, 'pickup'));
myProfilePages.post('/my/pickups/:id', (c) => editContact(c, 'pickup'));
