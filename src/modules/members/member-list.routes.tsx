import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage } from '../../http/render.js';
import { areaName } from '../../i18n/area-labels.js';
import { toCsv, type CsvCell } from '../../lib/csv.js';
import { tokyoDateOf } from '../../lib/dates.js';
import type { MemberKind, SideStatus } from '../../../db/schema.js';
import {
  MemberDirectoryPage,
  type DirectoryFilters,
} from '../../../views/pages/members/staff/member-directory.js';
import { kindLabel } from '../../../views/pages/members/labels.js';
import { getCenterSettings } from '../settings/settings.service.js';
import type { Area } from '../settings/settings.schemas.js';
import { EXPORT_LIMIT, exportMembers } from './member-admin.service.js';
import { formatMemberNo } from './members.json.js';
import { listMembers } from './members.queries.js';

/** The staff member list (会員一覧) and its CSV export. */
export const memberListPages = new Hono<AppEnv>();

const PAGE_SIZE = 50;

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

memberListPages.get('/members', async (c) => {
  requireStaff(c);
  const settings = await getCenterSettings(c.var.deps);
  const filters = readFilters(c, settings.areas);
  const page = readPage(c);
  const { items, total } = await listMembers(c.var.deps.db, {
    ...filters,
    page,
    pageSize: PAGE_SIZE,
  });
  return renderPage(c, MemberDirectoryPage, {
    filters,
    rows: items,
    total,
    page,
    pageSize: PAGE_SIZE,
    exportLimit: EXPORT_LIMIT,
    labels: settings.labels,
    areas: settings.areas,
  });
});

memberListPages.get('/members.csv', async (c) => {
  const staff = requireStaff(c);
  const { t, locale } = c.var;
  const settings = await getCenterSettings(c.var.deps);
  const filters = readFilters(c, settings.areas);
  const { items, exportedAt } = await exportMembers(
    c.var.deps,
    staff,
    filters,
    c.var.clientAddress,
  );
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
  const filename = `members-${tokyoDateOf(exportedAt).replace(/-/g, '')}.csv`;
  return c.body(toCsv(headers, rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
});
