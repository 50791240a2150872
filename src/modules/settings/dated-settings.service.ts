import type { AppDeps, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import type { DatedVersion } from '../../lib/dated-versions.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { CenterSettings } from './settings.schemas.js';
import { getCenterSettings, updateCenterSettings } from './settings.service.js';

/**
 * The settings kept as dated versions (fee tables, subsidy rule sets), in valid-from order: a
 * new version applies from its date and never changes what an earlier one priced.
 */
type DatedSection = 'fees' | 'subsidies';
type VersionOf<K extends DatedSection> = CenterSettings[K][number] & DatedVersion;

/** Adds a version; another one valid from the same date is a 409 `duplicate`. */
export async function addDatedVersion<K extends DatedSection>(
  deps: AppDeps,
  admin: CurrentUser,
  section: K,
  version: VersionOf<K>,
  clientAddress?: string,
): Promise<VersionOf<K>[]> {
  const versions = (await getCenterSettings(deps))[section] as VersionOf<K>[];
  if (versions.some((x) => x.validFrom === version.validFrom)) throw conflict('duplicate');
  const next = [...versions, version].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  await updateCenterSettings(deps, admin, { [section]: next }, clientAddress);
  return next;
}

/**
 * Deletes a version not in force yet (nothing can rest on it: activities are reported and
 * claimed after they happen); an unknown one is a 404, one in force the `inUse` 409.
 */
export async function deleteDatedVersion<K extends DatedSection>(
  deps: AppDeps,
  admin: CurrentUser,
  section: K,
  validFrom: string,
  inUse: () => Error,
  clientAddress?: string,
): Promise<VersionOf<K>[]> {
  const versions = (await getCenterSettings(deps))[section] as VersionOf<K>[];
  if (!versions.some((x) => x.validFrom === validFrom)) throw notFound();
  if (validFrom <= tokyoDateOf(deps.clock.now())) throw inUse();
  const next = versions.filter((x) => x.validFrom !== validFrom);
  await updateCenterSettings(deps, admin, { [section]: next }, clientAddress);
  return next;
}
