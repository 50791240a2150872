import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash, viewContext } from '../../http/render.js';
import { formBody, staffOnly, textValues } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import {
  InsuranceCasePage,
  InsuranceCasesPage,
  InsuranceSection,
  type CaseFormValues,
  type CaseView,
} from '../../../views/pages/incidents/insurance.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { incidentHeading } from '../../../views/pages/incidents/incident-facts.js';
import type { InsuranceSettings } from '../settings/settings.schemas.js';
import { daysLeft } from './insurance-rules.js';
import { caseProgressOf } from './insurance.json.js';
import { caseUpdateBody, type CaseUpdateInput } from './insurance.schemas.js';
import {
  findInsuranceCase,
  listCases,
  listCasesOfIncident,
  type InsuranceCaseRow,
} from './insurance.queries.js';
import {
  caseFacts,
  closeInsuranceCase,
  getInsuranceSettings,
  openInsuranceCase,
  updateInsuranceCase,
} from './insurance.service.js';

/** Staff pages of insurance cases (issue #19). */
export const insurancePages = new Hono<AppEnv>();

export function coverLabel(c: AppContext, settings: InsuranceSettings, code: string) {
  const cover = settings.covers.find((k) => k.code === code);
  if (!cover) return code;
  return viewContext(c).locale === 'ja' ? cover.ja : cover.en;
}

export function toCaseView(
  c: AppContext,
  row: InsuranceCaseRow,
  settings: InsuranceSettings,
  today: string,
): CaseView {
  const facts = caseFacts(row, today, settings.warnDays);
  return {
    id: row.id,
    incidentId: row.incident_id,
    coverLabel: coverLabel(c, settings, row.cover),
    occurredAt: row.occurred_at,
    claimDeadlineOn: row.claim_deadline_on,
    daysLeft: daysLeft(today, row.claim_deadline_on),
    nearingDeadline: facts.nearingDeadline,
    knownInAdvance: facts.knownInAdvance,
    ...caseProgressOf(row),
    incidentTitle: incidentHeading(viewContext(c).t, row),
    requesterName: row.requester_name,
  };
}

/** The insurance section of an accident's page (its cases, and opening one). */
export async function insuranceSectionFor(
  c: AppContext,
  incident: { id: string; kind: string },
  knownInAdvance: boolean,
  error?: string,
) {
  if (incident.kind !== 'accident') return undefined;
  const settings = await getInsuranceSettings(c.var.deps);
  const today = tokyoDateOf(c.var.deps.clock.now());
  const rows = await listCasesOfIncident(c.var.deps.db, incident.id);
  const taken = new Set(rows.map((r) => r.cover));
  return (
    <InsuranceSection
      ctx={viewContext(c)}
      incidentId={incident.id}
      cases={rows.map((r) => toCaseView(c, r, settings, today))}
      covers={settings.covers
        .filter((k) => !taken.has(k.code))
        .map((k) => ({ value: k.code, label: coverLabel(c, settings, k.code) }))}
      knownInAdvance={knownInAdvance}
      error={error}
    />
  );
}

insurancePages.get('/insurance-cases', async (c) => {
  requireStaff(c);
  const state = c.req.query('state') === 'closed' ? 'closed' : 'open';
  const settings = await getInsuranceSettings(c.var.deps);
  const today = tokyoDateOf(c.var.deps.clock.now());
  const rows = await listCases(c.var.deps.db, state);
  return renderPage(c, InsuranceCasesPage, {
    state,
    cases: rows.map((r) => toCaseView(c, r, settings, today)),
  });
});

insurancePages.post('/incidents/:id/insurance-cases', async (c) => {
  const staff = requireStaff(c);
  const cover = textValues(await c.req.parseBody()).cover ?? '';
  const id = await openInsuranceCase(
    c.var.deps,
    staff,
    c.req.param('id'),
    cover,
    c.var.clientAddress,
  );
  setFlash(c, 'insurance.flash.opened');
  return c.redirect(`/insurance-cases/${id}`, 303);
});

const valuesOf = (row: InsuranceCaseRow): CaseFormValues => ({
  insurerNotifiedOn: row.insurer_notified_on ?? '',
  documentsSent: row.documents_sent ?? '',
  documentsSentOn: row.documents_sent_on ?? '',
  amountPaid: row.amount_paid === null ? '' : String(row.amount_paid),
  paidOn: row.paid_on ?? '',
  note: row.note ?? '',
});

async function renderCase(
  c: AppContext,
  id: string,
  extra: { values?: CaseFormValues; errors?: FormErrors; closeError?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  const row = await findInsuranceCase(c.var.deps.db, id);
  if (!row) throw notFound();
  const settings = await getInsuranceSettings(c.var.deps);
  const today = tokyoDateOf(c.var.deps.clock.now());
  return renderPage(
    c,
    InsuranceCasePage,
    {
      c: toCaseView(c, row, settings, today),
      values: extra.values ?? valuesOf(row),
      errors: extra.errors ?? {},
      closeError: extra.closeError,
      today,
    },
    status,
  );
}

insurancePages.get('/insurance-cases/:id', async (c) => {
  requireStaff(c);
  return renderCase(c, c.req.param('id'));
});

type Field = keyof CaseFormValues;

/** The progress form: empty fields are "not yet"; the amount in whole yen (full-width too). */
const caseForm = z.unknown().transform((raw, ctx): CaseUpdateInput => {
  const form = textValues(raw);
  const v = (k: Field) => (form[k] ?? '').normalize('NFKC').trim();
  const amount = v('amountPaid').replace(/[,¥円]/g, '');
  if (amount && !/^\d{1,9}$/.test(amount)) {
    ctx.addIssue({ code: 'custom', path: ['amountPaid'], message: 'insurance.validation.amount' });
    return z.NEVER;
  }
  const parsed = caseUpdateBody.safeParse({
    insurerNotifiedOn: v('insurerNotifiedOn') || null,
    documentsSent: form.documentsSent ?? null,
    documentsSentOn: v('documentsSentOn') || null,
    amountPaid: amount ? Number(amount) : null,
    paidOn: v('paidOn') || null,
    note: form.note ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom) });
    return z.NEVER;
  }
  return parsed.data;
});

insurancePages.post(
  '/insurance-cases/:id',
  staffOnly,
  formBody(caseForm, (c, errors, values) =>
    renderCase(c, c.req.param('id') ?? '', { values, errors }, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const id = c.req.param('id');
    await updateInsuranceCase(c.var.deps, staff, id, c.req.valid('form'), c.var.clientAddress);
    setFlash(c, 'insurance.flash.saved');
    return c.redirect(`/insurance-cases/${id}`, 303);
  },
);

insurancePages.post('/insurance-cases/:id/close', async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const closedOn = (textValues(await c.req.parseBody()).closedOn ?? '').trim();
  try {
    await closeInsuranceCase(c.var.deps, staff, id, closedOn, c.var.clientAddress);
  } catch (e) {
    if (e instanceof AppError && e.status === 422)
      return renderCase(c, id, { closeError: viewContext(c).t(e.messageKey as never) }, 422);
    throw e;
  }
  setFlash(c, 'insurance.flash.closed');
  return c.redirect(`/insurance-cases/${id}`, 303);
});
