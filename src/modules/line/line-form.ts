import { z } from 'zod';
import type { NoticeGroup } from '../../../db/schema.js';
import { NOTICE_GROUPS } from '../notifications/channels.js';

/** The channels form: one checkbox per group and channel (`email.offers`, `line.offers`, …). */
const box = z.literal('yes').optional();
export const channelsForm = z
  .object(
    Object.fromEntries(
      NOTICE_GROUPS.flatMap((g) => [
        [`email.${g}`, box],
        [`line.${g}`, box],
      ]),
    ) as Record<`${'email' | 'line'}.${NoticeGroup}`, typeof box>,
  )
  .strict();

export const channelsOfForm = (form: z.output<typeof channelsForm>) =>
  NOTICE_GROUPS.map((group) => ({
    group,
    email: form[`email.${group}`] === 'yes',
    line: form[`line.${group}`] === 'yes',
  }));

/** The API's body: every group's choice. */
export const channelsBody = z
  .object({
    channels: z
      .array(
        z.object({ group: z.enum(NOTICE_GROUPS), email: z.boolean(), line: z.boolean() }).strict(),
      )
      .max(NOTICE_GROUPS.length),
  })
  .strict();
