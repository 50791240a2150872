import type { AppDeps, CurrentUser } from '../../context.js';
import { toTokyoIso, tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { insertAuditLog } from '../audit/audit.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import type { ChildForm } from './child-form.js';
import { formatMemberNo, toChildJson, toMemberJson } from './members.json.js';
import {
  findMemberByUserId,
  listAuthorizedPickups,
  listChildren,
  listEmergencyContacts,
  updateContact,
  type MemberWithEmail,
} from './members.queries.js';
import type { ContactInput, MemberPatch } from './members.schemas.js';
import {
  addChild,
  fieldError,
  giveHealthConsent,
  hasHealthData,
  removeAuthorizedPickup,
  removeEmergencyContact,
  updateChild,
  updateMember,
} from './members.service.js';

/** マイページ: what a member does with their own record, one function per page action. */

/** A member's orientation registration (read by the orientations module, handed in). */
interface Registration {
  id: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  attended: number | null;
}

export type OrientationState =
  | { state: 'none' }
  | { state: 'attended' }
  | { state: 'registered'; startsAt: string; endsAt: string };

/** The overview: the member's number and sides, and where an applicant stands on orientation. */
export async function myOverview(
  deps: AppDeps,
  member: MemberWithEmail,
  registrationsOf: (memberId: string) => Promise<Registration[]>,
) {
  const settings = await getCenterSettings(deps);
  let orientation: OrientationState = { state: 'none' };
  if (member.requester_status === 'applied') {
    const registrations = await registrationsOf(member.id);
    const now = deps.clock.now().toISOString();
    const upcoming = registrations.find((r) => r.attended === null && r.ends_at >= now);
    if (registrations.some((r) => r.attended === 1)) orientation = { state: 'attended' };
    else if (upcoming)
      orientation = { state: 'registered', startsAt: upcoming.starts_at, endsAt: upcoming.ends_at };
  }
  return {
    member: {
      name: member.name,
      memberNo: formatMemberNo(member.member_no),
      kind: member.kind,
      requesterStatus: member.requester_status,
      helperStatus: member.helper_status,
    },
    labels: settings.labels,
    orientation,
  };
}

const CONTACT_DETAILS = ['phone', 'postalCode', 'address', 'area', 'email'] as const;
type ContactDetails = Pick<MemberPatch, (typeof CONTACT_DETAILS)[number]>;

/**
 * The member's own contact details. Only what changed is sent, so the audit row names the
 * fields really changed; `unchanged` when nothing did.
 */
export async function updateOwnContactDetails(
  deps: AppDeps,
  user: CurrentUser,
  member: MemberWithEmail,
  input: ContactDetails,
  clientAddress: string,
): Promise<'saved' | 'unchanged'> {
  const current: ContactDetails = {
    phone: member.phone,
    postalCode: member.postal_code,
    address: member.address,
    area: member.area,
    email: member.email,
  };
  const patch: MemberPatch = {};
  for (const f of CONTACT_DETAILS) {
    const value = input[f];
    if (value !== undefined && value !== current[f]) Object.assign(patch, { [f]: value });
  }
  if (Object.keys(patch).length === 0) return 'unchanged';
  await updateMember(deps, user, member, patch, false, clientAddress);
  return 'saved';
}

/**
 * Adds (no `childId`) or updates one of the member's children. Health details need the
 * member's consent: given on the form it is recorded first, with its version; missing, the
 * form asks for it (400 on `healthConsent`).
 */
export async function saveOwnChild(
  deps: AppDeps,
  user: CurrentUser,
  member: MemberWithEmail,
  form: Pick<ChildForm, 'input' | 'healthConsent'>,
  childId?: string,
): Promise<void> {
  let current = member;
  if (!member.consent_health_at) {
    if (form.healthConsent) {
      await giveHealthConsent(deps, user, member);
      current = (await findMemberByUserId(deps.db, user.id)) ?? member;
    } else if (hasHealthData(form.input)) {
      throw fieldError('healthConsent', 'my.child.consentRequired');
    }
  }
  if (childId === undefined) await addChild(deps, user, current, form.input);
  else await updateChild(deps, user, current, childId, form.input);
}

export type ContactKind = 'contact' | 'pickup';

/** The member's emergency contacts and the people who may pick a child up. */
export async function myContacts(deps: AppDeps, member: MemberWithEmail) {
  const [contacts, pickups] = await Promise.all([
    listEmergencyContacts(deps.db, member.id),
    listAuthorizedPickups(deps.db, member.id),
  ]);
  return { contacts, pickups };
}

/** Removes one of the member's own contacts or pick-up people (404 for anyone else's). */
export async function removeOwnContact(
  deps: AppDeps,
  member: MemberWithEmail,
  kind: ContactKind,
  id: string,
): Promise<{ name: string }> {
  const rows =
    kind === 'contact'
      ? await listEmergencyContacts(deps.db, member.id)
      : await listAuthorizedPickups(deps.db, member.id);
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound();
  if (kind === 'contact') await removeEmergencyContact(deps, member, id);
  else await removeAuthorizedPickup(deps, member, id);
  return row;
}

/** Changes one of the member's own contacts or pick-up people in place (404 for anyone else's). */
export async function updateOwnContact(
  deps: AppDeps,
  member: MemberWithEmail,
  kind: ContactKind,
  id: string,
  input: ContactInput,
): Promise<void> {
  const updated = await updateContact(
    deps.db,
    kind === 'contact' ? 'emergency_contact' : 'authorized_pickup',
    { memberId: member.id, id },
    { name: input.name, relation: input.relation, phone: input.phone },
  );
  if (!updated) throw notFound();
}

/** Saves the helper profile; ticked areas the center does not serve are dropped. */
export async function saveHelperProfile(
  deps: AppDeps,
  user: CurrentUser,
  member: MemberWithEmail,
  patch: MemberPatch & { helperAreas: string[] },
  clientAddress: string,
) {
  const settings = await getCenterSettings(deps);
  const helperAreas = settings.areas
    .map((a) => a.code)
    .filter((code) => patch.helperAreas.includes(code));
  await updateMember(deps, user, member, { ...patch, helperAreas }, false, clientAddress);
}

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

/** Everything held about the member, as a file of their own; the export is audited. */
export async function exportMemberData(
  deps: AppDeps,
  user: CurrentUser,
  member: MemberWithEmail,
  clientAddress: string,
  registrationsOf: (memberId: string) => Promise<Registration[]>,
) {
  const db = deps.db;
  const now = deps.clock.now();
  const [children, contacts, pickups, registrations] = await Promise.all([
    listChildren(db, member.id),
    listEmergencyContacts(db, member.id),
    listAuthorizedPickups(db, member.id),
    registrationsOf(member.id),
  ]);
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
    clientAddress,
  });
  return { data, filename: `tsunagu-my-data-${tokyoDateOf(now)}.json` };
}
