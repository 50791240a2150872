// A writer process for the crash-safety and backup tests. It opens the database exactly like
// the server does (createNodeDeps over DATABASE_PATH, so WAL + the configured `synchronous`),
// then keeps making real writes through the app: a staff member adds a directory group over the
// JSON API (one atomic batch: the group row and its audit row).
// It prints `ACK <writer> <seq> <id>` only after the API answered 201, i.e. after the batch
// committed. stdout to a pipe is synchronous in Node on Linux, so an ACK line is in the pipe
// before the next write starts and survives a kill -9 of this process.
// Run with `node --import tsx`, never through the `tsx` CLI: that forks a second process, and
// killing the parent would leave the real writer running.
import { createApp } from '../../src/app.js';
import { loadNodeConfig } from '../../src/config.js';
import { createNodeDeps } from '../../src/node/deps.js';

const token = process.env.WRITER_SESSION_TOKEN;
const writer = process.env.WRITER_NAME ?? 'w';
const limit = Number(process.env.WRITER_MAX_WRITES ?? Infinity);
if (!token) throw new Error('WRITER_SESSION_TOKEN is required');

// The crash test starts the next round's writers early, so their slow module loading overlaps
// the current round; they open the database only when told to go.
if (process.env.WRITER_WAIT_FOR_GO === '1') {
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
}

const { deps } = createNodeDeps(loadNodeConfig());
const app = createApp(deps);

for (let seq = 1; seq <= limit; seq++) {
  const res = await app.request('http://localhost/api/v1/directory', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `tsunagu_session=${token}` },
    body: JSON.stringify({ name: `${writer}#${seq}`, kind: 'play', area: 'chuo' }),
  });
  if (res.status === 201) {
    const { id } = (await res.json()) as { id: string };
    process.stdout.write(`ACK ${writer} ${seq} ${id}\n`);
  } else {
    process.stdout.write(`ERR ${writer} ${seq} ${res.status} ${await res.text()}\n`);
  }
}
process.stdout.write(`DONE ${writer}\n`);
