import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { renderPage } from '../../http/render.js';
import { pageCountOf } from '../../lib/paging.js';
import { BoardPage, type BoardRequestItem } from '../../../views/pages/coordination/board.js';
import { getCenterSettings } from '../settings/settings.service.js';
import type { BoardRequestRow } from './board.queries.js';
import { BOARD_DAY_OPTIONS, BOARD_PAGE_SIZE, loadBoard } from './board.service.js';

/** 調整ボード (/board): what staff must act on, most urgent first. */
export const boardPages = new Hono<AppEnv>();

function readDays(value: string | undefined): number {
  const n = Number(value);
  return (BOARD_DAY_OPTIONS as readonly number[]).includes(n) ? n : BOARD_DAY_OPTIONS[0];
}

const readPage = (value: string | undefined) => {
  const n = Number(value ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

boardPages.get('/board', async (c) => {
  requireStaff(c);
  const settings = await getCenterSettings(c.var.deps);
  const areaParam = c.req.query('area');
  const filters = {
    days: readDays(c.req.query('days')),
    area: settings.areas.some((a) => a.code === areaParam) ? areaParam : undefined,
  };
  const page = readPage(c.req.query('page'));
  const { nowIso, today, urgentRows, openPage, todayRows, agesOf, candidateCounts } =
    await loadBoard(c.var.deps, filters, page);
  const toItem = (r: BoardRequestRow, urgent: boolean): BoardRequestItem => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    requesterName: r.requester_name,
    area: r.requester_area,
    category: r.category,
    status: r.status,
    childAges: agesOf(r.id, r.starts_at),
    offersSent: Number(r.offers_sent ?? 0),
    offersWaiting: Number(r.offers_waiting ?? 0),
    offersDeclined: Number(r.offers_declined ?? 0),
    candidates: candidateCounts.get(r.id)?.candidates ?? null,
    fresh: candidateCounts.get(r.id)?.fresh ?? null,
    urgent,
    needsNewHelper: r.helper_lost_at !== null,
  });

  return renderPage(c, BoardPage, {
    nowIso,
    todayDate: today,
    filters,
    dayOptions: BOARD_DAY_OPTIONS,
    areas: settings.areas,
    urgent: urgentRows.map((r) => toItem(r, true)),
    open: openPage.items.map((r) => toItem(r, false)),
    openTotal: openPage.total,
    page,
    pageCount: pageCountOf(openPage.total, BOARD_PAGE_SIZE),
    today: todayRows.map((a) => ({
      id: a.id,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      requesterName: a.requester_name,
      area: a.requester_area,
      category: a.category,
      status: a.status,
      helperName: a.helper_name,
      helperPhone: a.helper_phone,
      hasPreMeeting: !a.preMeeting.needed,
      preMeetingReason: a.preMeeting.needed ? a.preMeeting.reason : null,
      childAges: agesOf(a.id, a.starts_at),
    })),
  });
});
