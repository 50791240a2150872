import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { notFound } from '../../lib/errors.js';
import {
  IncidentPrintPage,
  IncidentsPage,
  type IncidentListItem,
} from '../../../views/pages/activities/incidents.js';
import {
  findIncidentById,
  listActivityChildren,
  listIncidents,
  type IncidentRow,
} from '../activities/activities.queries.js';
import { markIncidentReported } from '../activities/activities.service.js';

/** Staff pages: ヒヤリハット・事故 and the printable accident report for the prefecture. */
export const incidentPages = new Hono<AppEnv>();

function item(i: IncidentRow): IncidentListItem {
  return {
    id: i.id,
    activityId: i.activity_id,
    kind: i.kind,
    severity: i.severity,
    seriousReason: i.serious_reason,
    description: i.description,
    actionTaken: i.action_taken,
    reportedToPrefectureAt: i.reported_to_prefecture_at,
    createdAt: i.created_at,
    startedAt: i.started_at,
    endedAt: i.ended_at,
    place: i.place,
    helperName: i.helper_name,
    requesterName: i.requester_name,
    authorName: i.author_name,
  };
}

incidentPages.get('/incidents', async (c) => {
  requireStaff(c);
  const seriousOnly = c.req.query('serious') === '1';
  const { items } = await listIncidents(c.var.deps.db, {
    serious: seriousOnly,
    page: 1,
    pageSize: 200,
  });
  return render(
    c,
    <IncidentsPage ctx={viewContext(c)} items={items.map(item)} seriousOnly={seriousOnly} />,
  );
});

incidentPages.get('/incidents/:id/print', async (c) => {
  requireStaff(c);
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id'));
  if (!incident) throw notFound();
  const children = await listActivityChildren(c.var.deps.db, [incident.activity_id]);
  return render(
    c,
    <IncidentPrintPage
      ctx={viewContext(c)}
      incident={item(incident)}
      childNames={children.map((ch) => ch.name)}
    />,
  );
});

incidentPages.post('/incidents/:id/reported', async (c) => {
  const staff = requireStaff(c);
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id'));
  if (!incident) throw notFound();
  await markIncidentReported(c.var.deps, staff, incident.id, c.var.clientAddress);
  setFlash(c, 'incidents.flash.reported');
  return c.redirect(`/incidents/${incident.id}/print`, 303);
});
