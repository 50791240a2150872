import { areaName } from '../../i18n/area-labels.js';
import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { formPosts } from '../../http/form-posts.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { fieldRefusal } from '../../http/refusal.js';
import { renderPage, setFlash } from '../../http/render.js';
import { UUID } from '../../http/paths.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { DirectoryPage, type DirectoryShortcut } from '../../../views/pages/directory/directory.js';
import { GroupFormPage, type GroupFormValues } from '../../../views/pages/directory/group-form.js';
import {
  groupKindLabel,
  type DirectoryFilters,
  type GroupView,
} from '../../../views/pages/directory/group-facts.js';
import { DirectoryPrintPage } from '../../../views/pages/directory/print.js';
import {
  ReferralsPage,
  type ReferralFormValues,
} from '../../../views/pages/directory/referrals.js';
import { loadMembersOnlyReader } from '../events/viewer.js';
import { ageInYears } from '../members/member-rules.js';
import { findMemberById, listChildren } from '../members/members.queries.js';
import type { Area } from '../settings/settings.schemas.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { findGroup, listGroupChoices, listGroups, type GroupRow } from './directory.queries.js';
import { toGroupJson } from './directory.json.js';
import { groupForm, groupFormValues, referralForm, referralFormValues } from './directory-form.js';
import { GROUP_KINDS, MAX_AGE } from './directory.schemas.js';
import {
  addReferral,
  archiveGroup,
  createGroup,
  referralsForMember,
  updateGroup,
} from './directory.service.js';

export const directoryPages = new Hono<AppEnv>();

const GROUP = `/directory/:id{${UUID}}`;
const MEMBER_REFERRALS = `/members/:id{${UUID}}/referrals`;

/** A group as the pages show it: the API's shape. */
const toGroupView = (g: GroupRow): GroupView => toGroupJson(g);

/** The filters of the query string; anything unknown is simply not applied. */
function readFilters(c: AppContext, areas: Area[]): DirectoryFilters {
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const kind = c.req.query('kind');
  const area = c.req.query('area');
  const ageText = c.req.query('age') ?? '';
  const age = /^\d{1,2}$/.test(ageText) && Number(ageText) <= MAX_AGE ? Number(ageText) : undefined;
  return {
    q: q || undefined,
    kind: GROUP_KINDS.find((k) => k === kind),
    area: areas.some((a) => a.code === area) ? area : undefined,
    age,
  };
}

/** What both directory pages list: the groups the query string's filters select. */
async function listingOf(c: AppContext, areas: Area[]) {
  const filters = readFilters(c, areas);
  const groups = await listGroups(c.var.deps.db, filters);
  return { groups: groups.map(toGroupView), filters, areas };
}

/** A parent's shortcuts: her area, and each child's age there (children up to MAX_AGE). */
async function shortcutsFor(c: AppContext, areas: Area[]): Promise<DirectoryShortcut[]> {
  const { t, locale } = { t: c.var.t, locale: c.var.locale };
  // The member row read with the session (requireReader let only a live member through).
  const member = c.var.member;
  if (!member || !areas.some((a) => a.code === member.area)) return [];
  const memberArea = areaName(areas, member.area, locale);
  const today = tokyoDateOf(c.var.deps.clock.now());
  const shortcuts: DirectoryShortcut[] = [
    { label: t('dir.shortcut.area', { area: memberArea }), filters: { area: member.area } },
  ];
  if (member.requester_status !== null) {
    for (const child of await listChildren(c.var.deps.db, member.id)) {
      const age = ageInYears(child.birth_date, today);
      if (age < 0 || age > MAX_AGE) continue;
      shortcuts.push({
        label: t('dir.shortcut.child', { name: child.name, age, area: memberArea }),
        filters: { area: member.area, age },
      });
    }
  }
  return shortcuts;
}

directoryPages.get('/directory', async (c) => {
  const viewer = loadMembersOnlyReader(c);
  const { areas } = await getCenterSettings(c.var.deps);
  const [listing, shortcuts] = await Promise.all([
    listingOf(c, areas),
    viewer.kind === 'member' ? shortcutsFor(c, areas) : [],
  ]);
  return renderPage(c, DirectoryPage, { ...listing, shortcuts, isStaff: viewer.kind === 'staff' });
});

directoryPages.get('/directory/print', async (c) => {
  loadMembersOnlyReader(c);
  const { areas } = await getCenterSettings(c.var.deps);
  const listing = await listingOf(c, areas);
  return renderPage(c, DirectoryPrintPage, {
    ...listing,
    today: tokyoDateOf(c.var.deps.clock.now()),
  });
});

// ---------------------------------------------------------------------------------------------
// Staff: maintaining the directory

async function renderGroupForm(
  c: AppContext,
  values: GroupFormValues,
  errors: FormErrors,
  groupId?: string,
  status: 200 | 422 = 200,
) {
  const { areas } = await getCenterSettings(c.var.deps);
  return renderPage(c, GroupFormPage, { groupId, areas, values, errors }, status);
}

/** The staff's forms: the staff member, and the id of the path (none for a new group). */
const staffForm = formPosts(directoryPages, [staffOnly], (c) => ({
  staff: requireStaff(c),
  id: c.req.param('id'),
}));

/**
 * The group form, of a new group or of the group of the path: saved, back to the list; an area
 * the settings do not know, the form again.
 */
const postGroupForm = (path: string) =>
  staffForm(
    path,
    groupForm,
    (c, errors, values) =>
      renderGroupForm(c, groupFormValues(values), errors, c.req.param('id'), 422),
    async (c, { staff, id }, { values, input }) => {
      try {
        const group = id
          ? await updateGroup(c.var.deps, staff, id, input)
          : await createGroup(c.var.deps, staff, input);
        setFlash(c, id ? 'dir.savedNotice' : 'dir.addedNotice', { name: group.name });
      } catch (err) {
        // A rule the service applies (an area not in the settings) is a problem of its field.
        const errors = fieldRefusal(c, err, { unknown_area: ['area', 'dir.rule.unknown_area'] });
        if (!errors) throw err;
        return renderGroupForm(c, values, errors, id, 422);
      }
      return c.redirect('/directory', 303);
    },
  );

directoryPages.get('/directory/new', (c) => {
  requireStaff(c);
  return renderGroupForm(c, {}, {});
});

postGroupForm('/directory');

directoryPages.get(`${GROUP}/edit`, async (c) => {
  requireStaff(c);
  const g = await findGroup(c.var.deps.db, c.req.param('id'));
  if (!g || g.archived_at) throw notFound();
  return renderGroupForm(
    c,
    {
      name: g.name,
      kind: g.kind,
      area: g.area,
      schedule: g.schedule,
      contact: g.contact,
      ageMin: g.age_min === null ? '' : String(g.age_min),
      ageMax: g.age_max === null ? '' : String(g.age_max),
      description: g.description,
      url: g.url ?? '',
    },
    {},
    g.id,
  );
});

postGroupForm(`${GROUP}/edit`);

directoryPages.post(`${GROUP}/archive`, async (c) => {
  const staff = requireStaff(c);
  await archiveGroup(c.var.deps, staff, c.req.param('id'));
  setFlash(c, 'dir.archivedNotice');
  return c.redirect('/directory', 303);
});

// ---------------------------------------------------------------------------------------------
// Staff: "referred to" notes of a member

async function renderReferrals(
  c: AppContext,
  memberId: string,
  values: ReferralFormValues,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const member = await findMemberById(c.var.deps.db, memberId);
  if (!member || member.purged_at) throw notFound();
  const [{ areas }, referrals, groups] = await Promise.all([
    getCenterSettings(c.var.deps),
    referralsForMember(c.var.deps, memberId),
    listGroupChoices(c.var.deps.db),
  ]);
  const { t, locale } = { t: c.var.t, locale: c.var.locale };
  return renderPage(
    c,
    ReferralsPage,
    {
      member: { id: member.id, name: member.name },
      referrals,
      groups: groups.map((g) => ({
        id: g.id,
        label: `${g.name}（${areaName(areas, g.area, locale)}・${groupKindLabel(t, g.kind)}）`,
      })),
      values,
      errors,
    },
    status,
  );
}

directoryPages.get(MEMBER_REFERRALS, (c) => {
  requireStaff(c);
  return renderReferrals(
    c,
    c.req.param('id'),
    {
      referredOn: tokyoDateOf(c.var.deps.clock.now()),
    },
    {},
  );
});

directoryPages.post(
  MEMBER_REFERRALS,
  staffOnly,
  formBody(referralForm, (c, errors, values) =>
    renderReferrals(c, c.req.param('id') ?? '', referralFormValues(values), errors, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const memberId = c.req.param('id');
    const { values, input } = c.req.valid('form');
    try {
      await addReferral(c.var.deps, staff, memberId, input);
    } catch (err) {
      const errors = fieldRefusal(c, err, { unknown_group: ['groupId', 'dir.rule.unknown_group'] });
      if (!errors) throw err;
      return renderReferrals(c, memberId, values, errors, 422);
    }
    setFlash(c, 'dir.ref.addedNotice');
    return c.redirect(`/members/${memberId}/referrals`, 303);
  },
);
