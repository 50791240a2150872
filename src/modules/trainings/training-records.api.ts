import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import { isStaff } from '../../context.js';
import { apiRouter, jsonResponse, listOf, operationsOf, wholeList } from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { memberInScope, scopedMember } from '../members/member-scope.js';
import { getQualifications } from './qualification.service.js';
import { trainingSummary } from './training-summary.js';
import {
  qualificationsSchema,
  recordSchema,
  toQualificationsJson,
  toRecordJson,
  trainingSummarySchema,
} from './trainings.json.js';
import { listMemberRecords, listRecordsByStatus } from './trainings.queries.js';
import { recordBody, recordListQuery, reviewBody, summaryQuery } from './trainings.schemas.js';
import { addTrainingRecords, reviewTrainingRecord, todayIn } from './trainings.service.js';

/** Training records, their review, qualifications and the training figures. */
export const trainingRecordsApi = apiRouter();

const op = operationsOf('training');

const memberRecordsRoute = op('signed-in', 'get /members/{id}/training-records', {
  summary: 'A member’s training records, including pending and rejected submissions (staff, self)',

  responses: { 200: jsonResponse('The records', listOf(recordSchema)) },
  scope: memberInScope,
});
trainingRecordsApi.openapi(memberRecordsRoute, async (c) => {
  const { member } = scopedMember(c);
  const records = await listMemberRecords(c.var.deps.db, member.id);
  return c.json(wholeList(records.map(toRecordJson)), 200);
});

const addRecordRoute = op('signed-in', 'post /members/{id}/training-records', {
  summary:
    'Record an external certificate or exemption (staff: approved; the helper themselves: pending review)',
  errors: { 422: ['unknown_module', 'completed_in_future', 'not_a_helper'] },
  body: recordBody,
  responses: { 201: jsonResponse('The record', recordSchema) },
  scope: memberInScope,
});
trainingRecordsApi.openapi(addRecordRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const body = c.req.valid('json');
  const [record] = await addTrainingRecords(
    c.var.deps,
    user,
    member,
    { ...body, moduleIds: [body.moduleId] },
    { byStaff: isStaff(user), clientAddress: c.var.clientAddress },
  );
  return c.json(toRecordJson(record!), 201);
});

const recordsRoute = op('staff', 'get /training-records', {
  summary: 'Records by status (default: pending helper submissions)',
  query: recordListQuery,
  responses: {
    200: jsonResponse(
      'The records, with the member’s name',
      listOf(recordSchema.extend({ memberName: z.string() })),
    ),
  },
});
trainingRecordsApi.openapi(recordsRoute, async (c) => {
  requireStaff(c);
  const { status } = c.req.valid('query');
  const rows = await listRecordsByStatus(c.var.deps.db, status ?? 'pending');
  return c.json(
    wholeList(rows.map((r) => ({ ...toRecordJson(r), memberName: r.member_name }))),
    200,
  );
});

for (const decision of ['approve', 'reject'] as const) {
  const reviewRoute = op('staff', `post /training-records/{id}/${decision}`, {
    summary:
      decision === 'approve' ? 'Approve a helper’s submission' : 'Reject a helper’s submission',
    errors: { 409: ['not_pending'] },
    body: reviewBody,
    responses: { 200: jsonResponse('The record', recordSchema) },
  });
  trainingRecordsApi.openapi(reviewRoute, async (c) => {
    const staff = requireStaff(c);
    const record = await reviewTrainingRecord(
      c.var.deps,
      staff,
      c.req.valid('param').id,
      decision === 'approve' ? 'approved' : 'rejected',
      c.req.valid('json').note,
      c.var.clientAddress,
    );
    return c.json(toRecordJson(record), 200);
  });
}

const qualificationsRoute = op('signed-in', 'get /members/{id}/qualifications', {
  summary:
    'Qualifications: eligibleForMatching, sickChildCare, missing, expiring (60 days), records (staff, self)',

  responses: { 200: jsonResponse('The qualifications', qualificationsSchema) },
  scope: memberInScope,
});
trainingRecordsApi.openapi(qualificationsRoute, async (c) => {
  const { member } = scopedMember(c);
  const today = todayIn(c.var.deps);
  const q = await getQualifications(c.var.deps, member.id, today);
  if (!q) throw notFound();
  return c.json(toQualificationsJson(q, today), 200);
});

const summaryRoute = op('staff', 'get /training-summary', {
  summary: 'Training figures of a period: sessions held, attendance, hours, newly qualified',
  query: summaryQuery,
  responses: { 200: jsonResponse('The summary', trainingSummarySchema) },
});
trainingRecordsApi.openapi(summaryRoute, async (c) => {
  requireStaff(c);
  const { from, to } = c.req.valid('query');
  return c.json(await trainingSummary(c.var.deps, from, to), 200);
});
