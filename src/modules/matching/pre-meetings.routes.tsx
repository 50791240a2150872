import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { renderPage } from '../../http/render.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import {
  PreMeetingsPage,
  type NeededPair,
} from '../../../views/pages/coordination/pre-meetings.js';
import { loadPreMeetingOverview } from './coordination.service.js';

/** 事前打ち合わせ (/coordination/pre-meetings): pairs still waiting for one, and a year's records. */
export const preMeetingPages = new Hono<AppEnv>();

preMeetingPages.get('/coordination/pre-meetings', async (c) => {
  requireStaff(c);
  const now = c.var.deps.clock.now();
  const currentFiscalYear = fiscalYearOf(tokyoDateOf(now));
  const fy = Number(c.req.query('fy'));
  const fiscalYear =
    Number.isInteger(fy) && fy >= 2000 && fy <= currentFiscalYear ? fy : currentFiscalYear;
  const { waiting, recorded } = await loadPreMeetingOverview(c.var.deps, fiscalYear);
  // One line per pair: its first upcoming date, and how many more follow.
  const pairs = new Map<string, NeededPair>();
  for (const r of waiting) {
    const key = `${r.requester_member_id}|${r.helper_member_id}`;
    const seen = pairs.get(key);
    if (seen) seen.more += 1;
    else
      pairs.set(key, {
        requestId: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        requesterName: r.requester_name,
        helperName: r.helper_name,
        more: 0,
        reason: r.reason,
      });
  }
  return renderPage(c, PreMeetingsPage, {
    fiscalYear,
    currentFiscalYear,
    needed: [...pairs.values()],
    recorded: recorded.map((p) => ({
      id: p.id,
      heldOn: p.held_on,
      place: p.place,
      attendees: p.attendees,
      requesterName: p.requester_name,
      helperName: p.helper_name,
      requestId: p.request_id,
    })),
  });
});
