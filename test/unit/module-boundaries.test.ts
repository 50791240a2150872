import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No cycles between modules (docs/architecture.md). The graph is the domain layer: services,
 * queries, rules, schemas and serializers of src/modules/<name>/. Page routes and JSON routes are
 * the edge that composes modules (a member page may call the orientations service), so they are
 * not nodes of it. Type-only imports make no dependency and are skipped.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulesDir = join(root, 'src/modules');
const isEdge = (file: string) => /\.(routes\.tsx|api\.ts)$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const moduleOf = (file: string) => {
  const parts = relative(modulesDir, file).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
};

/** Relative specifiers this file imports values from (not `import type`, not all-`type` lists). */
export function valueImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(
    /^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)'/gms,
  )) {
    const [, typeOnly, clause = '', spec = ''] = m;
    if (typeOnly) continue;
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const allTyped =
      names !== undefined &&
      !/^[\w$]+\s*,/.test(clause.trim()) &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    if (!allTyped) out.push(spec);
  }
  for (const m of source.matchAll(/^import\s+'([^']+)'/gm)) out.push(m[1] ?? '');
  return out.filter((s) => s.startsWith('.'));
}

function moduleGraph() {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(modulesDir)) {
    const from = moduleOf(file);
    if (!from || isEdge(file)) continue;
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      const to = moduleOf(resolve(dirname(file), spec));
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string>();
      targets.set(to, `${relative(root, file)} → ${spec}`);
      edges.set(from, targets);
    }
  }
  return edges;
}

/** Tarjan's strongly connected components: every component of more than one module is a cycle. */
function cycles(edges: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('module boundaries', () => {
  it('reads value imports and skips type-only ones', () => {
    const source = [
      "import type { A } from '../a/a.js';",
      "import { type B, type C } from '../b/b.js';",
      "import { d, type D } from '../d/d.js';",
      "import e, { type E } from '../e/e.js';",
      "export { f } from '../f/f.js';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(valueImports(source)).toEqual(['../d/d.js', '../e/e.js', '../f/f.js']);
  });

  it('finds a cycle when there is one', () => {
    const edges = new Map([
      ['a', new Map([['b', 'a→b']])],
      ['b', new Map([['c', 'b→c']])],
      ['c', new Map([['a', 'c→a']])],
      ['d', new Map([['a', 'd→a']])],
    ]);
    expect(cycles(edges)).toEqual([['a', 'b', 'c']]);
  });

  it('has no cycle between the modules of src/modules', () => {
    const edges = moduleGraph();
    expect(edges.size).toBeGreaterThan(5);
    const explained = cycles(edges).map((component) =>
      component.flatMap((from) =>
        [...(edges.get(from) ?? [])]
          .filter(([to]) => component.includes(to))
          .map(([to, why]) => `${from} → ${to}: ${why}`),
      ),
    );
    expect(explained).toEqual([]);
  });
});
