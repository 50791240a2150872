import type { AppDeps, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound } from '../../lib/errors.js';
import { sortRuleSets, type SubsidyRuleSet } from './subsidy-rules.js';
import { getCenterSettings, updateCenterSettings } from './settings.service.js';

/**
 * Subsidy rules (issue #18 point 4), kept as the `subsidies` settings section in valid-from
 * order, like the fee tables: a new rule set never changes the rules of earlier dates.
 */

/** Adds a rule set; another one valid from the same date is a 409 `duplicate`. */
export async function addSubsidyRules(
  deps: AppDeps,
  admin: CurrentUser,
  set: SubsidyRuleSet,
  clientAddress?: string,
) {
  const { subsidies } = await getCenterSettings(deps);
  if (subsidies.some((x) => x.validFrom === set.validFrom)) throw conflict('duplicate');
  const next = sortRuleSets([...subsidies, set]);
  await updateCenterSettings(deps, admin, { subsidies: next }, clientAddress);
  return next;
}

/** Deletes a rule set not in force yet (no claim can rest on it); one in force is a 409. */
export async function deleteSubsidyRules(
  deps: AppDeps,
  admin: CurrentUser,
  validFrom: string,
  clientAddress?: string,
) {
  const { subsidies } = await getCenterSettings(deps);
  if (!subsidies.some((x) => x.validFrom === validFrom)) throw notFound();
  if (validFrom <= tokyoDateOf(deps.clock.now()))
    throw conflict('rules_in_use', 'subsidyRules.inUse');
  const next = subsidies.filter((x) => x.validFrom !== validFrom);
  await updateCenterSettings(deps, admin, { subsidies: next }, clientAddress);
  return next;
}
