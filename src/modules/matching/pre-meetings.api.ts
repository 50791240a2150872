import { z } from 'zod';
import {
  jsonApi,
  jsonResponse,
  listOf,
  listScopeOf,
  onObject,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
import type { PreMeetingTable } from '../../../db/schema.js';
import { listPreMeetings } from '../requests/requests.queries.js';
import { preMeetingBody, preMeetingCorrectionBody } from '../requests/requests.schemas.js';
import { correctPreMeeting, recordPreMeeting } from './pre-meetings.service.js';

const api = jsonApi();
export const preMeetingsApi = api.router;
const op = operationsOf('matching');

/** The date rules of a pre-meeting (matching/pre-meeting-rules.ts). */
const PRE_MEETING_DATE_RULES = ['pre_meeting_in_future', 'pre_meeting_after_activity'];
const preMeetingJson = z.object({
  id: z.string(),
  requesterId: z.string(),
  helperId: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendees: z.string(),
  emergencyProcedure: z.string(),
  agreedDetails: z.string().nullable(),
  notes: z.string().nullable(),
});
const toPreMeetingJson = (p: PreMeetingTable) => ({
  id: p.id,
  requesterId: p.requester_member_id,
  helperId: p.helper_member_id,
  heldOn: p.held_on,
  place: p.place,
  attendees: p.attendees,
  emergencyProcedure: p.emergency_procedure,
  agreedDetails: p.agreed_details,
  notes: p.notes,
});

const listPreMeetingsRoute = op('signed-in', 'get /pre-meetings', {
  summary: 'Pre-meetings (staff all; members their own)',
  responses: {
    200: jsonResponse(
      'The pre-meetings (one page)',
      listOf(
        preMeetingJson.extend({
          requesterName: z.string(),
          helperName: z.string(),
          fiscalYear: z.number().int(),
        }),
      ),
    ),
  },
});
api.openapi(listPreMeetingsRoute, async (c, user) => {
  const scope = listScopeOf(c, user);
  if (!scope) return wholeList([]);
  const rows = await listPreMeetings(c.var.deps.db, scope);
  const items = rows.map((p) => ({
    ...toPreMeetingJson(p),
    requesterName: p.requester_name,
    helperName: p.helper_name,
    fiscalYear: p.fiscal_year,
  }));
  return wholeList(items);
});

const createPreMeetingRoute = op('staff', 'post /pre-meetings', {
  summary: 'Record a pre-meeting (valid for the fiscal year)',
  errors: { 422: ['unknown_pair', ...PRE_MEETING_DATE_RULES] },
  body: preMeetingBody,
  responses: { 201: jsonResponse('The pre-meeting', preMeetingJson) },
});
api.openapi(createPreMeetingRoute, async (c, staff) => {
  const body = c.req.valid('json');
  const id = await recordPreMeeting(c.var.deps, staff, body, c.var.clientAddress);
  return { id, ...body };
});

const correctPreMeetingRoute = op('staff', 'put /pre-meetings/{id}', {
  summary:
    'Staff correct a pre-meeting record (same date rules; the earlier version is kept with the reason)',
  errors: { 404: ['not_found'], 409: ['stale_version'], 422: PRE_MEETING_DATE_RULES },
  body: preMeetingCorrectionBody,
  responses: { 200: jsonResponse('The corrected pre-meeting', preMeetingJson) },
});
api.openapi(correctPreMeetingRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  const p = await correctPreMeeting(deps, staff, id, c.req.valid('json'), clientAddress);
  return toPreMeetingJson(p);
});
