import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import type { GroupRow, ReferralRow } from './directory.queries.js';
import { GROUP_KINDS } from './directory.schemas.js';

export const toGroupJson = (g: GroupRow) => ({
  id: g.id,
  name: g.name,
  kind: g.kind,
  area: g.area,
  schedule: g.schedule,
  contact: g.contact,
  ageMin: g.age_min,
  ageMax: g.age_max,
  description: g.description,
  url: g.url,
});

export const toReferralJson = (r: ReferralRow) => ({
  id: r.id,
  groupId: r.group_id,
  groupName: r.group_name,
  referredOn: r.referred_on,
  note: r.note,
  staffName: r.staff_name,
  createdAt: toTokyoIso(r.created_at),
});

export const groupSchema = responseOf<ReturnType<typeof toGroupJson>>()(
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(GROUP_KINDS),
    area: z.string().describe('A settings area code'),
    schedule: z.string(),
    contact: z.string(),
    ageMin: z.number().int().nullable(),
    ageMax: z.number().int().nullable(),
    description: z.string(),
    url: z.string().nullable(),
  }),
);

export const referralSchema = responseOf<ReturnType<typeof toReferralJson>>()(
  z.object({
    id: z.string(),
    groupId: z.string(),
    groupName: z.string(),
    referredOn: z.string().describe('YYYY-MM-DD'),
    note: z.string().nullable(),
    staffName: z.string().nullable(),
    createdAt: instantJson,
  }),
);
