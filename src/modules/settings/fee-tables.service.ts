import type { AppDeps, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound } from '../../lib/errors.js';
import { getCenterSettings, updateCenterSettings } from './settings.service.js';
import type { FeeTable } from '../fees/fee-table.js';

/**
 * 報酬基準 (fee tables), kept as the `fees` settings section in valid-from order. A new one
 * never changes fees already stored with activities.
 */

/** Adds a table; another one valid from the same date is a 409 `duplicate`. */
export async function addFeeTable(
  deps: AppDeps,
  admin: CurrentUser,
  table: FeeTable,
  clientAddress?: string,
) {
  const { fees } = await getCenterSettings(deps);
  if (fees.some((x) => x.validFrom === table.validFrom)) throw conflict('duplicate');
  await updateCenterSettings(
    deps,
    admin,
    { fees: [...fees, table].sort((a, b) => a.validFrom.localeCompare(b.validFrom)) },
    clientAddress,
  );
}

/**
 * Deletes a table not in force yet (it cannot have priced anything: activities are reported
 * after they happen); one in force is a 409.
 */
export async function deleteFeeTable(
  deps: AppDeps,
  admin: CurrentUser,
  validFrom: string,
  clientAddress?: string,
) {
  const { fees } = await getCenterSettings(deps);
  if (!fees.some((x) => x.validFrom === validFrom)) throw notFound();
  if (validFrom <= tokyoDateOf(deps.clock.now())) throw conflict('table_in_use', 'feeTables.inUse');
  await updateCenterSettings(
    deps,
    admin,
    { fees: fees.filter((x) => x.validFrom !== validFrom) },
    clientAddress,
  );
}
