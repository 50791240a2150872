import { underlyingDb } from '../../lib/batch-read.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { badRequest } from '../../lib/errors.js';
import type { Db } from '../../lib/db.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { readSettingRow, readSettingRows, upsertSetting } from './settings.queries.js';
import {
  defaultSettings,
  isSettingKey,
  SETTING_KEYS,
  settingSections,
  updateSettingsBody,
  type CenterSettings,
  type CenterSettingsUpdate,
  type SettingKey,
} from './settings.schemas.js';

/** Reading settings needs only the database (and, in a request, the stamps read with it). */
export type SettingsReadDeps = Pick<AppDeps, 'db' | 'stamps'>;

/**
 * The settings as last loaded, per database, with the settings stamp (migration 0013) they were
 * loaded under. Only a caller that read the stamp in its own request (deps.stamps) is served from
 * here, and only when the stamps match: the triggers bump the stamp on any change by any process,
 * so the cache is never stale. Others (jobs, CLIs) read the table.
 */
const cache = new Map<Db, { stamp: number; settings: CenterSettings }>();

async function cachedSettings(deps: SettingsReadDeps, stamp: number): Promise<CenterSettings> {
  const key = underlyingDb(deps.db);
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return hit.settings;
  const { settings } = await loadSettings(deps);
  // A couple of databases at most in one process (tests); more just reload.
  if (cache.size >= 4) cache.clear();
  cache.set(key, { stamp, settings });
  return settings;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored value made usable: object sections are merged field by field over the defaults (so a
 * field added in a later version takes its default), then validated. Anything unreadable falls
 * back to the section's default and is logged: a bad row must never break a page.
 */
function parseStored<K extends SettingKey>(
  key: K,
  raw: string,
): { value: CenterSettings[K]; valid: boolean } {
  const def = settingSections[key];
  const fallback = () => ({
    value: structuredClone(def.defaults) as CenterSettings[K],
    valid: false,
  });
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    console.warn(`[settings] "${key}" is not valid JSON; using the default`);
    return fallback();
  }
  const candidate =
    isPlainObject(stored) && isPlainObject(def.defaults) ? { ...def.defaults, ...stored } : stored;
  const parsed = def.schema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.path.join('.') || i.code).join(', ');
    console.warn(`[settings] "${key}" is invalid (${problems}); using the default`);
    return fallback();
  }
  return { value: parsed.data as CenterSettings[K], valid: true };
}

async function loadSettings(deps: SettingsReadDeps) {
  const settings = defaultSettings();
  const writable = settings as Record<SettingKey, unknown>;
  const invalid = new Set<SettingKey>();
  for (const row of await readSettingRows(deps.db)) {
    // Rows of sections this version does not know (yet) are ignored.
    if (!isSettingKey(row.key)) continue;
    const { value, valid } = parseStored(row.key, row.value);
    writable[row.key] = value;
    if (!valid) invalid.add(row.key);
  }
  return { settings, invalid };
}

/** Every section: the stored value where there is a valid one, else the default. One SELECT. */
export async function getCenterSettings(deps: SettingsReadDeps): Promise<CenterSettings> {
  if (deps.stamps) return structuredClone(await cachedSettings(deps, deps.stamps.settings));
  return (await loadSettings(deps)).settings;
}

/** One section, as getCenterSettings would return it. */
export async function getSetting<K extends SettingKey>(
  deps: SettingsReadDeps,
  key: K,
): Promise<CenterSettings[K]> {
  if (deps.stamps) return structuredClone((await cachedSettings(deps, deps.stamps.settings))[key]);
  const row = await readSettingRow(deps.db, key);
  return row
    ? parseStored(key, row.value).value
    : (structuredClone(settingSections[key].defaults) as CenterSettings[K]);
}

/** The reader of one section (`getSetting` with its key). */
const sectionReader =
  <K extends SettingKey>(key: K) =>
  (deps: SettingsReadDeps): Promise<CenterSettings[K]> =>
    getSetting(deps, key);

export const getLabels = sectionReader('labels');
export const getAreas = sectionReader('areas');
export const getEligibility = sectionReader('eligibility');
export const getRetention = sectionReader('retention');
export const getRenewalSettings = sectionReader('renewal');
export const getConsentVersions = sectionReader('consent');
export const getRequestRules = sectionReader('requests');
export const getReportRules = sectionReader('reports');
export const getTrainingNotices = sectionReader('training');

/** Whether `code` is one of the center's areas. */
export async function isKnownArea(deps: SettingsReadDeps, code: string): Promise<boolean> {
  return (await getAreas(deps)).some((a) => a.code === code);
}

/**
 * Saves the given sections (each complete). Only sections whose value differs from the effective
 * one are written, together with one `settings_updated` audit row, in one atomic batch.
 * Returns the full settings after the change. Callers validate first (for field messages); an
 * invalid input here is a plain 400.
 */
export async function updateCenterSettings(
  deps: AppDeps,
  actor: CurrentUser,
  input: CenterSettingsUpdate,
  clientAddress?: string,
): Promise<CenterSettings> {
  const parsed = updateSettingsBody.safeParse(input);
  if (!parsed.success) throw badRequest('invalid_input');
  const update = parsed.data as CenterSettingsUpdate;

  const { settings: current, invalid } = await loadSettings(deps);
  const next = { ...current } as Record<SettingKey, unknown>;
  const changed: SettingKey[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = update[key];
    if (value === undefined) continue;
    // An unchanged section is not rewritten, unless its stored row was unreadable.
    if (!invalid.has(key) && JSON.stringify(value) === JSON.stringify(current[key])) continue;
    changed.push(key);
    before[key] = current[key];
    after[key] = value;
    next[key] = value;
  }
  if (changed.length === 0) return current;

  const now = deps.clock.now();
  await deps.atomic([
    ...changed.map((key) =>
      upsertSetting(deps.db, { key, value: after[key], at: now, updatedBy: actor.id }),
    ),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'settings_updated',
      subjectType: 'setting',
      subjectId: changed.join(','),
      clientAddress,
      details: { sections: changed, before, after },
    }),
  ]);
  // This request's stamp predates the write: drop the cache so its next read sees the change.
  cache.delete(deps.db);
  return next as CenterSettings;
}
