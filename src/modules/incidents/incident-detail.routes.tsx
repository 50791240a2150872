import { requireStaff } from '../../auth/guards.js';
import type { AppContext } from '../../context.js';
import { renderPage, viewContext } from '../../http/render.js';
import { notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import type { Locale } from '../../../db/schema.js';
import { monthDayTime } from '../../../views/format.js';
import { IncidentDetailPage } from '../../../views/pages/incidents/incidents.js';
import {
  AttachmentsSection,
  type AttachmentFormValues,
} from '../../../views/pages/incidents/attachments.js';
import type { IncidentView } from '../../../views/pages/incidents/incident-facts.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import type { SeriousStepFormValues } from '../../../views/pages/incidents/serious-accident.js';
import { circumstancesOf, linkOf, occurredAtOf } from './incident-rules.js';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS_PER_INCIDENT } from './attachment-rules.js';
import { listAttachments } from './attachments.queries.js';
import { findIncidentById, type IncidentRow } from './incidents.queries.js';
import { readIncident } from './incidents.service.js';
import { helpKnownInAdvance } from './insurance-rules.js';
import { insuranceSectionFor } from './insurance.routes.js';
import { seriousSectionFor } from './serious-accidents.routes.js';

/**
 * What the incident route files share (incidents.routes.tsx, attachments.routes.tsx): an
 * incident's page with its sections, shown again by each form on it when a write is refused.
 */
export function linkText(t: Translator, locale: Locale, i: IncidentRow): string | null {
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

export function view(c: AppContext, i: IncidentRow): IncidentView {
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
export async function renderDetail(
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
  return renderPage(
    c,
    IncidentDetailPage,
    {
      incident: view(c, incident),
      serious: await seriousSectionFor(c, incident, serious),
      insurance: await insuranceSectionFor(c, incident, knownInAdvance),
      attachments: await attachmentsSectionFor(c, incident.id, attachmentForm),
    },
    status,
  );
}

/** The incident being edited, for the form's re-render (404 for an unknown id). */
export async function loadForEdit(c: AppContext) {
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id') ?? '');
  if (!incident) throw notFound();
  return incident;
}
