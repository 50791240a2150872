import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, setFlash, viewContext } from '../../http/render.js';
import { staffOnly, textValues } from '../../http/validate.js';
import { addDaysToDate, tokyoDateOf, tokyoInstant } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { monthDayTime } from '../../../views/format.js';
import { IncidentPrintPage, IncidentsPage } from '../../../views/pages/incidents/incidents.js';
import { IncidentFormPage } from '../../../views/pages/incidents/incident-form.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { listActivityChildren } from '../activities/activities.queries.js';
import { markIncidentReported } from '../activities/activities.service.js';
import {
  formValuesOf,
  incidentForm,
  incidentFormValues,
  type IncidentFormValues,
} from './incident-form.js';
import { linkOf } from './incident-rules.js';
import {
  findIncidentById,
  listIncidents,
  listLinkChoices,
  type IncidentRow,
} from './incidents.queries.js';
import { createIncident, readIncident, updateIncident } from './incidents.service.js';
import { linkText, loadForEdit, renderDetail, view } from './incident-detail.routes.js';
import { listRequestChildren } from '../requests/requests.queries.js';
import { seriousChainViewOf, seriousStepForm } from './serious-accidents.routes.js';
import { recordSeriousStep } from './serious-accidents.service.js';

/** Staff pages: ヒヤリハット・事故, recording one on its own, and the printable accident report. */
export const incidentPages = new Hono<AppEnv>();

/** What a new incident may be linked to: help, training and events of the last 60 days. */
async function linkOptions(c: AppContext, current?: IncidentRow) {
  const { t, locale } = viewContext(c);
  const today = tokyoDateOf(c.var.deps.clock.now());
  const { requests, sessions, events } = await listLinkChoices(
    c.var.deps.db,
    tokyoInstant(addDaysToDate(today, -60)).toISOString(),
    tokyoInstant(addDaysToDate(today, 2)).toISOString(),
  );
  const options = [
    ...requests.map((r) => ({
      value: `request:${r.id}`,
      label: `${t('incidents.linkKind.request')}: ${monthDayTime(r.starts_at, locale)} ${t('activities.list.family', { name: r.requester_name })}${r.helper_name ? ` · ${t('activities.list.helper', { name: r.helper_name })}` : ''}`,
    })),
    ...sessions.map((s) => ({
      value: `trainingSession:${s.id}`,
      label: `${t('incidents.linkKind.trainingSession')}: ${monthDayTime(s.starts_at, locale)} ${s.venue}`,
    })),
    ...events.map((e) => ({
      value: `event:${e.id}`,
      label: `${t('incidents.linkKind.event')}: ${monthDayTime(e.starts_at, locale)} ${e.title}`,
    })),
  ];
  // An incident being edited keeps its link even when it is older than the list reaches.
  const link = current && linkOf(current);
  if (link && !options.some((o) => o.value === `${link.kind}:${link.id}`))
    options.unshift({
      value: `${link.kind}:${link.id}`,
      label: `${t(`incidents.linkKind.${link.kind}`)}: ${linkText(t, locale, current) ?? link.id}`,
    });
  return options;
}

async function renderForm(
  c: AppContext,
  values: IncidentFormValues,
  errors: FormErrors,
  current?: IncidentRow,
  status: 200 | 422 = 200,
) {
  return renderPage(
    c,
    IncidentFormPage,
    { incidentId: current?.id, values, errors, linkOptions: await linkOptions(c, current) },
    status,
  );
}

incidentPages.get('/incidents', async (c) => {
  requireStaff(c);
  const seriousOnly = c.req.query('serious') === '1';
  const { items } = await listIncidents(c.var.deps.db, {
    serious: seriousOnly,
    page: 1,
    pageSize: 200,
  });
  return renderPage(c, IncidentsPage, { items: items.map((i) => view(c, i)), seriousOnly });
});

incidentPages.get('/incidents/new', async (c) => {
  requireStaff(c);
  // ?request=ID (or activity, trainingSession, event) preselects the link.
  const preset = (['request', 'activity', 'trainingSession', 'event'] as const).find((k) =>
    c.req.query(k),
  );
  const link = preset ? `${preset}:${c.req.query(preset)}` : '';
  return renderForm(c, { link }, {});
});

formPosts(incidentPages, [staffOnly], requireStaff)(
  '/incidents/new',
  incidentForm,
  (c, errors, values) => renderForm(c, incidentFormValues(values), errors, undefined, 422),
  async (c, staff, input) => {
    const id = await createIncident(c.var.deps, staff, input, c.var.clientAddress);
    setFlash(c, 'incidents.flash.recorded');
    return c.redirect(`/incidents/${id}`, 303);
  },
);

incidentPages.get('/incidents/:id', (c) => renderDetail(c, c.req.param('id')));

/** The incident of the path, editable by the staff member, before its form is read. */
const editableIncident = createMiddleware<AppEnv>(async (c, next) => {
  await loadForEdit(c);
  await next();
});

/** The staff forms of an incident of the path that the staff member may edit. */
const editForm = formPosts(incidentPages, [staffOnly, editableIncident], requireStaff);

/** A step of a serious accident's reporting chain (issue #19). */
editForm(
  '/incidents/:id/serious-report',
  seriousStepForm,
  (c, errors, values) => renderDetail(c, c.req.param('id') ?? '', { values, errors }, 422),
  async (c, staff, step) => {
    const incident = await loadForEdit(c);
    try {
      await recordSeriousStep(c.var.deps, staff, incident, step, c.var.clientAddress);
    } catch (e) {
      // A rule about the step is shown beside it; a non-serious accident gets the error page.
      if (
        e instanceof AppError &&
        (e.status === 422 || e.status === 409) &&
        e.code !== 'incident_not_serious'
      ) {
        const values = textValues(await c.req.parseBody());
        const errors = { step: viewContext(c).t(e.messageKey as never) };
        return renderDetail(c, incident.id, { values, errors }, e.status);
      }
      throw e;
    }
    setFlash(c, 'serious.flash.recorded');
    return c.redirect(`/incidents/${incident.id}`, 303);
  },
);

incidentPages.get('/incidents/:id/edit', async (c) => {
  const staff = requireStaff(c);
  const incident = await readIncident(c.var.deps, staff, c.req.param('id'), c.var.clientAddress);
  return renderForm(c, formValuesOf(incident), {}, incident);
});

editForm(
  '/incidents/:id/edit',
  incidentForm,
  async (c, errors, values) =>
    renderForm(c, incidentFormValues(values), errors, await loadForEdit(c), 422),
  async (c, staff, input) => {
    const id = c.req.param('id') ?? '';
    await updateIncident(c.var.deps, staff, id, input, c.var.clientAddress);
    setFlash(c, 'incidents.flash.saved');
    return c.redirect(`/incidents/${id}`, 303);
  },
);

incidentPages.get('/incidents/:id/print', async (c) => {
  const staff = requireStaff(c);
  const incident = await readIncident(c.var.deps, staff, c.req.param('id'), c.var.clientAddress);
  const children = incident.activity_id
    ? await listActivityChildren(c.var.deps.db, [incident.activity_id])
    : incident.linked_request_id
      ? await listRequestChildren(c.var.deps.db, [incident.linked_request_id])
      : [];
  return renderPage(c, IncidentPrintPage, {
    incident: view(c, incident),
    childNames: children.map((ch) => ch.name),
    chain: (await seriousChainViewOf(c, incident))?.steps,
  });
});

incidentPages.post('/incidents/:id/reported', async (c) => {
  const staff = requireStaff(c);
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id'));
  if (!incident) throw notFound();
  await markIncidentReported(c.var.deps, staff, incident.id, c.var.clientAddress);
  setFlash(c, 'incidents.flash.reported');
  return c.redirect(`/incidents/${incident.id}/print`, 303);
});
