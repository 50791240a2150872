import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { guardedValue } from '../../http/guarded.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody } from '../../http/validate.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { SickCarePage, type ChecklistLine } from '../../../views/pages/requests/sick-care.js';
import { SickFormPage, type SickFormKind } from '../../../views/pages/requests/sick-forms.js';
import { careLocationName } from '../../../views/pages/requests/request-text.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { todayOf } from './request-pages.js';
import { listRequestChildren, type RequestRow } from './requests.queries.js';
import { loadVisibleRequest, type RequestViewer } from './requests.service.js';
import { toDoctorNoteJson } from './sick-care.json.js';
import { doctorNoteForm, handoverForm, NOTE_FORM_FIELD } from './sick-care.schemas.js';
import { loadSickCare, recordDoctorNote, recordHandover } from './sick-care.service.js';

/**
 * 病児保育の記録 (issue #20 points 3–4): the safeguards of a sick-child request for the family,
 * the matched helper and staff, and its three printable forms.
 */
export const sickCarePages = new Hono<AppEnv>();

type Party = RequestViewer & { kind: 'requester' | 'helper' | 'staff' };
const loaded = guardedValue<{ request: RequestRow; viewer: Party }>('sickCareParty');

/**
 * The family, the matched helper or staff (anyone else: 404), before a form is read; a write
 * is for some of them only (403 for the other parties): the note is the family's and staff's,
 * the handover the helper's.
 */
const sickCareParty = (writers?: readonly Party['kind'][]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { request, viewer } = await loadVisibleRequest(
      c.var.deps,
      requireUser(c),
      c.req.param('id') ?? '',
    );
    // A helper only offered the request sees nothing of the child's health: an unknown one's 404.
    if (viewer.kind === 'offered') throw notFound();
    if (writers && !writers.includes(viewer.kind)) throw forbidden();
    loaded.set(c, { request, viewer: viewer as Party });
    await next();
  });
const readers = sickCareParty();

const LIVE = ['open', 'offered', 'matched'];

/** The 医師連絡票 (and 委任状) as the pages show it: as the API gives it. */
const noteView = toDoctorNoteJson;

const lineOf =
  (locale: string) =>
  (a: { code: string; ja: string; en: string; yes?: boolean }): ChecklistLine => ({
    code: a.code,
    label: locale === 'ja' ? a.ja : a.en,
    ...(a.yes === undefined ? {} : { yes: a.yes }),
  });

async function recordPage(
  c: AppContext,
  form?: { name: 'note' | 'handover'; values: Record<string, string>; errors: FormErrors },
  ruleMessage?: string,
  status: 200 | 409 | 422 = 200,
) {
  const { request: r, viewer } = loaded.of(c);
  const [view, settings, children] = await Promise.all([
    loadSickCare(c.var.deps, viewer, r),
    getCenterSettings(c.var.deps),
    listRequestChildren(c.var.deps.db, [r.id]),
  ]);
  const line = lineOf(c.var.locale);
  return renderPage(
    c,
    SickCarePage,
    {
      mode: viewer.kind,
      request: {
        id: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        childName: children.map((ch) => ch.name).join('、'),
      },
      note: view.note && noteView(view.note),
      requestCheck: view.requestCheck?.answers.map(line) ?? null,
      handover: view.handover && {
        answers: view.handover.answers.map(line),
        temperature: view.handover.temperature,
        state: view.handover.child_state ?? '',
        at: view.handover.recorded_at,
      },
      refusals: view.refusals.map((x) => ({
        at: x.at,
        reasons: (c.var.locale === 'ja' ? x.reasonsJa : x.reasonsEn) ?? '',
      })),
      canEditNote: viewer.kind !== 'helper' && !view.handover && LIVE.includes(r.status),
      canHandover: viewer.kind === 'helper' && !view.handover && r.status === 'matched',
      checklist: settings.programme.exclusions.map(line),
      ...(form ? { form } : {}),
      ruleMessage,
    },
    status,
  );
}

/** A refused rule (422/409) re-renders the page with its message; anything else propagates. */
async function refusedPage(
  c: AppContext,
  name: 'note' | 'handover',
  values: Record<string, string>,
  err: unknown,
) {
  if (!(err instanceof AppError) || (err.status !== 422 && err.status !== 409)) throw err;
  const errors = Object.fromEntries(
    Object.entries(err.fields ?? {}).map(([k, v]) => [k, c.var.t(v[0] as never)]),
  );
  return recordPage(c, { name, values, errors }, ruleText(c.var.t, err), err.status);
}

const formValues = async (c: AppContext) =>
  Object.fromEntries(
    Object.entries(await c.req.parseBody()).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );

/** A form's write: back to the record with its flash, or the page again with the refusal. */
async function recorded(
  c: AppContext,
  name: 'note' | 'handover',
  write: (request: RequestRow, viewer: Party) => Promise<unknown>,
) {
  const { request, viewer } = loaded.of(c);
  try {
    await write(request, viewer);
  } catch (err) {
    return refusedPage(c, name, await formValues(c), err);
  }
  setFlash(c, name === 'note' ? 'sick.flash.note' : 'sick.flash.handover');
  return c.redirect(`/requests/${request.id}/sick-care`, 303);
}

sickCarePages.get('/requests/:id/sick-care', readers, (c) => recordPage(c));

sickCarePages.post(
  '/requests/:id/sick-care/doctor-note',
  sickCareParty(['requester', 'staff']),
  formBody(doctorNoteForm, (c, errors, values) =>
    recordPage(
      c,
      {
        name: 'note',
        values,
        errors: Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [NOTE_FORM_FIELD[k] ?? k, v]),
        ),
      },
      undefined,
      422,
    ),
  ),
  (c) =>
    recorded(c, 'note', (request, viewer) =>
      recordDoctorNote(c.var.deps, viewer, request, c.req.valid('form'), c.var.clientAddress),
    ),
);

sickCarePages.post(
  '/requests/:id/sick-care/handover',
  sickCareParty(['helper']),
  formBody(handoverForm, (c, errors, values) =>
    recordPage(c, { name: 'handover', values, errors }, undefined, 422),
  ),
  (c) =>
    recorded(c, 'handover', (request, viewer) =>
      recordHandover(c.var.deps, viewer, request, c.req.valid('form'), c.var.clientAddress),
    ),
);

/** One printable form, filled from the record. */
async function formPage(c: AppContext, kind: SickFormKind) {
  const { request: r, viewer } = loaded.of(c);
  const [view, settings, children] = await Promise.all([
    loadSickCare(c.var.deps, viewer, r),
    getCenterSettings(c.var.deps),
    listRequestChildren(c.var.deps.db, [r.id]),
  ]);
  const child = children[0];
  const line = lineOf(c.var.locale);
  const place = [careLocationName(c.var.t, r.care_location), r.care_location_note]
    .filter(Boolean)
    .join('：');
  return renderPage(c, SickFormPage, {
    kind,
    request: {
      id: r.id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      place,
      parentName: r.requester_name,
      childName: child?.name ?? '',
      childBirthDate: child?.birth_date ?? '',
      helperName: r.helper_name,
    },
    partners: settings.programme.partners,
    requestCheck: view.requestCheck?.answers.map(line) ?? null,
    note: view.note && noteView(view.note),
    today: todayOf(c),
  });
}

sickCarePages.get('/requests/:id/sick-care/request-form', readers, (c) => formPage(c, 'request'));
sickCarePages.get('/requests/:id/sick-care/doctor-note-form', readers, (c) =>
  formPage(c, 'doctorNote'),
);
sickCarePages.get('/requests/:id/sick-care/proxy-form', readers, (c) => formPage(c, 'proxy'));
