import { areaName } from '../../i18n/area-labels.js';
import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { toCsv, type CsvCell } from '../../lib/csv.js';
import { fiscalYearOf, formatDateTime, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound, unprocessable } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import type { MemberKind, Side, SideStatus } from '../../../db/schema.js';
import {
  MemberDirectoryPage,
  type DirectoryFilters,
} from '../../../views/pages/members/staff/member-directory.js';
import {
  MemberDetailPage,
  type ActionFailure,
} from '../../../views/pages/members/staff/member-detail.js';
import { MemberCardPage } from '../../../views/pages/members/staff/member-card.js';
import { RenewalsPage } from '../../../views/pages/members/staff/renewals.js';
import { kindLabel } from '../../../views/pages/members/labels.js';
import { insertAuditLog } from '../audit/audit.queries.js';
import {
  listOrientations,
  listRegistrationsOfMember,
} from '../orientations/orientations.queries.js';
import { registerForOrientation } from '../orientations/orientations.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import type { Area } from '../settings/settings.schemas.js';
import { auditHealthReads } from './children.access.js';
import { listActiveRequestersWithChildren } from './member-admin.queries.js';
import { formatMemberNo } from './members.json.js';
import {
  findMemberById,
  hasAttendedOrientation,
  listAuthorizedPickups,
  listChildren,
  listEmergencyContacts,
  listMembers,
  listStatusEvents,
  type MemberWithEmail,
} from './members.queries.js';
import { suspendBody } from './members.schemas.js';
import { approveSide, reactivateSide, suspendSide, withdrawMember } from './members.service.js';
import { agedOutAtFiscalYearEnd, fiscalYearEnd } from './renewals.js';
import { referralsForMember } from '../directory/directory.service.js';

export const memberStaffPages = new Hono<AppEnv>();

const PAGE_SIZE = 50;
export const EXPORT_LIMIT = 10_000;
/** Member ids are UUIDs; the pattern keeps /members/new and friends for other routers. */
const MEMBER = '/members/:id{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}';

const KINDS: readonly MemberKind[] = ['requester', 'helper', 'both'];
const STATUSES: readonly SideStatus[] = ['applied', 'active', 'suspended', 'withdrawn'];
const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** The directory filters from the query string; anything unknown is simply not applied. */
function readFilters(c: AppContext, areas: Area[]): DirectoryFilters {
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const area = c.req.query('area');
  return {
    q: q || undefined,
    kind: oneOf(c.req.query('kind'), KINDS),
    status: oneOf(c.req.query('status'), STATUSES),
    area: areas.some((a) => a.code === area) ? area : undefined,
  };
}

const readPage = (c: AppContext) => {
  const n = Number(c.req.query('page') ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

memberStaffPages.get('/members', async (c) => {
  requireStaff(c);
  const { db } = c.var.deps;
  const settings = await getCenterSettings(c.var.deps);
  const filters = readFilters(c, settings.areas);
  const page = readPage(c);
  const { items, total } = await listMembers(db, { ...filters, page, pageSize: PAGE_SIZE });
  return render(
    c,
    <MemberDirectoryPage
      ctx={viewContext(c)}
      filters={filters}
      rows={items}
      total={total}
      page={page}
      pageSize={PAGE_SIZE}
      exportLimit={EXPORT_LIMIT}
      labels={settings.labels}
      areas={settings.areas}
    />,
  );
});

memberStaffPages.get('/members.csv', async (c) => {
  const staff = requireStaff(c);
  const { deps } = c.var;
  const { t, locale } = c.var;
  const settings = await getCenterSettings(deps);
  const filters = readFilters(c, settings.areas);
  const { items, total } = await listMembers(deps.db, {
    ...filters,
    page: 1,
    pageSize: EXPORT_LIMIT,
  });
  const status = (s: SideStatus | null) => (s ? t(`memberAdmin.status.${s}`) : null);
  const headers = [
    t('memberAdmin.field.memberNo'),
    t('memberAdmin.field.name'),
    t('memberAdmin.field.nameKana'),
    t('memberAdmin.field.kind'),
    t('memberAdmin.field.requesterStatus'),
    t('memberAdmin.field.helperStatus'),
    t('memberAdmin.field.area'),
    t('memberAdmin.field.phone'),
    t('memberAdmin.field.email'),
    t('memberAdmin.field.registeredOn'),
  ];
  // NOTE: no child or health data ever goes into this file; it leaves the system's control.
  const rows: CsvCell[][] = items.map((m) => [
    formatMemberNo(m.member_no),
    m.name,
    m.name_kana,
    kindLabel(settings.labels, m.kind, locale),
    status(m.requester_status),
    status(m.helper_status),
    areaName(settings.areas, m.area, locale),
    m.phone,
    m.email,
    tokyoDateOf(m.created_at),
  ]);
  const now = deps.clock.now();
  await insertAuditLog(deps.db, {
    at: now,
    actorUserId: staff.id,
    action: 'members_exported',
    subjectType: 'member',
    clientAddress: c.var.clientAddress,
    details: { filter: filters, count: items.length, total },
  });
  const filename = `members-${tokyoDateOf(now).replace(/-/g, '')}.csv`;
  return c.body(toCsv(headers, rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
});

async function loadMember(c: AppContext): Promise<MemberWithEmail> {
  const member = await findMemberById(c.var.deps.db, c.req.param('id') ?? '');
  if (!member) throw notFound();
  return member;
}

/**
 * The member page. It shows the children's health details, so every rendering (also after a
 * failed form post) writes one audit row per child through auditHealthReads.
 */
async function renderMemberPage(
  c: AppContext,
  staff: CurrentUser,
  member: MemberWithEmail,
  options: {
    status?: 200 | 409 | 422;
    failure?: ActionFailure;
    values?: Record<string, string>;
  } = {},
) {
  const { deps } = c.var;
  const { db } = deps;
  const nowDate = deps.clock.now();
  const nowIso = nowDate.toISOString();
  const [settings, children, contacts, pickups, registrations, events, attended, upcoming] =
    await Promise.all([
      getCenterSettings(deps),
      listChildren(db, member.id),
      listEmergencyContacts(db, member.id),
      listAuthorizedPickups(db, member.id),
      listRegistrationsOfMember(db, member.id),
      listStatusEvents(db, member.id),
      hasAttendedOrientation(db, member.id),
      listOrientations(db, { fromIso: nowIso }),
    ]);
  await auditHealthReads(deps, staff, member, children, c.var.clientAddress);
  return render(
    c,
    <MemberDetailPage
      ctx={viewContext(c)}
      member={member}
      labels={settings.labels}
      areas={settings.areas}
      retentionYears={settings.retention.withdrawnMemberYears}
      today={tokyoDateOf(nowDate)}
      nowIso={nowIso}
      childRows={children}
      contacts={contacts}
      pickups={pickups}
      registrations={registrations}
      upcoming={upcoming.filter((o) => o.starts_at > nowIso)}
      events={events}
      referrals={await referralsForMember(deps, member.id)}
      attendedOrientation={attended}
      failure={options.failure}
      values={options.values}
    />,
    options.status ?? 200,
  );
}

memberStaffPages.get(MEMBER, async (c) => {
  const staff = requireStaff(c);
  return renderMemberPage(c, staff, await loadMember(c));
});

/** A rule (422) or a stale page (409) answered by the service: shown on the member page. */
async function renderFailure(
  c: AppContext,
  staff: CurrentUser,
  memberId: string,
  err: unknown,
  failure: Omit<ActionFailure, 'message'>,
  values: Record<string, string>,
) {
  if (!(err instanceof AppError) || (err.status !== 422 && err.status !== 409)) throw err;
  const member = await findMemberById(c.var.deps.db, memberId);
  if (!member) throw notFound();
  return renderMemberPage(c, staff, member, {
    status: err.status,
    failure: { ...failure, message: ruleText(c.var.t, err) },
    values,
  });
}

const readSide = (value: string | undefined): Side | undefined =>
  value === 'requester' || value === 'helper' ? value : undefined;

memberStaffPages.post(`${MEMBER}/approve`, async (c) => {
  const staff = requireStaff(c);
  const member = await loadMember(c);
  const form = await readForm(c);
  const side = readSide(form.side);
  try {
    if (!side) throw unprocessable('no_such_side');
    const updated = await approveSide(c.var.deps, staff, member.id, side, c.var.clientAddress);
    setFlash(c, 'memberAdmin.flash.approved', {
      name: updated.name,
      memberNo: formatMemberNo(updated.member_no) ?? '',
    });
  } catch (err) {
    return renderFailure(c, staff, member.id, err, { action: 'approve', side }, {});
  }
  return c.redirect(`/members/${member.id}`, 303);
});

memberStaffPages.post(`${MEMBER}/suspend`, async (c) => {
  const staff = requireStaff(c);
  const member = await loadMember(c);
  const form = await readForm(c);
  const side = readSide(form.side);
  const values = { reason: form.reason ?? '' };
  const parsed = validateForm(c, suspendBody, { side: form.side ?? '', reason: values.reason });
  if (!parsed.ok) {
    const [field, message] = Object.entries(parsed.errors)[0] ?? ['reason', ''];
    return renderMemberPage(c, staff, member, {
      status: 422,
      failure: {
        action: 'suspend',
        side,
        field: field === 'reason' ? 'reason' : undefined,
        message,
      },
      values,
    });
  }
  try {
    await suspendSide(
      c.var.deps,
      staff,
      member.id,
      parsed.data.side,
      parsed.data.reason,
      c.var.clientAddress,
    );
    setFlash(c, 'memberAdmin.flash.suspended', { name: member.name });
  } catch (err) {
    return renderFailure(c, staff, member.id, err, { action: 'suspend', side }, values);
  }
  return c.redirect(`/members/${member.id}`, 303);
});

memberStaffPages.post(`${MEMBER}/reactivate`, async (c) => {
  const staff = requireStaff(c);
  const member = await loadMember(c);
  const form = await readForm(c);
  const side = readSide(form.side);
  try {
    if (!side) throw unprocessable('no_such_side');
    await reactivateSide(c.var.deps, staff, member.id, side, c.var.clientAddress);
    setFlash(c, 'memberAdmin.flash.reactivated', { name: member.name });
  } catch (err) {
    return renderFailure(c, staff, member.id, err, { action: 'reactivate', side }, {});
  }
  return c.redirect(`/members/${member.id}`, 303);
});

memberStaffPages.post(`${MEMBER}/withdraw`, async (c) => {
  const staff = requireStaff(c);
  const member = await loadMember(c);
  const form = await readForm(c);
  const reason = (form.reason ?? '').trim();
  const values = { reason };
  const invalid = (field: string, message: string) =>
    renderMemberPage(c, staff, member, {
      status: 422,
      failure: { action: 'withdraw', field, message },
      values,
    });
  if (reason.length > 500) return invalid('reason', c.var.t('validation.too_long', { max: 500 }));
  if (form.confirm !== 'yes')
    return invalid('confirm', c.var.t('memberAdmin.error.withdrawConfirm'));
  try {
    await withdrawMember(c.var.deps, staff, member.id, reason || null, c.var.clientAddress);
    setFlash(c, 'memberAdmin.flash.withdrawn', { name: member.name });
  } catch (err) {
    return renderFailure(c, staff, member.id, err, { action: 'withdraw' }, values);
  }
  return c.redirect(`/members/${member.id}`, 303);
});

/** Staff sign an applicant up for a session from the member page. */
memberStaffPages.post(`${MEMBER}/orientation`, async (c) => {
  const staff = requireStaff(c);
  const member = await loadMember(c);
  const form = await readForm(c);
  const orientationId = form.orientationId ?? '';
  try {
    await registerForOrientation(c.var.deps, orientationId, member.id);
  } catch (err) {
    return renderFailure(c, staff, member.id, err, { action: 'orientation' }, { orientationId });
  }
  const session = (await listRegistrationsOfMember(c.var.deps.db, member.id)).find(
    (r) => r.id === orientationId,
  );
  setFlash(c, 'memberAdmin.flash.registered', {
    name: member.name,
    date: session ? formatDateTime(session.starts_at, c.var.locale) : '',
  });
  return c.redirect(`/members/${member.id}`, 303);
});

memberStaffPages.get(`${MEMBER}/card`, async (c) => {
  requireStaff(c);
  const member = await loadMember(c);
  // A withdrawn member has no valid card to print.
  if (member.withdrawn_at) throw notFound();
  const settings = await getCenterSettings(c.var.deps);
  return render(
    c,
    <MemberCardPage
      ctx={viewContext(c)}
      member={member}
      labels={settings.labels}
      areas={settings.areas}
      issuedOn={tokyoDateOf(c.var.deps.clock.now())}
    />,
  );
});

// ---------------------------------------------------------------------------------------------
// 年度更新: requesters whose youngest child leaves elementary school by the fiscal-year end.

function readFiscalYear(value: string | undefined, today: string): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 2000 && n <= 2200 ? n : fiscalYearOf(today);
}

async function renewalRows(c: AppContext, fiscalYear: number) {
  const { members, childrenOf } = await listActiveRequestersWithChildren(c.var.deps.db);
  return agedOutAtFiscalYearEnd(members, childrenOf, fiscalYear);
}

async function renderRenewals(
  c: AppContext,
  fiscalYear: number,
  failure?: { field?: string; message: string },
) {
  const today = tokyoDateOf(c.var.deps.clock.now());
  const [rows, settings] = await Promise.all([
    renewalRows(c, fiscalYear),
    getCenterSettings(c.var.deps),
  ]);
  return render(
    c,
    <RenewalsPage
      ctx={viewContext(c)}
      fiscalYear={fiscalYear}
      fiscalYearEnd={fiscalYearEnd(fiscalYear)}
      rows={rows}
      canLapse={today > fiscalYearEnd(fiscalYear)}
      labels={settings.labels}
      failure={failure}
    />,
    failure ? 422 : 200,
  );
}

memberStaffPages.get('/renewals', async (c) => {
  requireStaff(c);
  const today = tokyoDateOf(c.var.deps.clock.now());
  return renderRenewals(c, readFiscalYear(c.req.query('fiscalYear'), today));
});

/**
 * Lapses the requesters of an ended fiscal year (理由 aged_out). `both` members are listed but
 * not withdrawn: their helper side goes on, and the service withdraws whole members only.
 */
memberStaffPages.post('/renewals/lapse', async (c) => {
  const staff = requireStaff(c);
  const { deps } = c.var;
  const form = await readForm(c);
  const today = tokyoDateOf(deps.clock.now());
  const fiscalYear = readFiscalYear(form.fiscalYear, today);
  if (today <= fiscalYearEnd(fiscalYear)) {
    return renderRenewals(c, fiscalYear, {
      message: c.var.t('memberAdmin.rule.fiscal_year_not_ended'),
    });
  }
  if (form.confirm !== 'yes') {
    return renderRenewals(c, fiscalYear, {
      field: 'confirm',
      message: c.var.t('memberAdmin.error.withdrawConfirm'),
    });
  }
  const rows = (await renewalRows(c, fiscalYear)).filter((r) => r.member.kind === 'requester');
  let lapsed = 0;
  for (const { member } of rows) {
    try {
      await withdrawMember(deps, staff, member.id, 'aged_out', c.var.clientAddress);
      lapsed += 1;
    } catch (err) {
      // Withdrawn meanwhile by someone else: nothing left to do for this member.
      if (!(err instanceof AppError && err.status === 409)) throw err;
    }
  }
  setFlash(c, 'memberAdmin.renewals.lapsed', { count: String(lapsed) });
  return c.redirect(`/renewals?fiscalYear=${fiscalYear}`, 303);
});
