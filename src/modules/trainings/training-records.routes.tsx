import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { normalizeInput } from '../../http/form-fields.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formPosts } from '../../http/form-posts.js';
import { staffOnly } from '../../http/validate.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { CertificatePage } from '../../../views/pages/trainings/certificate.js';
import {
  HELPER_FILTERS,
  HelpersPage,
  HelperTrainingPage,
  type HelperFilter,
  type RecordFormValues,
} from '../../../views/pages/trainings/helpers.js';
import { PendingRecordsPage } from '../../../views/pages/trainings/pending.js';
import { normalizeKana } from '../members/member-rules.js';
import { rejectDecision, reviewForm, staffRecordForm, staffRecordValues } from './record-form.js';
import { refusal } from '../../http/refusal.js';
import { addRecordsFromForm } from './record-errors.js';
import {
  findHelper,
  loadCertificate,
  loadHelpersOverview,
  loadHelperTraining,
} from './training-pages.service.js';
import { listRecordsByStatus } from './trainings.queries.js';
import { reviewTrainingRecord } from './trainings.service.js';
import { toModuleView, toQualificationView, toRecordView } from './trainings.views.js';

/** Staff: helpers' qualifications and records, submissions to review; the certificate. */
export const trainingRecordPages = new Hono<AppEnv>();

trainingRecordPages.get('/training/helpers', async (c) => {
  requireStaff(c);
  const statusParam = c.req.query('status') ?? '';
  const status = (HELPER_FILTERS as readonly string[]).includes(statusParam)
    ? (statusParam as HelperFilter)
    : '';
  const query = normalizeInput(c.req.query('q')).slice(0, 100);
  const { modules, helpers, pendingCount } = await loadHelpersOverview(c.var.deps);
  const all = helpers
    .filter((h) => h.helperStatus !== 'withdrawn')
    .map((h) => ({
      memberId: h.memberId,
      name: h.name,
      nameKana: h.nameKana,
      memberNo: h.memberNo,
      q: toQualificationView(h.qualifications, modules),
    }));
  const counts = {
    eligible: all.filter((r) => r.q.status === 'eligible').length,
    in_training: all.filter((r) => r.q.status === 'in_training').length,
    expiring: all.filter((r) => r.q.expiring.length > 0).length,
    lapsed: all.filter((r) => r.q.status === 'lapsed').length,
  };
  const kana = normalizeKana(query).replace(/\s/g, '');
  const rows = all.filter(
    (r) =>
      (status === '' ||
        (status === 'expiring' ? r.q.expiring.length > 0 : r.q.status === status)) &&
      (query === '' ||
        r.name.includes(query) ||
        (kana !== '' && r.nameKana.replace(/\s/g, '').includes(kana))),
  );
  return renderPage(c, HelpersPage, { rows, counts, filter: { status, q: query }, pendingCount });
});

async function renderHelper(
  c: AppContext,
  memberId: string,
  options: { values?: RecordFormValues; errors?: FormErrors; status?: 200 | 422 } = {},
) {
  const page = await loadHelperTraining(c.var.deps, memberId);
  const { member, modules } = page;
  return renderPage(
    c,
    HelperTrainingPage,
    {
      member: { id: member.id, name: member.name, memberNo: member.member_no },
      q: toQualificationView(page.q, modules),
      records: page.records.map(toRecordView),
      modules: modules.map(toModuleView),
      today: page.today,
      pendingCount: page.pendingCount,
      values: options.values ?? {},
      errors: options.errors ?? {},
    },
    options.status,
  );
}

trainingRecordPages.get('/training/helpers/:id', (c) => {
  requireStaff(c);
  return renderHelper(c, c.req.param('id'));
});

/** The staff forms of the records pages. */
const staffForm = formPosts(trainingRecordPages, [staffOnly], requireStaff);

staffForm(
  '/training/helpers/:id/records',
  staffRecordForm,
  async (c, errors, form) => {
    const member = await findHelper(c.var.deps, c.req.param('id')!);
    return renderHelper(c, member.id, { values: staffRecordValues(form), errors, status: 422 });
  },
  async (c, staff, { input, values }) => {
    const member = await findHelper(c.var.deps, c.req.param('id')!);
    const errors = await addRecordsFromForm(c, staff, member, input, {
      byStaff: true,
      moduleField: 'moduleIds',
    });
    if (errors) return renderHelper(c, member.id, { values, errors, status: 422 });
    setFlash(c, 'training.helper.recorded', { count: String(input.moduleIds.length) });
    return c.redirect(`/training/helpers/${member.id}`, 303);
  },
);

async function renderPending(
  c: AppContext,
  options: { actionError?: string; status?: 200 | 409 } = {},
) {
  const rows = await listRecordsByStatus(c.var.deps.db, 'pending');
  return renderPage(
    c,
    PendingRecordsPage,
    {
      items: rows.map((r) => ({
        ...toRecordView(r),
        memberId: r.member_id,
        memberName: r.member_name,
        memberNo: r.member_no,
        createdAt: r.created_at,
      })),
      actionError: options.actionError,
    },
    options.status,
  );
}

trainingRecordPages.get('/training/records/pending', (c) => {
  requireStaff(c);
  return renderPending(c);
});

staffForm(
  '/training/records/:id/review',
  reviewForm,
  rejectDecision,
  async (c, staff, { decision, note }) => {
    try {
      await reviewTrainingRecord(
        c.var.deps,
        staff,
        c.req.param('id') ?? '',
        decision,
        note,
        c.var.clientAddress,
      );
    } catch (err) {
      const r = refusal(c, err);
      if (!r || r.status !== 409) throw err;
      return renderPending(c, { actionError: r.message, status: 409 });
    }
    setFlash(
      c,
      decision === 'approved' ? 'training.pending.approved' : 'training.pending.rejected',
    );
    return c.redirect('/training/records/pending', 303);
  },
);

trainingRecordPages.get('/members/:id/certificate', async (c) => {
  const user = requireUser(c);
  const { member, today, completedOn, lines } = await loadCertificate(
    c.var.deps,
    user,
    c.req.param('id'),
  );
  return renderPage(c, CertificatePage, {
    member: { name: member.name, memberNo: member.member_no },
    modules: lines.map((l) => ({ ...l, module: toModuleView(l.module) })),
    completedOn,
    issuedOn: today,
  });
});
