import { z } from 'zod';
import {
  emptyBody,
  jsonApi,
  jsonResponse,
  listOf,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { ownMember, ownMemberOnly } from './member-pages.js';
import { readFiscalYear } from './member-admin-form.js';
import { findMemberById } from './members.queries.js';
import { renewalBody } from './renewal-form.js';
import {
  myRenewalJson,
  renewalConfirmationJson,
  renewalStatusJson,
  toMyRenewalJson,
  toRenewalConfirmationJson,
  toRenewalStatusJson,
} from './renewal.json.js';
import {
  confirmRenewal,
  currentRenewalYear,
  myRenewal,
  renewalStatus,
  sendRenewalReminders,
} from './renewal.service.js';

const api = jsonApi();
/** 年度更新 (issue #19, point 3): the member's confirmation, staff's list, reminders, paper forms. */
export const renewalApi = api.router;
const op = operationsOf('members');

/** A signed-in user without a member record (staff) has no renewal of her own. */
const NO_MEMBER = { 404: ['not_found'] };
const ANSWER_ERRORS = {
  409: ['already_withdrawn'],
  422: ['renewal_answer_missing', 'no_such_side'],
};
const confirmed = { 200: jsonResponse('The confirmation recorded', renewalConfirmationJson) };

const myRenewalRoute = op('member', 'get /my/renewal', {
  summary: 'The signed-in member’s renewal: the year it is for, its deadline, the answer so far',
  errors: NO_MEMBER,
  responses: { 200: jsonResponse('The renewal', myRenewalJson) },
});
api.openapi(myRenewalRoute, async (c) => {
  const { member } = await ownMember(c);
  return toMyRenewalJson(await myRenewal(c.var.deps, member));
});

const confirmRoute = op('member', 'post /my/renewal', {
  summary: 'Confirm one’s details and say, per side, whether one continues next fiscal year',
  errors: { ...ANSWER_ERRORS, ...NO_MEMBER },
  body: renewalBody,
  responses: confirmed,
  // Staff have no member record: 404 before the body is read.
  scope: ownMemberOnly,
});
api.openapi(confirmRoute, async (c) => {
  const { user, member } = await ownMember(c);
  const body = c.req.valid('json');
  const row = await confirmRenewal(c.var.deps, user, member, body, 'online', c.var.clientAddress);
  return toRenewalConfirmationJson(row);
});

const statusRoute = op('staff', 'get /renewals/confirmations', {
  summary: 'Who has and has not confirmed the renewal for a fiscal year (default: the current one)',
  query: z.object({ fiscalYear: z.string().optional() }),
  responses: {
    200: jsonResponse(
      'The members the renewal concerns, with their answers',
      listOf(renewalStatusJson),
    ),
  },
});
api.openapi(statusRoute, async (c) => {
  const fy = readFiscalYear(c.req.valid('query').fiscalYear, await currentRenewalYear(c.var.deps));
  const { rows } = await renewalStatus(c.var.deps, fy);
  return wholeList(rows.map(toRenewalStatusJson));
});

const paperRoute = op('staff', 'post /members/{id}/renewal', {
  summary: 'Record a member’s paper renewal form for the current renewal year',
  errors: ANSWER_ERRORS,
  body: renewalBody,
  responses: confirmed,
});
api.openapi(paperRoute, async (c, staff) => {
  const member = await findMemberById(c.var.deps.db, c.req.valid('param').id);
  if (!member) throw notFound();
  const body = c.req.valid('json');
  const row = await confirmRenewal(c.var.deps, staff, member, body, 'paper', c.var.clientAddress);
  return toRenewalConfirmationJson(row);
});

const remindRoute = op('staff', 'post /renewals/reminders', {
  summary: 'Remind every member who has not confirmed the current renewal (once a day at most)',
  body: emptyBody,
  responses: {
    200: jsonResponse(
      'How many were reminded',
      z.object({ fiscalYear: z.number().int(), reminded: z.number().int() }),
    ),
  },
});
api.openapi(remindRoute, (c, staff) =>
  sendRenewalReminders(c.var.deps, staff, c.var.clientAddress),
);
