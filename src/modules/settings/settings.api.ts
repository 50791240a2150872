import { z } from 'zod';
import { jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import { areaSchema, centerSettingsSchema, updateSettingsBody } from './settings.schemas.js';
import { getAreas, getCenterSettings, updateCenterSettings } from './settings.service.js';

const api = jsonApi();
export const settingsApi = api.router;
const op = operationsOf('settings');

const getSettings = op('admin', 'get /settings', {
  summary:
    'All center settings: labels, areas, eligibility, retention, consent, requests, reports, training, fees, programme, subsidies',
  responses: { 200: jsonResponse('The settings, one object per section', centerSettingsSchema) },
});
api.openapi(getSettings, (c) => getCenterSettings(c.var.deps));

const putSettings = op('admin', 'put /settings', {
  summary: 'Replace some sections (each one complete); the change is audited',
  body: updateSettingsBody,
  responses: {
    200: jsonResponse('The full settings after the change', centerSettingsSchema),
  },
});
api.openapi(putSettings, async (c, admin) => {
  const body = c.req.valid('json');
  return updateCenterSettings(c.var.deps, admin, body, c.var.clientAddress);
});

// Public: the membership application form offers the center's areas before anyone signs in.
const listAreas = op('public', 'get /areas', {
  summary: "The center's areas (地区)",
  responses: { 200: jsonResponse('The areas', z.object({ items: z.array(areaSchema) })) },
});
api.openapi(listAreas, async (c) => ({ items: await getAreas(c.var.deps) }));
