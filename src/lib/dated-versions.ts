import { z } from 'zod';

/**
 * Settings kept as dated versions (fee tables, subsidy rule sets): each version applies from its
 * `validFrom` (a Tokyo 'YYYY-MM-DD'), so a new version never reprices what an older one priced.
 */
export interface DatedVersion {
  validFrom: string;
}

/** The setting value: 1–100 versions, each with a distinct `validFrom`. */
export const datedVersionList = <S extends z.ZodType<DatedVersion>>(version: S, message: string) =>
  z
    .array(version, message)
    .min(1, message)
    .max(100, message)
    .refine((list) => new Set(list.map((v) => v.validFrom)).size === list.length, message);

/** The version in force on a date: the latest `validFrom` on or before it. */
export function versionInForce<V extends DatedVersion>(
  versions: readonly V[],
  date: string,
): V | undefined {
  let chosen: V | undefined;
  for (const version of versions) {
    // 'YYYY-MM-DD' strings compare in calendar order.
    if (version.validFrom <= date && (!chosen || version.validFrom > chosen.validFrom))
      chosen = version;
  }
  return chosen;
}
