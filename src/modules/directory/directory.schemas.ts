import { z } from 'zod';
import { multiLineText, singleLineText } from '../../lib/text-schemas.js';
import { isValidDateString } from '../../lib/dates.js';

export const GROUP_KINDS = [
  'food',
  'play',
  'study',
  'disability',
  'grief',
  'parents',
  'consultation',
  'other',
] as const;

/** Children's ages are whole years, 0 (babies) to 18. */
export const MAX_AGE = 18;

const age = z.number().int().min(0).max(MAX_AGE).nullable().default(null);

/** Only web links: no javascript:, data: or other schemes in the directory. */
const webUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v) && !/[\s\\]/.test(v),
    'dir.validation.url',
  );

export const groupBody = z
  .object({
    name: singleLineText(100),
    kind: z.enum(GROUP_KINDS),
    /** A settings area code (地区). */
    area: z.string().trim().min(1).max(40),
    schedule: multiLineText(300).default(''),
    contact: multiLineText(300).default(''),
    ageMin: age,
    ageMax: age,
    description: multiLineText(1000).default(''),
    url: webUrl.nullable().default(null),
  })
  .strict()
  .refine((v) => v.ageMin === null || v.ageMax === null || v.ageMin <= v.ageMax, {
    path: ['ageMax'],
    message: 'dir.validation.ageOrder',
  });
export type GroupInput = z.output<typeof groupBody>;

export const directoryQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    kind: z.enum(GROUP_KINDS).optional(),
    area: z.string().trim().max(40).optional(),
    /** A child's age in whole years: groups whose age range contains it. */
    age: z.coerce.number().int().min(0).max(MAX_AGE).optional(),
    /** API paging (DIRECTORY_PAGE_SIZE groups a page); the pages list every match. */
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();
export const DIRECTORY_PAGE_SIZE = 500;
export type DirectoryQuery = z.output<typeof directoryQuery>;

export const referralBody = z
  .object({
    groupId: z.string().min(1).max(64),
    referredOn: z.string().refine(isValidDateString, 'validation.date'),
    note: multiLineText(1000).nullable().default(null),
  })
  .strict();
export type ReferralInput = z.output<typeof referralBody>;
