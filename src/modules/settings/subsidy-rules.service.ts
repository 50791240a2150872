import type { AppDeps, CurrentUser } from '../../context.js';
import { conflict } from '../../lib/errors.js';
import type { SubsidyRuleSet } from './subsidy-rules.js';
import { addDatedVersion, deleteDatedVersion } from './dated-settings.service.js';

/**
 * Subsidy rules (issue #18 point 4), kept as the `subsidies` settings section in valid-from
 * order, like the fee tables: a new rule set never changes the rules of earlier dates.
 */

/** Adds a rule set; another one valid from the same date is a 409 `duplicate`. */
export const addSubsidyRules = (
  deps: AppDeps,
  admin: CurrentUser,
  set: SubsidyRuleSet,
  clientAddress?: string,
) => addDatedVersion(deps, admin, 'subsidies', set, clientAddress);

/** Deletes a rule set not in force yet (no claim can rest on it); one in force is a 409. */
export const deleteSubsidyRules = (
  deps: AppDeps,
  admin: CurrentUser,
  validFrom: string,
  clientAddress?: string,
) =>
  deleteDatedVersion(
    deps,
    admin,
    'subsidies',
    validFrom,
    () => conflict('rules_in_use', 'subsidyRules.inUse'),
    clientAddress,
  );
