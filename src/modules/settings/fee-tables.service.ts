import type { AppDeps, CurrentUser } from '../../context.js';
import { conflict } from '../../lib/errors.js';
import type { FeeTable } from '../fees/fee-table.js';
import { addDatedVersion, deleteDatedVersion } from './dated-settings.service.js';

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
  await addDatedVersion(deps, admin, 'fees', table, clientAddress);
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
  const inUse = () => conflict('table_in_use', 'feeTables.inUse');
  await deleteDatedVersion(deps, admin, 'fees', validFrom, inUse, clientAddress);
}
