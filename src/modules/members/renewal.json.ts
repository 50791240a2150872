import { z } from 'zod';
import { responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import type { RenewalConfirmationTable } from '../../../db/schema.js';

/** 年度更新 as JSON: instants with +09:00, answers as booleans (null: no such side). */

const bool = (v: number | null) => (v === null ? null : v === 1);

export function toRenewalConfirmationJson(row: RenewalConfirmationTable) {
  return {
    memberId: row.member_id,
    fiscalYear: row.fiscal_year,
    continueRequester: bool(row.continue_requester),
    continueHelper: bool(row.continue_helper),
    termsVersion: row.consent_terms_version,
    channel: row.channel,
    confirmedAt: toTokyoIso(row.confirmed_at),
    lapsedAt: row.lapsed_at ? toTokyoIso(row.lapsed_at) : null,
  };
}
export const renewalConfirmationJson = responseOf<ReturnType<typeof toRenewalConfirmationJson>>()(
  z.object({
    memberId: z.string(),
    fiscalYear: z.number().int(),
    continueRequester: z.boolean().nullable(),
    continueHelper: z.boolean().nullable(),
    termsVersion: z.string(),
    channel: z.enum(['online', 'paper']),
    confirmedAt: z.string(),
    lapsedAt: z.string().nullable(),
  }),
);

export function toMyRenewalJson(data: {
  fiscalYear: number;
  opensOn: string;
  deadline: string;
  termsVersion: string;
  confirmation: RenewalConfirmationTable | null;
}) {
  return {
    fiscalYear: data.fiscalYear,
    opensOn: data.opensOn,
    deadline: data.deadline,
    termsVersion: data.termsVersion,
    confirmation: data.confirmation ? toRenewalConfirmationJson(data.confirmation) : null,
  };
}
export const myRenewalJson = responseOf<ReturnType<typeof toMyRenewalJson>>()(
  z.object({
    fiscalYear: z.number().int(),
    opensOn: z.string(),
    deadline: z.string(),
    termsVersion: z.string(),
    confirmation: renewalConfirmationJson.nullable(),
  }),
);

export function toRenewalStatusJson(row: {
  id: string;
  member_no: number | null;
  name: string;
  kind: string;
  channel: 'online' | 'paper' | null;
  confirmed_at: string | null;
  continue_requester: number | null;
  continue_helper: number | null;
  lapsed_at: string | null;
}) {
  return {
    memberId: row.id,
    memberNo: row.member_no,
    name: row.name,
    kind: row.kind,
    channel: row.channel,
    confirmedAt: row.confirmed_at ? toTokyoIso(row.confirmed_at) : null,
    continueRequester: bool(row.continue_requester),
    continueHelper: bool(row.continue_helper),
    lapsedAt: row.lapsed_at ? toTokyoIso(row.lapsed_at) : null,
  };
}
export const renewalStatusJson = responseOf<ReturnType<typeof toRenewalStatusJson>>()(
  z.object({
    memberId: z.string(),
    memberNo: z.number().int().nullable(),
    name: z.string(),
    kind: z.string(),
    channel: z.enum(['online', 'paper']).nullable(),
    confirmedAt: z.string().nullable(),
    continueRequester: z.boolean().nullable(),
    continueHelper: z.boolean().nullable(),
    lapsedAt: z.string().nullable(),
  }),
);
