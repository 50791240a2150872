import { requireUser } from '../../auth/guards.js';
import { apiRouter, jsonResponse, operationsOf } from '../../http/api-route.js';
import { loadVisibleRequest } from './requests.service.js';
import { doctorNoteBody, handoverBody } from './sick-care.schemas.js';
import {
  doctorNoteSchema,
  sickCareSchema,
  toDoctorNoteJson,
  toSickCareJson,
} from './sick-care.json.js';
import { loadSickCare, recordDoctorNote, recordHandover } from './sick-care.service.js';

/** The sick-child programme's safeguards of one request (issue #20 point 3). */
export const sickCareApi = apiRouter();
const op = operationsOf('requests');

const getRoute = op('signed-in', 'get /requests/{id}/sick-care', {
  summary: 'The safeguards of a sick-child request: doctor’s note, checklists, handover',
  description:
    'The family, the matched helper and staff; reads by others than the family are logged.',
  errors: { 422: ['not_sick_care'] },
  responses: { 200: jsonResponse('The record', sickCareSchema) },
});
sickCareApi.openapi(getRoute, async (c) => {
  const { request, viewer } = await loadVisibleRequest(
    c.var.deps,
    requireUser(c),
    c.req.valid('param').id,
  );
  return c.json(toSickCareJson(await loadSickCare(c.var.deps, viewer, request)), 200);
});

const noteRoute = op('signed-in', 'put /requests/{id}/doctor-note', {
  summary: 'Record the 医師連絡票 (with the 代理受診委任状 when given): the family or staff',
  description:
    'Correctable until the handover; the doctor was seen on the care day or the day before.',
  errors: {
    403: ['forbidden'],
    409: ['invalid_transition', 'sick_handed_over'],
    422: ['not_sick_care', 'doctor_seen_after', 'doctor_seen_too_early'],
  },
  body: doctorNoteBody,
  responses: { 200: jsonResponse('The doctor’s note', doctorNoteSchema) },
});
sickCareApi.openapi(noteRoute, async (c) => {
  const { request, viewer } = await loadVisibleRequest(
    c.var.deps,
    requireUser(c),
    c.req.valid('param').id,
  );
  const note = await recordDoctorNote(
    c.var.deps,
    viewer,
    request,
    c.req.valid('json'),
    c.var.clientAddress,
  );
  return c.json(toDoctorNoteJson(note), 200);
});

const handoverRoute = op('signed-in', 'post /requests/{id}/handover', {
  summary: 'The handover of a sick child: the checklist again, temperature and state (the helper)',
  description: 'Any "yes" stops it (422 sick_excluded, the items in the message) and tells staff.',
  errors: {
    403: ['forbidden'],
    409: ['invalid_transition', 'sick_handed_over'],
    422: [
      'not_sick_care',
      'handover_too_early',
      'doctor_note_missing',
      'checklist_unanswered',
      'sick_excluded',
    ],
  },
  body: handoverBody,
  responses: { 201: jsonResponse('The record after the handover', sickCareSchema) },
});
sickCareApi.openapi(handoverRoute, async (c) => {
  const { request, viewer } = await loadVisibleRequest(
    c.var.deps,
    requireUser(c),
    c.req.valid('param').id,
  );
  await recordHandover(c.var.deps, viewer, request, c.req.valid('json'), c.var.clientAddress);
  return c.json(toSickCareJson(await loadSickCare(c.var.deps, viewer, request)), 201);
});
