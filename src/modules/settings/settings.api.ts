import { z } from 'zod';
import { requireAdmin } from '../../auth/guards.js';
import { apiRouter, jsonResponse, operationsOf } from '../../http/api-route.js';
import { areaSchema, centerSettingsSchema, updateSettingsBody } from './settings.schemas.js';
import { getAreas, getCenterSettings, updateCenterSettings } from './settings.service.js';

export const settingsApi = apiRouter();
const op = operationsOf('settings');

const getSettings = op('admin', 'get /settings', {
  summary:
    'All center settings: labels, areas, eligibility, retention, consent, requests, reports, training, fees, programme, subsidies',
  responses: { 200: jsonResponse('The settings, one object per section', centerSettingsSchema) },
});
settingsApi.openapi(getSettings, async (c) => {
  requireAdmin(c);
  return c.json(await getCenterSettings(c.var.deps), 200);
});

const putSettings = op('admin', 'put /settings', {
  summary: 'Replace some sections (each one complete); the change is audited',
  body: updateSettingsBody,
  responses: {
    200: jsonResponse('The full settings after the change', centerSettingsSchema),
  },
});
settingsApi.openapi(putSettings, async (c) => {
  const admin = requireAdmin(c);
  const body = c.req.valid('json');
  return c.json(await updateCenterSettings(c.var.deps, admin, body, c.var.clientAddress), 200);
});

// Public: the membership application form offers the center's areas before anyone signs in.
const listAreas = op('public', 'get /areas', {
  summary: "The center's areas (地区)",
  responses: { 200: jsonResponse('The areas', z.object({ items: z.array(areaSchema) })) },
});
settingsApi.openapi(listAreas, async (c) => c.json({ items: await getAreas(c.var.deps) }, 200));
