// `npm run check`: fast feedback on the files you changed (against HEAD, plus untracked ones):
// the typecheck (incremental) and ESLint (cached) on them in parallel, then the node tests that
// import them (`vitest related`). `npm test` stays the full gate.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const git = (...args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
const changed = [
  ...new Set([
    ...git('diff', '--name-only', 'HEAD'),
    ...git('ls-files', '--others', '--exclude-standard'),
  ]),
];
const code = changed.filter((f) => /\.(m?js|tsx?)$/.test(f) && existsSync(f));

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('close', (status) => {
      console.log(
        `[check] ${[cmd, ...args.slice(0, 2)].join(' ')} … ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve(status ?? 1);
    });
  });
}

const started = Date.now();
if (code.length === 0) {
  console.log('[check] no changed code files against HEAD');
  process.exit(0);
}
console.log(`[check] ${code.length} changed file(s)`);
const cache = 'node_modules/.cache/tsunagu';
const statuses = await Promise.all([
  run('npx', ['tsc', '--noEmit', '--incremental', '--tsBuildInfoFile', `${cache}/tsc.tsbuildinfo`]),
  run('npx', ['eslint', '--cache', '--cache-location', `${cache}/eslint`, ...code]),
]);
const sources = code.filter((f) => /^(src|views|db|test)\//.test(f));
if (sources.length > 0) {
  statuses.push(
    await run('npx', [
      'vitest',
      'related',
      '--run',
      '--project',
      'node',
      '--passWithNoTests',
      ...sources,
    ]),
  );
}
console.log(
  `[check] ${statuses.every((s) => s === 0) ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(statuses.every((s) => s === 0) ? 0 : 1);
