import { jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import { loadVisibleRequest } from './requests.service.js';
import { doctorNoteBody, handoverBody } from './sick-care.schemas.js';
import {
  doctorNoteSchema,
  sickCareSchema,
  toDoctorNoteJson,
  toSickCareJson,
} from './sick-care.json.js';
import { loadSickCare, recordDoctorNote, recordHandover } from './sick-care.service.js';

const api = jsonApi();
/** The sick-child programme's safeguards of one request (issue #20 point 3). */
export const sickCareApi = api.router;
const op = operationsOf('requests');

const getRoute = op('signed-in', 'get /requests/{id}/sick-care', {
  summary: 'The safeguards of a sick-child request: doctor’s note, checklists, handover',
  description:
    'The family, the matched helper and staff; reads by others than the family are logged.',
  errors: { 422: ['not_sick_care'] },
  responses: { 200: jsonResponse('The record', sickCareSchema) },
});
api.openapi(getRoute, async (c, user) => {
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.valid('param').id);
  return toSickCareJson(await loadSickCare(c.var.deps, viewer, request));
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
api.openapi(noteRoute, async (c, user) => {
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.valid('param').id);
  const note = await recordDoctorNote(
    c.var.deps,
    viewer,
    request,
    c.req.valid('json'),
    c.var.clientAddress,
  );
  return toDoctorNoteJson(note);
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
api.openapi(handoverRoute, async (c, user) => {
  const { request, viewer } = await loadVisibleRequest(c.var.deps, user, c.req.valid('param').id);
  await recordHandover(c.var.deps, viewer, request, c.req.valid('json'), c.var.clientAddress);
  return toSickCareJson(await loadSickCare(c.var.deps, viewer, request));
});
