import { z } from 'zod';
import { isStaff } from '../../context.js';
import {
  jsonApi,
  jsonResponse,
  listOf,
  onObject,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
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

const api = jsonApi();
/** Training records, their review, qualifications and the training figures. */
export const trainingRecordsApi = api.router;

const op = operationsOf('training');

const memberRecordsRoute = op('signed-in', 'get /members/{id}/training-records', {
  summary: 'A member’s training records, including pending and rejected submissions (staff, self)',

  responses: { 200: jsonResponse('The records', listOf(recordSchema)) },
  scope: memberInScope,
});
api.openapi(memberRecordsRoute, async (c) => {
  const { member } = scopedMember(c);
  const records = await listMemberRecords(c.var.deps.db, member.id);
  return wholeList(records.map(toRecordJson));
});

const addRecordRoute = op('signed-in', 'post /members/{id}/training-records', {
  summary:
    'Record an external certificate or exemption (staff: approved; the helper themselves: pending review)',
  errors: { 422: ['unknown_module', 'completed_in_future', 'not_a_helper'] },
  body: recordBody,
  responses: { 201: jsonResponse('The record', recordSchema) },
  scope: memberInScope,
});
api.openapi(addRecordRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const body = c.req.valid('json');
  const [record] = await addTrainingRecords(
    c.var.deps,
    user,
    member,
    { ...body, moduleIds: [body.moduleId] },
    { byStaff: isStaff(user), clientAddress: c.var.clientAddress },
  );
  return toRecordJson(record!);
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
api.openapi(recordsRoute, async (c) => {
  const { status } = c.req.valid('query');
  const rows = await listRecordsByStatus(c.var.deps.db, status ?? 'pending');
  return wholeList(rows.map((r) => ({ ...toRecordJson(r), memberName: r.member_name })));
});

for (const decision of ['approve', 'reject'] as const) {
  const reviewRoute = op('staff', `post /training-records/{id}/${decision}`, {
    summary:
      decision === 'approve' ? 'Approve a helper’s submission' : 'Reject a helper’s submission',
    errors: { 409: ['not_pending'] },
    body: reviewBody,
    responses: { 200: jsonResponse('The record', recordSchema) },
  });
  api.openapi(reviewRoute, async (c, staff) => {
    const { deps, id, clientAddress } = onObject(c);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const { note } = c.req.valid('json');
    return toRecordJson(await reviewTrainingRecord(deps, staff, id, status, note, clientAddress));
  });
}

const qualificationsRoute = op('signed-in', 'get /members/{id}/qualifications', {
  summary:
    'Qualifications: eligibleForMatching, sickChildCare, missing, expiring (60 days), records (staff, self)',

  responses: { 200: jsonResponse('The qualifications', qualificationsSchema) },
  scope: memberInScope,
});
api.openapi(qualificationsRoute, async (c) => {
  const { member } = scopedMember(c);
  const today = todayIn(c.var.deps);
  const q = await getQualifications(c.var.deps, member.id, today);
  if (!q) throw notFound();
  return toQualificationsJson(q, today);
});

const summaryRoute = op('staff', 'get /training-summary', {
  summary: 'Training figures of a period: sessions held, attendance, hours, newly qualified',
  query: summaryQuery,
  responses: { 200: jsonResponse('The summary', trainingSummarySchema) },
});
api.openapi(summaryRoute, async (c) => {
  const { from, to } = c.req.valid('query');
  return trainingSummary(c.var.deps, from, to);
});
