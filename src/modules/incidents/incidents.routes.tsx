import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { parseFormOrReject } from '../../http/forms.js';
import { refusal } from '../../http/refusal.js';
import { formBody, staffOnly, textValues } from '../../http/validate.js';
import { addDaysToDate, tokyoDateOf, tokyoInstant } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import type { Locale } from '../../../db/schema.js';
import { monthDayTime } from '../../../views/format.js';
import {
  IncidentDetailPage,
  IncidentPrintPage,
  IncidentsPage,
} from '../../../views/pages/incidents/incidents.js';
import { IncidentFormPage } from '../../../views/pages/incidents/incident-form.js';
import {
  AttachmentsSection,
  type AttachmentFormValues,
} from '../../../views/pages/incidents/attachments.js';
import type { IncidentView } from '../../../views/pages/incidents/incident-facts.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import type { SeriousStepFormValues } from '../../../views/pages/incidents/serious-accident.js';
import { listActivityChildren } from '../activities/activities.queries.js';
import { markIncidentReported } from '../activities/activities.service.js';
import {
  formValuesOf,
  incidentForm,
  incidentFormValues,
  type IncidentFormValues,
} from './incident-form.js';
import { circumstancesOf, linkOf, occurredAtOf } from './incident-rules.js';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS_PER_INCIDENT } from './attachment-rules.js';
import { attachmentBodyLimit, attachmentResponse } from './attachments.api.js';
import { listAttachments } from './attachments.queries.js';
import { parseAttachmentForm } from './attachments.schemas.js';
import { deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.service.js';
import {
  findIncidentById,
  listIncidents,
  listLinkChoices,
  type IncidentRow,
} from './incidents.queries.js';
import { createIncident, readIncident, updateIncident } from './incidents.service.js';
import { listRequestChildren } from '../requests/requests.queries.js';
import { helpKnownInAdvance } from './insurance-rules.js';
import { insuranceSectionFor } from './insurance.routes.js';
import {
  seriousChainViewOf,
  seriousSectionFor,
  seriousStepForm,
} from './serious-accidents.routes.js';
import { recordSeriousStep } from './serious-accidents.service.js';

/** Staff pages: ヒヤリハット・事故, recording one on its own, and the printable accident report. */
export const incidentPages = new Hono<AppEnv>();

function linkText(t: Translator, locale: Locale, i: IncidentRow): string | null {
  if (i.training_starts_at)
    return `${monthDayTime(i.training_starts_at, locale)} ${i.training_venue ?? ''}`.trim();
  if (i.event_title && i.event_starts_at)
    return `${monthDayTime(i.event_starts_at, locale)} ${i.event_title}`;
  const at = i.activity_started_at ?? i.request_starts_at;
  if (!at) return null;
  const who = [
    i.requester_name && t('activities.list.family', { name: i.requester_name }),
    i.helper_name && t('activities.list.helper', { name: i.helper_name }),
  ].filter(Boolean);
  return `${monthDayTime(at, locale)} ${who.join(' · ')}`;
}

function view(c: AppContext, i: IncidentRow): IncidentView {
  const { t, locale } = viewContext(c);
  return {
    id: i.id,
    link: linkOf(i),
    linkText: linkText(t, locale, i),
    kind: i.kind,
    severity: i.severity,
    seriousReason: i.serious_reason,
    occurredAt: occurredAtOf(i),
    ...circumstancesOf(i),
    victim: i.victim,
    victimName: i.victim_name,
    damage: i.damage,
    description: i.description,
    actionTaken: i.action_taken,
    hospital: i.hospital,
    diagnosis: i.diagnosis,
    treatmentDays: i.treatment_days,
    familyToldAt: i.family_told_at,
    centerToldAt: i.center_told_at,
    policeToldAt: i.police_told_at,
    reportedToPrefectureAt: i.reported_to_prefecture_at,
    helperName: i.helper_name,
    requesterName: i.requester_name,
    authorName: i.author_name,
    createdAt: i.created_at,
  };
}

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
  return render(
    c,
    <IncidentFormPage
      ctx={viewContext(c)}
      incidentId={current?.id}
      values={values}
      errors={errors}
      linkOptions={await linkOptions(c, current)}
    />,
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
  return render(
    c,
    <IncidentsPage
      ctx={viewContext(c)}
      items={items.map((i) => view(c, i))}
      seriousOnly={seriousOnly}
    />,
  );
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

incidentPages.post(
  '/incidents/new',
  staffOnly,
  formBody(incidentForm, (c, errors, values) =>
    renderForm(c, incidentFormValues(values), errors, undefined, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const id = await createIncident(c.var.deps, staff, c.req.valid('form'), c.var.clientAddress);
    setFlash(c, 'incidents.flash.recorded');
    return c.redirect(`/incidents/${id}`, 303);
  },
);

/** The photos and documents of an incident, and the upload form (issue #19). */
async function attachmentsSectionFor(
  c: AppContext,
  incidentId: string,
  form: { values?: AttachmentFormValues; errors?: FormErrors } = {},
) {
  const rows = await listAttachments(c.var.deps.db, incidentId);
  return (
    <AttachmentsSection
      ctx={viewContext(c)}
      incidentId={incidentId}
      accept={ATTACHMENT_ACCEPT}
      full={rows.length >= MAX_ATTACHMENTS_PER_INCIDENT}
      items={rows.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        kind: r.kind,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        description: r.description,
        uploaderName: r.uploader_name,
        uploadedAt: r.uploaded_at,
      }))}
      values={form.values}
      errors={form.errors}
    />
  );
}

/**
 * An incident's page (its read audited), with its serious-accident, insurance and attachment
 * sections.
 */
async function renderDetail(
  c: AppContext,
  id: string,
  serious: { values?: SeriousStepFormValues; errors?: FormErrors } = {},
  status: 200 | 409 | 413 | 422 = 200,
  attachmentForm: { values?: AttachmentFormValues; errors?: FormErrors } = {},
) {
  const staff = requireStaff(c);
  // A refused form shows the page again without a new read in the audit log (like the edit
  // form's re-render): a rejected write changes nothing; the page's read was logged already.
  const incident =
    status === 200
      ? await readIncident(c.var.deps, staff, id, c.var.clientAddress)
      : await findIncidentById(c.var.deps.db, id);
  if (!incident) throw notFound();
  const knownInAdvance = helpKnownInAdvance({
    situation: incident.situation,
    occurredAt: occurredAtOf(incident),
    requestCreatedAt: incident.request_created_at,
    requestHasHelper: incident.helper_member_id !== null,
  });
  return render(
    c,
    <IncidentDetailPage
      ctx={viewContext(c)}
      incident={view(c, incident)}
      serious={await seriousSectionFor(c, incident, serious)}
      insurance={await insuranceSectionFor(c, incident, knownInAdvance)}
      attachments={await attachmentsSectionFor(c, incident.id, attachmentForm)}
    />,
    status,
  );
}

incidentPages.get('/incidents/:id', (c) => renderDetail(c, c.req.param('id')));

/** A step of a serious accident's reporting chain (issue #19). */
incidentPages.post(
  '/incidents/:id/serious-report',
  staffOnly,
  async (c, next) => {
    await loadForEdit(c);
    await next();
  },
  formBody(seriousStepForm, (c, errors, values) =>
    renderDetail(c, c.req.param('id') ?? '', { values, errors }, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const incident = await loadForEdit(c);
    try {
      await recordSeriousStep(
        c.var.deps,
        staff,
        incident,
        c.req.valid('form'),
        c.var.clientAddress,
      );
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

/** The incident being edited, for the form's re-render (404 for an unknown id). */
async function loadForEdit(c: AppContext) {
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id') ?? '');
  if (!incident) throw notFound();
  return incident;
}

incidentPages.post(
  '/incidents/:id/edit',
  staffOnly,
  async (c, next) => {
    await loadForEdit(c);
    await next();
  },
  formBody(incidentForm, async (c, errors, values) =>
    renderForm(c, incidentFormValues(values), errors, await loadForEdit(c), 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const id = c.req.param('id');
    await updateIncident(c.var.deps, staff, id, c.req.valid('form'), c.var.clientAddress);
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
  return render(
    c,
    <IncidentPrintPage
      ctx={viewContext(c)}
      incident={view(c, incident)}
      childNames={children.map((ch) => ch.name)}
      chain={(await seriousChainViewOf(c, incident))?.steps}
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

/** The upload of a photo or document: app.ts leaves its body to the route's own limit. */
export const ATTACHMENT_UPLOAD_PATH = '/incidents/:id/attachments';

incidentPages.post(
  ATTACHMENT_UPLOAD_PATH,
  staffOnly,
  async (c, next) => {
    await loadForEdit(c);
    await next();
  },
  attachmentBodyLimit((c) =>
    renderDetail(c, c.req.param('id') ?? '', {}, 413, {
      errors: { file: viewContext(c).t('rule.attachment_too_large') },
    }),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const id = c.req.param('id');
    const raw = await parseFormOrReject(c);
    const values = textValues(raw);
    const parsed = parseAttachmentForm(raw);
    const { t } = viewContext(c);
    if (!parsed.ok) {
      const errors = Object.fromEntries(
        Object.entries(parsed.errors).map(([k, v]) => [k, t(v as never)]),
      );
      return renderDetail(c, id, {}, 422, { values, errors });
    }
    try {
      await uploadAttachment(c.var.deps, staff, id, parsed.input, c.var.clientAddress);
    } catch (err) {
      const r = refusal(c, err);
      if (!r) throw err;
      return renderDetail(c, id, {}, 422, { values, errors: { file: r.message } });
    }
    setFlash(c, 'attachments.flash.added');
    return c.redirect(`/incidents/${id}#attachments`, 303);
  },
);

/** A photo or document (the read audited like the incident's details). */
incidentPages.get('/incidents/:id/attachments/:attachmentId', async (c) => {
  const staff = requireStaff(c);
  return attachmentResponse(
    c,
    await downloadAttachment(
      c.var.deps,
      staff,
      c.req.param('id'),
      c.req.param('attachmentId'),
      c.var.clientAddress,
    ),
  );
});

incidentPages.post('/incidents/:id/attachments/:attachmentId/delete', staffOnly, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  await deleteAttachment(c.var.deps, staff, id, c.req.param('attachmentId'), c.var.clientAddress);
  setFlash(c, 'attachments.flash.deleted');
  return c.redirect(`/incidents/${id}#attachments`, 303);
});
