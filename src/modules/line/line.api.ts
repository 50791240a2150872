import { z } from 'zod';
import { jsonApi, jsonResponse, noContent, operationsOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { NOTICE_GROUPS } from '../notifications/channels.js';
import { ownMember } from '../members/member-pages.js';
import { channelsBody } from './line-form.js';
import {
  createLinkCode,
  lineStatusOf,
  saveChannels,
  unlinkLine,
  type LineStatus,
} from './line.service.js';

const api = jsonApi();
/** The signed-in member's LINE link and channels as JSON (issue #21). */
export const lineApi = api.router;
const op = operationsOf('line');

const toLineJson = (s: LineStatus) => ({
  enabled: s.enabled,
  linked: s.linkedAt !== null,
  linkedAt: s.linkedAt === null ? null : toTokyoIso(s.linkedAt),
  channels: s.channels,
});
const lineJson = z.object({
  enabled: z.boolean(),
  linked: z.boolean(),
  linkedAt: z.string().nullable(),
  channels: z.array(
    z.object({ group: z.enum(NOTICE_GROUPS), email: z.boolean(), line: z.boolean() }),
  ),
});

const statusRoute = op('member', 'get /me/line', {
  summary: 'Your LINE link and your channels per kind of notice',
  errors: { 404: ['not_found'] },
  responses: { 200: jsonResponse('The link', lineJson) },
});
api.openapi(statusRoute, async (c) => {
  const { user } = await ownMember(c);
  return toLineJson(await lineStatusOf(c.var.deps, user.id));
});

const codeRoute = op('member', 'post /me/line/code', {
  summary: 'A one-time link code to send in the official account’s chat (10 minutes, once)',
  errors: { 404: ['not_found'], 409: ['line_off'] },
  responses: {
    201: jsonResponse(
      'The code (shown once)',
      z.object({ code: z.string(), expiresAt: z.string() }),
    ),
  },
});
api.openapi(codeRoute, async (c) => {
  const { user } = await ownMember(c);
  const { code, expiresAt } = await createLinkCode(c.var.deps, user);
  return { code, expiresAt: toTokyoIso(expiresAt) };
});

const unlinkRoute = op('member', 'post /me/line/unlink', {
  summary: 'Unlink your LINE account (repeating it changes nothing)',
  errors: { 404: ['not_found'] },
  responses: { 204: noContent('Unlinked') },
});
api.openapi(unlinkRoute, async (c) => {
  const { user } = await ownMember(c);
  await unlinkLine(c.var.deps, user, c.var.clientAddress);
});

const channelsRoute = op('member', 'put /me/line/channels', {
  summary: 'Choose email and LINE per kind of notice (the inbox always gets every notice)',
  errors: { 404: ['not_found'] },
  body: channelsBody,
  responses: { 200: jsonResponse('The link and channels', lineJson) },
  // A staff login has no member record: 404 before the body is read.
  scope: async (c, next) => {
    await ownMember(c);
    await next();
  },
});
api.openapi(channelsRoute, async (c) => {
  const { user } = await ownMember(c);
  await saveChannels(c.var.deps, user, c.req.valid('json').channels);
  return toLineJson(await lineStatusOf(c.var.deps, user.id));
});
