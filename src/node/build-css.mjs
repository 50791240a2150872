// Builds the served stylesheet (views/public/assets/app.css, git-ignored) from views/styles/ with
// esbuild: the @imports inlined in order, nothing minified, so the output is the same for the
// same sources. Run by `npm start` (src/node/start.mjs), `npm run dev` and wrangler's build step
// (`wrangler dev`, `npm run cf:build`, deploys); `node src/node/build-css.mjs` builds it by hand.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
export const CSS_ENTRY = join(root, 'views/styles/app.css');
export const CSS_OUT = join(root, 'views/public/assets/app.css');

export async function buildCss() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [CSS_ENTRY],
    bundle: true,
    write: false,
    outfile: CSS_OUT,
    // Comments naming each source file, so a rule in the browser leads back to its file.
    legalComments: 'inline',
    logLevel: 'warning',
  });
  // Written aside, then renamed: several servers starting at once (tests) never read half a file.
  mkdirSync(dirname(CSS_OUT), { recursive: true });
  const partial = `${CSS_OUT}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, CSS_OUT);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await buildCss();
