import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { readJson } from '../../http/json.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { updateSettingsBody } from './settings.schemas.js';
import { getAreas, getCenterSettings, updateCenterSettings } from './settings.service.js';

export const settingsApi = new Hono<AppEnv>();

settingsApi.get('/settings', async (c) => {
  requireAdmin(c);
  return c.json(await getCenterSettings(c.var.deps));
});

settingsApi.put('/settings', async (c) => {
  const admin = requireAdmin(c);
  const body = await readJson(c, updateSettingsBody);
  return c.json(await updateCenterSettings(c.var.deps, admin, body, c.var.clientAddress));
});

// Public: the membership application form offers the center's areas before anyone signs in.
settingsApi.get('/areas', async (c) => {
  return c.json({ items: await getAreas(c.var.deps) });
});

export const settingsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/settings',
    tag: 'settings',
    access: 'admin',
    summary:
      'All center settings: labels, areas, eligibility, retention, consent, requests, reports, training',
    responses: {
      200: 'The settings, one object per section',
      401: 'Not signed in',
      403: 'Not an admin',
    },
  },
  {
    method: 'put',
    path: '/settings',
    tag: 'settings',
    access: 'admin',
    body: updateSettingsBody,
    summary: 'Replace some sections (each one complete); the change is audited',
    responses: {
      200: 'The full settings after the change',
      400: 'invalid_input (with fields) or unknown_fields',
      401: 'Not signed in',
      403: 'Not an admin',
    },
  },
  {
    method: 'get',
    path: '/areas',
    tag: 'settings',
    access: 'public',
    summary: "The center's areas (地区): { items: [{ code, nameJa, nameEn }] }",
    responses: { 200: '{ items }' },
  },
];
