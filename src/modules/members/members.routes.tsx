import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { clearSessionCookie, setSessionCookie } from '../../auth/session.middleware.js';
import { isStaff, type AppContext, type AppEnv, type CurrentUser } from '../../context.js';
import { translateFields } from '../../http/errors.js';
import { readForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { toTokyoIso, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import { fieldErrors, firstErrors } from '../../lib/validation.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  ApplicationFormPage,
  CHILD_FIELDS,
  CHILD_SLOTS,
  CONTACT_FIELDS,
  CONTACT_SLOTS,
} from '../../../views/pages/members/application-form.js';
import { ChildFormPage } from '../../../views/pages/members/child-form.js';
import {
  HelperProfilePage,
  type HelperProfileValues,
} from '../../../views/pages/members/helper-profile.js';
import { CATEGORIES } from '../../i18n/category-labels.js';
import { MyChildrenPage } from '../../../views/pages/members/my-children.js';
import { MyContactsPage } from '../../../views/pages/members/my-contacts.js';
import { MyOrientationsPage, sessionWhen } from '../../../views/pages/members/my-orientations.js';
import { MyOverviewPage } from '../../../views/pages/members/my-overview.js';
import { MyProfilePage, PROFILE_FIELDS } from '../../../views/pages/members/my-profile.js';
import { WithdrawPage } from '../../../views/pages/members/withdraw.js';
import type { Child } from '../../../db/schema.js';
import { insertAuditLog } from '../audit/audit.queries.js';
import {
  findOrientation,
  listOrientations,
  listRegistrationsOfMember,
} from '../orientations/orientations.queries.js';
import { registerForOrientation } from '../orientations/orientations.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  findChildById,
  findMemberByUserId,
  listAuthorizedPickups,
  listChildren,
  listEmergencyContacts,
  type MemberWithEmail,
} from './members.queries.js';
import { formatMemberNo, toChildJson, toMemberJson } from './members.json.js';
import {
  applicationBody,
  childBody,
  contactBody,
  memberPatchBody,
  withdrawBody,
  type ChildInput,
  type MemberPatch,
} from './members.schemas.js';
import {
  addAuthorizedPickup,
  addChild,
  addEmergencyContact,
  applyForMembership,
  giveHealthConsent,
  removeAuthorizedPickup,
  removeEmergencyContact,
  updateChild,
  updateMember,
  withdrawMember,
} from './members.service.js';

/**
 * Member-facing pages: the public application (and staff entering one on paper's behalf), and
 * マイページ, where a member keeps their own details, children and contacts current.
 */
export const memberPages = new Hono<AppEnv>();

type Form = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Helpers shared by the forms

/** Zod issues as one translated message per field. */
function zodErrors(c: AppContext, error: Parameters<typeof fieldErrors>[0]): FormErrors {
  return firstErrors(fieldErrors(error, c.var.t));
}

/**
 * What a form shows for an error a service raised: field messages (400 with fields, or a
 * taken email), or a rule's plain-words message (409/422). Anything else is not a form's
 * business and goes to the error page.
 */
function formErrorOf(
  c: AppContext,
  err: unknown,
): { errors: FormErrors; rule?: string; status: 409 | 422 } | undefined {
  if (!(err instanceof AppError)) return undefined;
  const t = c.var.t;
  if (err.code === 'email_taken') return { errors: { email: t('apply.emailTaken') }, status: 422 };
  if (err.status === 400 && err.fields)
    return { errors: firstErrors(translateFields(err.fields, t)), status: 422 };
  if (err.status === 422 || err.status === 409) {
    return {
      errors: {},
      rule: ruleText(t, err),
      status: err.status,
    };
  }
  return undefined;
}

/** The signed-in user's own member record; a user without one (e.g. staff) gets 404. */
async function ownMember(c: AppContext): Promise<{ user: CurrentUser; member: MemberWithEmail }> {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member) throw notFound();
  return { user, member };
}

const hasRequesterSide = (m: MemberWithEmail) => m.requester_status !== null;
const hasHelperSide = (m: MemberWithEmail) => m.helper_status !== null;

// ---------------------------------------------------------------------------------------------
// The application: /apply (public) and /members/new (staff)

/**
 * Reads the numbered slots of a form (`children.0.name`…). A slot whose text fields are all
 * empty is ignored; `slots[i]` is the form slot of item `i`, to put errors back in place.
 */
function readSlots<F extends string>(
  form: Form,
  prefix: string,
  count: number,
  fields: readonly F[],
): { items: Record<F, string>[]; slots: number[] } {
  const items: Record<F, string>[] = [];
  const slots: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = {} as Record<F, string>;
    let filled = false;
    for (const f of fields) {
      const value = form[`${prefix}.${i}.${f}`] ?? '';
      item[f] = value;
      // A radio choice alone (sex) does not make a child.
      if (f !== 'sex' && value.trim() !== '') filled = true;
    }
    if (filled) {
      items.push(item);
      slots.push(i);
    }
  }
  return { items, slots };
}

/** The nested application body built from the flat form, and where each list item came from. */
function applicationFromForm(form: Form) {
  const kind = form.kind ?? '';
  // A helper-only applicant registers no children (the form hides the slots for them).
  const children =
    kind === 'helper'
      ? { items: [], slots: [] }
      : readSlots(form, 'children', CHILD_SLOTS, CHILD_FIELDS);
  const contacts = readSlots(form, 'emergencyContacts', CONTACT_SLOTS, CONTACT_FIELDS);
  const input = {
    kind,
    name: form.name ?? '',
    nameKana: form.nameKana ?? '',
    email: form.email ?? '',
    password: form.password ?? '',
    phone: form.phone ?? '',
    birthDate: form.birthDate ?? '',
    postalCode: form.postalCode ?? '',
    address: form.address ?? '',
    area: form.area ?? '',
    children: children.items.map((ch) => ({ ...ch, sex: ch.sex || null })),
    emergencyContacts: contacts.items,
    consent: {
      terms: form['consent.terms'] === 'yes',
      healthData: form['consent.healthData'] === 'yes',
    },
  };
  return { input, childSlots: children.slots, contactSlots: contacts.slots };
}

/** Error paths of list items (`children.0.nameKana`) back to the form's slot names. */
function toSlotNames(errors: FormErrors, childSlots: number[], contactSlots: number[]) {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^(children|emergencyContacts)\.(\d+)(\..+)?$/.exec(path);
    let name = path;
    if (m) {
      const list = m[1] === 'children' ? childSlots : contactSlots;
      const slot = list[Number(m[2])];
      name = slot === undefined || !m[3] ? m[1]! : `${m[1]}.${slot}${m[3]}`;
    }
    out[name] ??= message;
  }
  return out;
}

/** The list rules of a requester's application, checked alongside the fields. */
function listErrors(c: AppContext, input: ReturnType<typeof applicationFromForm>['input']) {
  const errors: FormErrors = {};
  if (input.kind !== 'requester' && input.kind !== 'both') return errors;
  if (input.children.length === 0) errors.children = c.var.t('validation.children_required');
  if (input.emergencyContacts.length < 2)
    errors.emergencyContacts = c.var.t('validation.two_emergency_contacts');
  return errors;
}

/**
 * Plainer messages for empty fields: an empty date is "required" (not "a real date"), an
 * unselected area is "choose one".
 */
function friendlier(c: AppContext, errors: FormErrors, form: Form): FormErrors {
  const out: FormErrors = {};
  for (const [name, message] of Object.entries(errors)) {
    const blank = (form[name] ?? '').trim() === '';
    if (blank && name === 'area') out[name] = c.var.t('validation.choice');
    else if (blank && name.endsWith('birthDate')) out[name] = c.var.t('validation.required');
    else out[name] = message;
  }
  return out;
}

/** The error summary lists problems in the order the form shows the fields. */
const APPLICATION_ORDER = [
  'kind',
  'name',
  'nameKana',
  'birthDate',
  'phone',
  'postalCode',
  'address',
  'area',
  'email',
  'password',
  'children',
  ...Array.from({ length: CHILD_SLOTS }, (_, i) =>
    CHILD_FIELDS.map((f) => `children.${i}.${f}`),
  ).flat(),
  'emergencyContacts',
  ...Array.from({ length: CONTACT_SLOTS }, (_, i) =>
    CONTACT_FIELDS.map((f) => `emergencyContacts.${i}.${f}`),
  ).flat(),
  'consent.terms',
  'consent.healthData',
];
function inFormOrder(errors: FormErrors): FormErrors {
  const rank = (name: string) => {
    const i = APPLICATION_ORDER.indexOf(name);
    return i < 0 ? APPLICATION_ORDER.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** Everything the form sent except the password, which is never written back into a page. */
const withoutPassword = (form: Form): Form =>
  Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'password'));

async function applicationPage(
  c: AppContext,
  mode: 'self' | 'staff',
  values: Form,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return render(
    c,
    <ApplicationFormPage
      ctx={viewContext(c)}
      mode={mode}
      action={mode === 'staff' ? '/members/new' : '/apply'}
      values={values}
      errors={errors}
      ruleError={ruleError}
      areas={settings.areas}
      labels={settings.labels}
      consent={settings.consent}
      minChildDays={settings.eligibility.requesterChildMinAgeDays}
    />,
    status,
  );
}

/** Validates and submits an application; a Response when the form must be shown again. */
async function submitApplication(
  c: AppContext,
  mode: 'self' | 'staff',
  enteredBy: CurrentUser | null,
): Promise<MemberWithEmail | Response> {
  const form = await readForm(c);
  const values = withoutPassword(form);
  const { input, childSlots, contactSlots } = applicationFromForm(form);
  const parsed = applicationBody.safeParse(input);
  if (!parsed.success) {
    const errors = toSlotNames(zodErrors(c, parsed.error), childSlots, contactSlots);
    // Zod checks the lists only once every field is valid: say it now, not on the next round.
    const all = { ...listErrors(c, input), ...errors };
    return applicationPage(c, mode, values, inFormOrder(friendlier(c, all, form)), undefined, 422);
  }
  try {
    return await applyForMembership(c.var.deps, parsed.data, enteredBy, c.var.clientAddress);
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    const errors = toSlotNames(shown.errors, childSlots, contactSlots);
    return applicationPage(c, mode, values, errors, shown.rule, shown.status);
  }
}

memberPages.get('/apply', (c) => {
  const user = c.var.user;
  if (user) return c.redirect(isStaff(user) ? '/members/new' : '/my', 303);
  const kind = c.req.query('kind');
  const values: Form = kind === 'requester' || kind === 'helper' || kind === 'both' ? { kind } : {};
  return applicationPage(c, 'self', values, {});
});

memberPages.post('/apply', async (c) => {
  const user = c.var.user;
  if (user) return c.redirect(isStaff(user) ? '/members/new' : '/my', 303);
  const result = await submitApplication(c, 'self', null);
  if (result instanceof Response) return result;
  // The applicant is signed in at once, to book an orientation straight away.
  const session = await c.var.lucia.createSession(result.user_id, { role: 'member' });
  setSessionCookie(c, session.id);
  setFlash(c, `apply.done.${result.kind}`);
  return c.redirect('/my/orientations', 303);
});

memberPages.get('/members/new', (c) => {
  requireStaff(c);
  return applicationPage(c, 'staff', {}, {});
});

memberPages.post('/members/new', async (c) => {
  const staff = requireStaff(c);
  const result = await submitApplication(c, 'staff', staff);
  if (result instanceof Response) return result;
  setFlash(c, 'apply.staffDone', { name: result.name });
  return c.redirect(`/members/${result.id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// マイページ

memberPages.get('/my', async (c) => {
  const { member } = await ownMember(c);
  const settings = await getCenterSettings(c.var.deps);
  let orientation: Parameters<typeof MyOverviewPage>[0]['orientation'] = { state: 'none' };
  if (member.requester_status === 'applied') {
    const registrations = await listRegistrationsOfMember(c.var.deps.db, member.id);
    const now = c.var.deps.clock.now().toISOString();
    const upcoming = registrations.find((r) => r.attended === null && r.ends_at >= now);
    if (registrations.some((r) => r.attended === 1)) orientation = { state: 'attended' };
    else if (upcoming)
      orientation = {
        state: 'registered',
        date: sessionWhen(upcoming.starts_at, upcoming.ends_at, c.var.locale),
      };
  }
  return render(
    c,
    <MyOverviewPage
      ctx={viewContext(c)}
      member={{
        name: member.name,
        memberNo: formatMemberNo(member.member_no),
        kind: member.kind,
        requesterStatus: member.requester_status,
        helperStatus: member.helper_status,
      }}
      labels={settings.labels}
      orientation={orientation}
    />,
  );
});

// Contact details -----------------------------------------------------------------------------

const profileBody = memberPatchBody.pick({
  phone: true,
  postalCode: true,
  address: true,
  area: true,
  email: true,
});

async function profilePage(
  c: AppContext,
  member: MemberWithEmail,
  values: Partial<Form>,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return render(
    c,
    <MyProfilePage
      ctx={viewContext(c)}
      member={{ name: member.name, nameKana: member.name_kana, birthDate: member.birth_date }}
      values={values}
      errors={errors}
      areas={settings.areas}
    />,
    status,
  );
}

memberPages.get('/my/profile', async (c) => {
  const { member } = await ownMember(c);
  return profilePage(
    c,
    member,
    {
      phone: member.phone,
      postalCode: member.postal_code ?? '',
      address: member.address,
      area: member.area,
      email: member.email,
    },
    {},
  );
});

memberPages.post('/my/profile', async (c) => {
  const { user, member } = await ownMember(c);
  const form = await readForm(c);
  const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, form[f] ?? '']));
  const parsed = profileBody.safeParse(values);
  if (!parsed.success) return profilePage(c, member, values, zodErrors(c, parsed.error), 422);
  // Only what changed is sent, so the audit row names the fields really changed.
  const current = {
    phone: member.phone,
    postalCode: member.postal_code,
    address: member.address,
    area: member.area,
    email: member.email,
  };
  const patch: MemberPatch = {};
  for (const f of PROFILE_FIELDS) {
    const value = parsed.data[f];
    if (value !== undefined && value !== current[f]) Object.assign(patch, { [f]: value });
  }
  if (Object.keys(patch).length === 0) {
    setFlash(c, 'my.profile.unchanged');
    return c.redirect('/my', 303);
  }
  try {
    await updateMember(c.var.deps, user, member, patch, false, c.var.clientAddress);
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return profilePage(c, member, values, shown.errors, 422);
  }
  setFlash(c, 'my.profile.saved');
  return c.redirect('/my', 303);
});

// Children ------------------------------------------------------------------------------------

/** Children belong to the requester side: a helper-only member has no children pages. */
async function ownRequester(c: AppContext) {
  const own = await ownMember(c);
  if (!hasRequesterSide(own.member)) throw notFound();
  return own;
}

/** A child of the signed-in member, or 404 (another family's child is not revealed). */
async function ownChild(c: AppContext, member: MemberWithEmail): Promise<Child> {
  const child = await findChildById(c.var.deps.db, c.req.param('id') ?? '');
  if (!child || child.member_id !== member.id) throw notFound();
  return child;
}

const childValues = (child: Child): Form => ({
  name: child.name,
  nameKana: child.name_kana,
  sex: child.sex ?? '',
  birthDate: child.birth_date,
  school: child.school ?? '',
  allergies: child.allergies ?? '',
  healthNotes: child.health_notes ?? '',
  familyDoctor: child.family_doctor ?? '',
});

async function childPage(
  c: AppContext,
  member: MemberWithEmail,
  props: {
    mode: 'new' | 'edit';
    action: string;
    savedName?: string;
    values: Form;
    errors: FormErrors;
    ruleError?: string | undefined;
  },
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return render(
    c,
    <ChildFormPage
      ctx={viewContext(c)}
      {...props}
      consent={{
        at: member.consent_health_at,
        version: member.consent_health_version,
        currentVersion: settings.consent.healthDataVersion,
      }}
    />,
    status,
  );
}

/**
 * Reads and checks the child form. Health details need the member's consent: given on this
 * form (the checkbox) it is recorded first, with its version; missing, the form asks for it.
 */
async function submitChild(
  c: AppContext,
  user: CurrentUser,
  member: MemberWithEmail,
  page: { mode: 'new' | 'edit'; action: string; savedName?: string },
  save: (input: ChildInput, m: MemberWithEmail) => Promise<void>,
): Promise<Response | undefined> {
  const form = await readForm(c);
  const values: Form = Object.fromEntries(
    [...CHILD_FIELDS, 'healthConsent'].map((f) => [f, form[f] ?? '']),
  );
  const parsed = childBody.safeParse({
    name: values.name,
    nameKana: values.nameKana,
    sex: values.sex || null,
    birthDate: values.birthDate,
    school: values.school,
    allergies: values.allergies,
    healthNotes: values.healthNotes,
    familyDoctor: values.familyDoctor,
  });
  if (!parsed.success) {
    const errors = friendlier(c, zodErrors(c, parsed.error), values);
    return childPage(c, member, { ...page, values, errors }, 422);
  }
  const input = parsed.data;
  const hasHealth = !!(input.allergies || input.healthNotes || input.familyDoctor);
  let current = member;
  if (!member.consent_health_at) {
    if (values.healthConsent === 'yes') {
      await giveHealthConsent(c.var.deps, user, member);
      current = (await findMemberByUserId(c.var.deps.db, user.id)) ?? member;
    } else if (hasHealth) {
      const errors = { healthConsent: c.var.t('my.child.consentRequired') };
      return childPage(c, member, { ...page, values, errors }, 422);
    }
  }
  try {
    await save(input, current);
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return childPage(
      c,
      current,
      { ...page, values, errors: shown.errors, ruleError: shown.rule },
      shown.status,
    );
  }
  return undefined;
}

memberPages.get('/my/children', async (c) => {
  const { member } = await ownRequester(c);
  const children = await listChildren(c.var.deps.db, member.id);
  return render(
    c,
    <MyChildrenPage
      ctx={viewContext(c)}
      kids={children}
      today={tokyoDateOf(c.var.deps.clock.now())}
    />,
  );
});

memberPages.get('/my/children/new', async (c) => {
  const { member } = await ownRequester(c);
  return childPage(c, member, {
    mode: 'new',
    action: '/my/children/new',
    values: {},
    errors: {},
  });
});

memberPages.post('/my/children/new', async (c) => {
  const { user, member } = await ownRequester(c);
  let name = '';
  const shown = await submitChild(
    c,
    user,
    member,
    { mode: 'new', action: '/my/children/new' },
    async (input, m) => {
      await addChild(c.var.deps, user, m, input);
      name = input.name;
    },
  );
  if (shown) return shown;
  setFlash(c, 'my.child.added', { name });
  return c.redirect('/my/children', 303);
});

memberPages.get('/my/children/:id/edit', async (c) => {
  const { member } = await ownRequester(c);
  const child = await ownChild(c, member);
  return childPage(c, member, {
    mode: 'edit',
    action: `/my/children/${child.id}/edit`,
    savedName: child.name,
    values: childValues(child),
    errors: {},
  });
});

memberPages.post('/my/children/:id/edit', async (c) => {
  const { user, member } = await ownRequester(c);
  const child = await ownChild(c, member);
  let name = '';
  const shown = await submitChild(
    c,
    user,
    member,
    { mode: 'edit', action: `/my/children/${child.id}/edit`, savedName: child.name },
    async (input, m) => {
      await updateChild(c.var.deps, user, m, child.id, input);
      name = input.name;
    },
  );
  if (shown) return shown;
  setFlash(c, 'my.child.updated', { name });
  return c.redirect('/my/children', 303);
});

// Emergency contacts and people who may pick a child up ---------------------------------------

async function contactsPage(
  c: AppContext,
  member: MemberWithEmail,
  values: Form,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const [contacts, pickups] = await Promise.all([
    listEmergencyContacts(c.var.deps.db, member.id),
    listAuthorizedPickups(c.var.deps.db, member.id),
  ]);
  return render(
    c,
    <MyContactsPage
      ctx={viewContext(c)}
      contacts={contacts}
      pickups={pickups}
      // The same rule as removeEmergencyContact: requesters keep two.
      minContacts={member.kind === 'helper' ? 0 : 2}
      values={values}
      errors={errors}
      ruleError={ruleError}
    />,
    status,
  );
}

/** Adds an emergency contact or a pick-up person from its form (`contact.*` / `pickup.*`). */
async function submitContact(c: AppContext, prefix: 'contact' | 'pickup') {
  const { member } = await ownMember(c);
  const form = await readForm(c);
  const values: Form = Object.fromEntries(
    CONTACT_FIELDS.map((f) => [`${prefix}.${f}`, form[`${prefix}.${f}`] ?? '']),
  );
  const parsed = contactBody.safeParse(
    Object.fromEntries(CONTACT_FIELDS.map((f) => [f, values[`${prefix}.${f}`]])),
  );
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(zodErrors(c, parsed.error)).map(([k, v]) => [`${prefix}.${k}`, v]),
    );
    return contactsPage(c, member, values, errors, undefined, 422);
  }
  if (prefix === 'contact') await addEmergencyContact(c.var.deps, member, parsed.data);
  else await addAuthorizedPickup(c.var.deps, member, parsed.data);
  setFlash(c, 'my.contacts.added', { name: parsed.data.name });
  return c.redirect(`/my/contacts#${prefix === 'contact' ? 'contacts' : 'pickups'}`, 303);
}

/** Removes one of the member's own contacts or pick-up people; someone else's is a 404. */
async function removeContact(c: AppContext, kind: 'contact' | 'pickup') {
  const { member } = await ownMember(c);
  const id = c.req.param('id') ?? '';
  const rows =
    kind === 'contact'
      ? await listEmergencyContacts(c.var.deps.db, member.id)
      : await listAuthorizedPickups(c.var.deps.db, member.id);
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound();
  try {
    if (kind === 'contact') await removeEmergencyContact(c.var.deps, member, id);
    else await removeAuthorizedPickup(c.var.deps, member, id);
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return contactsPage(c, member, {}, shown.errors, shown.rule, shown.status);
  }
  setFlash(c, 'my.contacts.removed', { name: row.name });
  return c.redirect(`/my/contacts#${kind === 'contact' ? 'contacts' : 'pickups'}`, 303);
}

memberPages.get('/my/contacts', async (c) => {
  const { member } = await ownMember(c);
  return contactsPage(c, member, {}, {});
});
memberPages.post('/my/contacts', (c) => submitContact(c, 'contact'));
memberPages.post('/my/contacts/:id/remove', (c) => removeContact(c, 'contact'));
memberPages.get('/my/pickups', (c) => c.redirect('/my/contacts#pickups', 303));
memberPages.post('/my/pickups', (c) => submitContact(c, 'pickup'));
memberPages.post('/my/pickups/:id/remove', (c) => removeContact(c, 'pickup'));

// Helper profile ------------------------------------------------------------------------------

const parseList = (json: string): unknown[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

const monthsToParts = (months: number | null) =>
  months === null
    ? { years: '', months: '' }
    : { years: String(Math.floor(months / 12)), months: String(months % 12) };

function helperValues(member: MemberWithEmail): HelperProfileValues {
  const min = monthsToParts(member.helper_child_age_min_months);
  const max = monthsToParts(member.helper_child_age_max_months);
  return {
    areas: parseList(member.helper_areas).map(String),
    categories: parseList(member.helper_categories).map(String),
    ageMinYears: min.years,
    ageMinMonths: min.months,
    ageMaxYears: max.years,
    ageMaxMonths: max.months,
    maxChildren: String(member.helper_max_children),
    hasPets: member.helper_has_pets === 1,
    smokerInHome: member.helper_smoker_in_home === 1,
    preschoolersAtHome: member.helper_preschoolers_at_home === 1,
    householdNotes: member.helper_household_notes ?? '',
  };
}

/** An age typed as years and months (full-width digits too): months, null when both empty. */
function ageInMonthsFromForm(years: string, months: string): number | null | 'invalid' {
  const y = years.normalize('NFKC').trim();
  const m = months.normalize('NFKC').trim();
  if (y === '' && m === '') return null;
  if (!/^\d{0,2}$/.test(y) || !/^\d{0,2}$/.test(m)) return 'invalid';
  const yn = y === '' ? 0 : Number(y);
  const mn = m === '' ? 0 : Number(m);
  if (yn > 12 || mn > 11) return 'invalid';
  return yn * 12 + mn;
}

async function helperPage(
  c: AppContext,
  values: HelperProfileValues,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return render(
    c,
    <HelperProfilePage
      ctx={viewContext(c)}
      areas={settings.areas}
      values={values}
      errors={errors}
      ruleError={ruleError}
    />,
    status,
  );
}

async function ownHelper(c: AppContext) {
  const own = await ownMember(c);
  if (!hasHelperSide(own.member)) throw notFound();
  return own;
}

memberPages.get('/my/helper-profile', async (c) => {
  const { member } = await ownHelper(c);
  return helperPage(c, helperValues(member), {});
});

memberPages.post('/my/helper-profile', async (c) => {
  const { user, member } = await ownHelper(c);
  const form = await readForm(c);
  const settings = await getCenterSettings(c.var.deps);
  const yes = (name: string) => form[name] === 'yes';
  const values: HelperProfileValues = {
    areas: settings.areas.map((a) => a.code).filter((code) => yes(`helperAreas.${code}`)),
    categories: CATEGORIES.map(String).filter((n) => yes(`helperCategories.${n}`)),
    ageMinYears: form['ageMin.years'] ?? '',
    ageMinMonths: form['ageMin.months'] ?? '',
    ageMaxYears: form['ageMax.years'] ?? '',
    ageMaxMonths: form['ageMax.months'] ?? '',
    maxChildren: form.helperMaxChildren ?? '',
    hasPets: yes('helperHasPets'),
    smokerInHome: yes('helperSmokerInHome'),
    preschoolersAtHome: yes('helperPreschoolersAtHome'),
    householdNotes: form.helperHouseholdNotes ?? '',
  };
  const errors: FormErrors = {};
  const min = ageInMonthsFromForm(values.ageMinYears, values.ageMinMonths);
  const max = ageInMonthsFromForm(values.ageMaxYears, values.ageMaxMonths);
  if (min === 'invalid') errors.helperChildAgeMinMonths = c.var.t('my.helper.ageError');
  if (max === 'invalid') errors.helperChildAgeMaxMonths = c.var.t('my.helper.ageError');
  const parsed = memberPatchBody.safeParse({
    helperAreas: values.areas,
    helperCategories: values.categories.map(Number),
    helperChildAgeMinMonths: min === 'invalid' ? null : min,
    helperChildAgeMaxMonths: max === 'invalid' ? null : max,
    helperMaxChildren: /^[1-9]$/.test(values.maxChildren) ? Number(values.maxChildren) : undefined,
    helperHasPets: values.hasPets,
    helperSmokerInHome: values.smokerInHome,
    helperPreschoolersAtHome: values.preschoolersAtHome,
    helperHouseholdNotes: values.householdNotes,
  });
  if (!parsed.success) Object.assign(errors, zodErrors(c, parsed.error), errors);
  if (parsed.success && parsed.data.helperMaxChildren === undefined)
    errors.helperMaxChildren = c.var.t('validation.choice');
  if (!parsed.success || Object.keys(errors).length > 0)
    return helperPage(c, values, errors, undefined, 422);
  try {
    await updateMember(c.var.deps, user, member, parsed.data, false, c.var.clientAddress);
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return helperPage(c, values, shown.errors, shown.rule, shown.status);
  }
  setFlash(c, 'my.helper.saved');
  return c.redirect('/my', 303);
});

// Orientations --------------------------------------------------------------------------------

async function orientationsPage(
  c: AppContext,
  member: MemberWithEmail,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const db = c.var.deps.db;
  const [sessions, registrations] = await Promise.all([
    listOrientations(db, { fromIso: c.var.deps.clock.now().toISOString() }),
    listRegistrationsOfMember(db, member.id),
  ]);
  const mine = new Set(registrations.map((r) => r.id));
  return render(
    c,
    <MyOrientationsPage
      ctx={viewContext(c)}
      sessions={sessions.map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        venue: s.venue,
        capacity: s.capacity,
        registered: Number(s.registered ?? 0),
        notes: s.notes,
        mine: mine.has(s.id),
      }))}
      registrations={registrations.map((r) => ({
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        venue: r.venue,
        attended: r.attended,
      }))}
      isRequester={hasRequesterSide(member)}
      ruleError={ruleError}
    />,
    status,
  );
}

memberPages.get('/my/orientations', async (c) => {
  const { member } = await ownMember(c);
  return orientationsPage(c, member);
});

memberPages.post('/my/orientations/:id/register', async (c) => {
  const { member } = await ownMember(c);
  const orientationId = c.req.param('id');
  try {
    await registerForOrientation(c.var.deps, orientationId, member.id);
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return orientationsPage(c, member, shown.rule, shown.status);
  }
  const orientation = await findOrientation(c.var.deps.db, orientationId);
  setFlash(c, 'my.orientations.done', {
    date: orientation ? sessionWhen(orientation.starts_at, orientation.ends_at, c.var.locale) : '',
  });
  return c.redirect('/my/orientations', 303);
});

// The member's own data, as a file ------------------------------------------------------------

memberPages.get('/my/data.json', async (c) => {
  const { user, member } = await ownMember(c);
  const db = c.var.deps.db;
  const now = c.var.deps.clock.now();
  const [children, contacts, pickups, registrations] = await Promise.all([
    listChildren(db, member.id),
    listEmergencyContacts(db, member.id),
    listAuthorizedPickups(db, member.id),
    listRegistrationsOfMember(db, member.id),
  ]);
  const person = (r: {
    id: string;
    name: string;
    relation: string;
    phone: string;
    created_at: string;
  }) => ({
    id: r.id,
    name: r.name,
    relation: r.relation,
    phone: r.phone,
    createdAt: r.created_at,
  });
  const data = {
    exportedAt: toTokyoIso(now),
    member: toMemberJson(member),
    children: children.map((ch) => toChildJson(ch, true)),
    emergencyContacts: contacts.map(person),
    authorizedPickups: pickups.map(person),
    orientationRegistrations: registrations.map((r) => ({
      orientationId: r.id,
      startsAt: toTokyoIso(r.starts_at),
      endsAt: toTokyoIso(r.ends_at),
      venue: r.venue,
      attended: r.attended === null ? null : r.attended === 1,
    })),
  };
  await insertAuditLog(db, {
    at: now,
    actorUserId: user.id,
    action: 'member_data_exported',
    subjectType: 'member',
    subjectId: member.id,
    clientAddress: c.var.clientAddress,
  });
  return c.body(JSON.stringify(data, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="tsunagu-my-data-${tokyoDateOf(now)}.json"`,
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
  return render(
    c,
    <WithdrawPage
      ctx={viewContext(c)}
      retentionYears={settings.retention.withdrawnMemberYears}
      values={values}
      errors={errors}
      ruleError={ruleError}
    />,
    status,
  );
}

memberPages.get('/my/withdraw', async (c) => {
  await ownMember(c);
  return withdrawPage(c, {}, {});
});

memberPages.post('/my/withdraw', async (c) => {
  const { user, member } = await ownMember(c);
  const form = await readForm(c);
  const values = { reason: form.reason ?? '', confirm: form.confirm ?? '' };
  const parsed = withdrawBody.safeParse({ reason: values.reason });
  const errors: FormErrors = parsed.success ? {} : zodErrors(c, parsed.error);
  if (values.confirm !== 'yes') errors.confirm = c.var.t('my.withdraw.confirmRequired');
  if (!parsed.success || Object.keys(errors).length > 0)
    return withdrawPage(c, values, errors, undefined, 422);
  try {
    await withdrawMember(
      c.var.deps,
      user,
      member.id,
      parsed.data.reason || null,
      c.var.clientAddress,
    );
  } catch (err) {
    const shown = formErrorOf(c, err);
    if (!shown) throw err;
    return withdrawPage(c, values, shown.errors, shown.rule, shown.status);
  }
  // The service ended every session of the member; the browser forgets its cookie too.
  clearSessionCookie(c);
  setFlash(c, 'my.withdraw.done');
  return c.redirect('/login', 303);
});
