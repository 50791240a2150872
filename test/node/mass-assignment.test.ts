import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DbChecksum, setupFuzzApp, type FuzzContext } from '../helpers/fuzz-db.js';
import { WRITE_ROUTES, writeRoutesOf, type RouteSpec } from '../helpers/fuzz-routes.js';
import { Actors, buildWorld, WORLD_NOW, type World } from '../helpers/fuzz-world.js';
import { ORIGIN } from '../helpers/test-app.js';

// QUALITY.md "Security and reliability" item 4: on every write route, the valid body plus extra
// keys (role, status, memberNo, __proto__, constructor, isStaff, id, createdAt) is either refused
// (400/422: the zod schemas are .strict()) or the extra keys change nothing: the rows written are
// exactly those the valid body alone writes (on a second copy of the same world), and no marker
// value of an extra key appears anywhere. Also: every body schema in src/modules/*/*.schemas.ts
// is strict.

const MARK_ID = 'f0f0f0f0-f0f0-4f0f-8f0f-f0f0f0f0f0f0';
const MARK_AT = '1999-12-31T15:00:00.000Z';
const MARK_NO = 987654;
const MARK_STATUS = 'fuzzstatus';
const EXTRAS = {
  role: 'admin',
  status: MARK_STATUS,
  memberNo: MARK_NO,
  isStaff: true,
  id: MARK_ID,
  createdAt: MARK_AT,
} as const;
const MARKERS = new Set<unknown>([
  MARK_ID,
  MARK_AT,
  MARK_NO,
  String(MARK_NO),
  MARK_STATUS,
  'yes-polluted',
]);

/** The JSON text of `base` plus the extra keys, __proto__ and constructor as real own keys. */
function jsonWithExtras(base: unknown): string {
  const own = base as Record<string, unknown>;
  const extras = Object.entries(EXTRAS).filter(([k]) => !(k in own));
  const text = JSON.stringify({ ...own, ...Object.fromEntries(extras) });
  const proto =
    '"__proto__":{"role":"admin","polluted":"yes-polluted"},"constructor":{"prototype":{"polluted":"yes-polluted"}}';
  return text === '{}' ? `{${proto}}` : text.replace(/^\{/, `{${proto},`);
}

function formWithExtras(base: [string, string][]): string {
  const names = new Set(base.map(([k]) => k));
  const extras: [string, string][] = Object.entries(EXTRAS)
    .filter(([k]) => !names.has(k))
    .map(([k, v]) => [k, String(v)]);
  return new URLSearchParams([
    ...base,
    ...extras,
    ['__proto__', 'yes-polluted'],
    ['__proto__[polluted]', 'yes-polluted'],
    ['constructor[prototype][polluted]', 'yes-polluted'],
  ]).toString();
}

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

type Rows = Map<string, Record<string, unknown>[]>;

/** Rows added or changed, with fresh ids, tokens and hashes masked (they differ run to run). */
function writtenRows(before: Rows, after: Rows, knownIds: Set<string>): string[] {
  const out: string[] = [];
  for (const [table, rows] of after) {
    const old = new Set((before.get(table) ?? []).map((r) => JSON.stringify(r)));
    for (const row of rows) {
      if (old.has(JSON.stringify(row))) continue;
      const masked = Object.fromEntries(
        Object.entries(row).map(([col, v]) => [
          col,
          /hash|token/.test(col)
            ? '<secret>'
            : typeof v === 'string'
              ? v.replace(UUIDS, (m) => (knownIds.has(m) ? m : '<new id>'))
              : v,
        ]),
      );
      out.push(`${table} ${JSON.stringify(masked)}`);
    }
  }
  return out.sort();
}

function markersIn(rows: string[]): string[] {
  return rows.filter((r) => [...MARKERS].some((m) => r.includes(JSON.stringify(m))));
}

function polluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.role !== undefined;
}

async function send(ctx: FuzzContext, world: World, key: string, spec: RouteSpec, extras: boolean) {
  const client = await new Actors(ctx, world).get(spec.actor);
  const method = key.split(' ')[0]!;
  const base = spec.body(world);
  const body =
    spec.kind === 'json'
      ? extras
        ? jsonWithExtras(base)
        : JSON.stringify(base)
      : extras
        ? formWithExtras(base as [string, string][])
        : new URLSearchParams(base as [string, string][]).toString();
  let init: RequestInit = {
    method,
    headers: {
      origin: ORIGIN,
      'content-type':
        spec.kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body,
  };
  if (spec.kind === 'form' && spec.file) {
    // An upload: the same fields as multipart, with the file (the boundary is set by FormData).
    const data = new FormData();
    for (const [k, v] of new URLSearchParams(body)) data.append(k, v);
    const { field, name, type, content } = spec.file;
    data.append(field, new File([content], name, { type }));
    init = { method, headers: { origin: ORIGIN }, body: data };
  }
  const res = await client.request(spec.path(world), init);
  const text = await res.text();
  return { status: res.status, text };
}

const ok = (status: number) => status >= 200 && status < 400;

describe('mass assignment', () => {
  it('every write route refuses extra keys or ignores them', async () => {
    const seed = setupFuzzApp();
    const world = await buildWorld(seed);
    const image = seed.sqlite.serialize();
    const knownIds = new Set(
      (
        seed.sqlite
          .prepare('SELECT id FROM member UNION SELECT id FROM user')
          .pluck()
          .all() as string[]
      ).concat(
        JSON.stringify(world).match(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        ) ?? [],
      ),
    );
    const routes = writeRoutesOf(seed.app).filter((k) => WRITE_ROUTES[k]);

    const accepted: string[] = []; // extra keys that had an effect
    const refused: string[] = [];
    const ignored: string[] = [];
    const inconclusive: string[] = [];
    for (const key of routes) {
      const spec = WRITE_ROUTES[key]!;
      // Run A: the valid body alone. Run B: the same body with the extra keys, on a fresh copy.
      const a = setupFuzzApp(WORLD_NOW, image);
      const aSum = new DbChecksum(a.sqlite);
      const aBefore = aSum.rows();
      const plain = await send(a, world, key, spec, false);
      const aWritten = writtenRows(aBefore, aSum.rows(), knownIds);
      a.sqlite.close();

      const b = setupFuzzApp(WORLD_NOW, image);
      const bSum = new DbChecksum(b.sqlite);
      const bBefore = bSum.rows();
      const hashBefore = bSum.full();
      const withExtras = await send(b, world, key, spec, true);
      const bWritten = writtenRows(bBefore, bSum.rows(), knownIds);
      const unchanged = bSum.full() === hashBefore;
      b.sqlite.close();

      const problems: string[] = [];
      if (polluted()) problems.push('Object.prototype polluted');
      if (markersIn(bWritten).length) problems.push(`marker stored: ${markersIn(bWritten)[0]}`);
      if (ok(withExtras.status) && unchanged && ok(plain.status) && aWritten.length > 0) {
        // Refused without an error status (the language switch ignores a bad form): no effect.
        refused.push(key);
      } else if (ok(withExtras.status)) {
        if (!ok(plain.status))
          problems.push(`extras accepted (${withExtras.status}), plain body ${plain.status}`);
        else if (JSON.stringify(aWritten) !== JSON.stringify(bWritten))
          problems.push(
            `rows differ:\n  plain  ${aWritten.join('\n         ')}\n  extras ${bWritten.join('\n         ')}`,
          );
        else ignored.push(key);
      } else {
        if (!unchanged) problems.push(`refused with ${withExtras.status} but the database changed`);
        if (ok(plain.status)) {
          if (withExtras.status !== 400 && withExtras.status !== 422)
            problems.push(`refused with ${withExtras.status}, expected 400 or 422`);
          else refused.push(key);
        } else
          inconclusive.push(`${key} (valid body: ${plain.status} ${plain.text.slice(0, 160)})`);
      }
      if (problems.length) accepted.push(`${key}: ${problems.join('; ')}`);
    }
    console.log(
      `mass assignment: ${routes.length} routes, ${accepted.length} accepted extra keys ` +
        `(${refused.length} refused with 400/422, ${ignored.length} ignored them and wrote the same rows as the valid body, ` +
        `${inconclusive.length} where the valid body itself was refused in this world)`,
    );
    if (inconclusive.length)
      console.log(`mass assignment: valid body refused:\n${inconclusive.join('\n')}`);
    expect(accepted).toEqual([]);
    // Every write route is covered: a new one needs its entry in test/helpers/fuzz-routes.ts.
    expect(writeRoutesOf(seed.app).filter((k) => !WRITE_ROUTES[k])).toEqual([]);
  }, 300_000);

  it('every request body schema is .strict() (unknown keys are refused, not dropped)', async () => {
    const root = fileURLToPath(new URL('../../src/modules/', import.meta.url));
    const modules: Record<string, Record<string, unknown>> = {};
    for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()))
      for (const file of readdirSync(join(root, dir.name)).filter((f) => f.endsWith('.schemas.ts')))
        modules[file] = (await import(join(root, dir.name, file))) as Record<string, unknown>;
    const loose: string[] = [];
    let objects = 0;
    const visit = (name: string, schema: z.ZodType, seen: Set<unknown>) => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'object') {
        objects += 1;
        const catchall = def.catchall as z.ZodType | undefined;
        if (catchall?._zod.def.type !== 'never') loose.push(name);
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
          visit(`${name}.${k}`, v, seen);
      }
      for (const k of ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType'])
        if (def[k]) visit(name, def[k] as z.ZodType, seen);
      for (const k of ['options', 'items'])
        if (Array.isArray(def[k])) for (const o of def[k] as z.ZodType[]) visit(name, o, seen);
    };
    for (const [file, exports] of Object.entries(modules))
      for (const [name, value] of Object.entries(exports)) {
        // Query strings are not bodies: links and bookmarks may carry other parameters.
        if (/Query$/.test(name)) continue;
        if (value && typeof value === 'object' && '_zod' in value)
          visit(`${file.replace(/^.*\//, '')}:${name}`, value as z.ZodType, new Set());
      }
    console.log(
      `schemas: ${objects} object schemas in ${Object.keys(modules).length} files, ${loose.length} not strict`,
    );
    expect(objects).toBeGreaterThan(40);
    expect(loose).toEqual([]);
  });
});
