import { z } from 'zod';
import { requireAdmin } from '../../auth/guards.js';
import { apiRoute, apiRouter, jsonRequest, jsonResponse } from '../../http/api-route.js';
import { areaSchema, centerSettingsSchema, updateSettingsBody } from './settings.schemas.js';
import { getAreas, getCenterSettings, updateCenterSettings } from './settings.service.js';

export const settingsApi = apiRouter();

const getSettings = apiRoute(
  {
    tag: 'settings',
    access: 'admin',
    summary:
      'All center settings: labels, areas, eligibility, retention, consent, requests, reports, training, fees, programme',
  },
  {
    method: 'get',
    path: '/settings',
    responses: { 200: jsonResponse('The settings, one object per section', centerSettingsSchema) },
  },
);
settingsApi.openapi(getSettings, async (c) => {
  requireAdmin(c);
  return c.json(await getCenterSettings(c.var.deps), 200);
});

const putSettings = apiRoute(
  {
    tag: 'settings',
    access: 'admin',
    summary: 'Replace some sections (each one complete); the change is audited',
  },
  {
    method: 'put',
    path: '/settings',
    request: { body: jsonRequest(updateSettingsBody) },
    responses: {
      200: jsonResponse('The full settings after the change', centerSettingsSchema),
    },
  },
);
settingsApi.openapi(putSettings, async (c) => {
  const admin = requireAdmin(c);
  const body = c.req.valid('json');
  return c.json(await updateCenterSettings(c.var.deps, admin, body, c.var.clientAddress), 200);
});

// Public: the membership application form offers the center's areas before anyone signs in.
const listAreas = apiRoute(
  { tag: 'settings', access: 'public', summary: "The center's areas (地区)" },
  {
    method: 'get',
    path: '/areas',
    responses: { 200: jsonResponse('The areas', z.object({ items: z.array(areaSchema) })) },
  },
);
settingsApi.openapi(listAreas, async (c) => c.json({ items: await getAreas(c.var.deps) }, 200));
