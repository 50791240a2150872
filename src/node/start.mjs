// `npm start`: runs the Node server from one JavaScript bundle (dist/server.mjs), rebuilt first
// when any source is newer, with the stylesheet built from views/styles/ (build-css.mjs). Plain
// JavaScript, so that starting needs no TypeScript loader: through tsx the server took ~2.4 s to
// answer on a quiet machine, most of it transpiling and resolving ~200 modules through loader
// hooks (docs/performance.md). `npm run dev` still runs the sources through tsx, with reloads.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { buildCss, CSS_OUT } from './build-css.mjs';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'dist');
const bundle = join(outDir, 'server.mjs');
const SOURCES = ['src', 'db', 'views'];
const FILES = ['package-lock.json', 'tsconfig.json'];
// Served as files, not bundled: a new stylesheet must not rebuild the server.
const NOT_BUNDLED = join(root, 'views/public');

/** @param {string} path @returns {number} */
function newestMtime(path) {
  if (path === NOT_BUNDLED) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const paths = [...SOURCES, ...FILES].map((p) => join(root, p)).filter((p) => existsSync(p));
  return paths.some((p) => newestMtime(p) > built);
}

if (isStale()) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, 'src/server.ts')],
    outfile: bundle,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as usual (better-sqlite3 is native).
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  // Written aside, then renamed: several servers starting at once (tests) never read half a file.
  mkdirSync(outDir, { recursive: true });
  const partial = `${bundle}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, bundle);
}

// The stylesheet, rebuilt from views/styles/ when it is missing or older than its sources.
if (!existsSync(CSS_OUT) || newestMtime(join(root, 'views/styles')) > statSync(CSS_OUT).mtimeMs) {
  await buildCss();
}

await import(pathToFileURL(bundle).href);
