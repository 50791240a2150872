import fc from 'fast-check';
import type { FormPairs, Json } from './fuzz-routes.js';

// fast-check generators of hostile request bodies. Most start from the route's valid body and
// change one thing (a wrong type, an empty or huge string, odd unicode, another object's id, a
// prototype key), so they get past the first checks and reach the deeper rules; the rest are
// arbitrary JSON values, raw text and other content types.

/** What the fuzzer sends: a JSON value, a raw text with its content type, or form pairs. */
export type FuzzBody =
  | { type: 'json'; value: Json }
  | { type: 'raw'; contentType: string | null; text: string }
  | { type: 'form'; pairs: FormPairs };

const HUGE = 20_000;

/** Strings that have broken parsers, validators, SQL and renderers before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  '\r\n',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-11-25T25:00:00+09:00',
  '2026-11-25T13:00:00',
  '24:00',
  '23:60',
  '１３：００',
  '２０２６-１２-０９',
  "' OR 1=1 --",
  '"; DROP TABLE member; --',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '%00%ff',
  '\u202eevil',
  '\ud800',
  'ｶﾀｶﾅ',
  '👨‍👩‍👧‍👦',
  'é'.normalize('NFD'),
  '__proto__',
  'constructor',
  'toString',
  '0x10',
  'Infinity',
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

export function stringArb(ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 600 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'あ', '0', '👍'), fc.integer({ min: 1_000, max: HUGE }))
        .map(([c, n]) => c.repeat(n)),
    },
    ...(ids.length ? [{ weight: 2, arbitrary: fc.constantFrom(...ids) }] : []),
  );
}

/** Any JSON value, biased to wrong types and boundary numbers. */
export function weirdJson(ids: string[]): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 3, arbitrary: stringArb(ids) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Json>(
        null,
        true,
        false,
        0,
        -1,
        1,
        0.5,
        -0.0001,
        1e21,
        -1e21,
        Number.MAX_SAFE_INTEGER + 2,
        2 ** 31,
        [],
        {},
        [null],
        [''],
      ),
    },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
    { weight: 1, arbitrary: fc.array(stringArb(ids), { maxLength: 30 }) as fc.Arbitrary<Json> },
  );
}

type Path = (string | number)[];

/** Every path into a JSON value (objects and arrays), the root excluded. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function setAt(root: Json, path: Path, replace: (old: Json) => Json | undefined): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = replace(node[last]!);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

/** One mutation of a valid JSON body: replace, drop, or add a (prototype) key somewhere. */
function mutateJson(base: Json, ids: string[]): fc.Arbitrary<Json> {
  const paths = pathsOf(base);
  const containers: Path[] = [[], ...paths.filter((p) => typeof pickAt(base, p) === 'object')];
  const options: fc.Arbitrary<Json>[] = [
    fc
      .tuple(
        fc.constantFrom(...containers),
        fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string()),
        weirdJson(ids),
      )
      .map(([p, key, v]) => {
        const target = pickAt(base, p);
        if (target === null || typeof target !== 'object' || Array.isArray(target)) return base;
        return p.length === 0
          ? { ...(base as Record<string, Json>), [key]: v }
          : setAt(base, p, (old) => ({ ...(old as Record<string, Json>), [key]: v }));
      }),
  ];
  if (paths.length) {
    options.push(
      fc.tuple(fc.constantFrom(...paths), weirdJson(ids)).map(([p, v]) => setAt(base, p, () => v)),
      fc.constantFrom(...paths).map((p) => setAt(base, p, () => undefined)),
    );
  }
  return fc.oneof(...options);
}

function pickAt(root: Json, path: Path): Json {
  let node: Json = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key]!;
  return node;
}

/** Bodies for a JSON API route whose valid body is `base`. */
export function jsonBodies(base: Json, ids: string[]): fc.Arbitrary<FuzzBody> {
  const mutated = mutateJson(base, ids);
  const twice = mutated.chain((once) => mutateJson(once, ids));
  const asJson = (a: fc.Arbitrary<Json>) => a.map((value): FuzzBody => ({ type: 'json', value }));
  return fc.oneof(
    { weight: 5, arbitrary: asJson(mutated) },
    { weight: 2, arbitrary: asJson(twice) },
    { weight: 2, arbitrary: asJson(weirdJson(ids)) },
    { weight: 1, arbitrary: asJson(fc.object({ maxDepth: 3 }) as fc.Arbitrary<Json>) },
    { weight: 1, arbitrary: rawBodies(JSON.stringify(base)) },
  );
}

/** Text that is not quite JSON (or not JSON at all), and wrong content types. */
function rawBodies(valid: string): fc.Arbitrary<FuzzBody> {
  const texts = fc.oneof(
    fc.integer({ min: 0, max: valid.length }).map((n) => valid.slice(0, n)),
    fc.constantFrom(
      '',
      '{',
      '{"a":}',
      "{'a':1}",
      '[1,2,',
      'nul',
      '\u0000',
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
      valid.replace(/^\{/, '{"__proto__":{"role":"admin","polluted":"yes"},'),
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_001)}`,
      valid + valid,
    ),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const types = fc.constantFrom<string | null>(
    'application/json',
    'application/json; charset=shift_jis',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    null,
  );
  return fc
    .tuple(texts, types)
    .map(([text, contentType]): FuzzBody => ({ type: 'raw', contentType, text }));
}

/** Bodies for a page route whose valid form is `base`. */
export function formBodies(base: FormPairs, ids: string[]): fc.Arbitrary<FuzzBody> {
  const keys = base.map(([k]) => k);
  const anyKey = fc.oneof(
    ...(keys.length ? [fc.constantFrom(...keys)] : []),
    fc.constantFrom(
      ...PROTOTYPE_KEYS,
      '__proto__[polluted]',
      'constructor[prototype][polluted]',
      'a.b.c',
      'x[]',
    ),
    fc.string({ maxLength: 20 }),
  );
  const value = stringArb(ids);
  const options: fc.Arbitrary<FormPairs>[] = [
    fc.tuple(anyKey, value).map(([k, v]) => [...base, [k, v]]),
    fc.array(fc.tuple(anyKey, value), { maxLength: 12 }),
  ];
  if (base.length) {
    options.push(
      fc
        .tuple(fc.nat({ max: base.length - 1 }), value)
        .map(([i, v]) => base.map(([k, old], j): [string, string] => [k, j === i ? v : old])),
      fc.nat({ max: base.length - 1 }).map((i) => base.filter((_, j) => j !== i)),
      fc
        .tuple(fc.nat({ max: base.length - 1 }), value, fc.nat({ max: base.length - 1 }), value)
        .map(([i, v, j, w]) =>
          base.map(([k, old], n): [string, string] => [k, n === i ? v : n === j ? w : old]),
        ),
    );
  }
  const pairs = fc.oneof(...options).map((p): FuzzBody => ({ type: 'form', pairs: p }));
  const raw = fc
    .tuple(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(
          'a=%zz&b=%',
          '=&=&',
          '&&&',
          'x'.repeat(HUGE),
          '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
        ),
      ),
      fc.constantFrom<string | null>(
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        'application/json',
        'text/plain',
        null,
      ),
    )
    .map(([text, contentType]): FuzzBody => ({ type: 'raw', contentType, text }));
  return fc.oneof({ weight: 8, arbitrary: pairs }, { weight: 1, arbitrary: raw });
}

/** The request init for a fuzz body (same-origin, as a browser or API client sends it). */
export function requestInit(method: string, body: FuzzBody, origin: string): RequestInit {
  const headers: Record<string, string> = { origin };
  let payload: string;
  if (body.type === 'json') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.value) ?? 'null';
  } else if (body.type === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(body.pairs).toString();
  } else {
    if (body.contentType) headers['content-type'] = body.contentType;
    payload = body.text;
  }
  return { method, headers, body: payload };
}

/** The bytes of a body as sent, to tell reflected input from a leak. */
export function bodyText(body: FuzzBody): string {
  if (body.type === 'json') return JSON.stringify(body.value) ?? 'null';
  if (body.type === 'form') return body.pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return body.text;
}
