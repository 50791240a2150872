import type { Db } from '../../lib/db.js';

/** Every stored settings row (a handful: one per section that was ever saved). */
export function readSettingRows(db: Db) {
  return db
    .selectFrom('setting')
    .select(['key', 'value', 'updated_at', 'updated_by'])
    .orderBy('key')
    .execute();
}

/** One stored settings row, or undefined when the section was never saved. */
export function readSettingRow(db: Db, key: string) {
  return db
    .selectFrom('setting')
    .select(['key', 'value', 'updated_at', 'updated_by'])
    .where('key', '=', key)
    .executeTakeFirst();
}

export interface SettingWrite {
  key: string;
  value: unknown;
  at: Date;
  updatedBy: string | null;
}

/** The insert-or-replace of one section, for use inside an atomic batch (not executed here). */
export function upsertSetting(db: Db, write: SettingWrite) {
  const row = {
    value: JSON.stringify(write.value),
    updated_at: write.at.toISOString(),
    updated_by: write.updatedBy,
  };
  return db
    .insertInto('setting')
    .values({ key: write.key, ...row })
    .onConflict((oc) => oc.column('key').doUpdateSet(row));
}
