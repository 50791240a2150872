import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createScryptHasher } from '../auth/password.node.js';
import type { Config } from '../config.js';
import type { AppDeps } from '../context.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { openNodeDatabase } from './database.js';
import { filesDirOf, nodeFileStore } from './file-store.js';
import { createNodeMailer } from './smtp-mailer.js';

export function nodePeerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

/** Builds the Node runtime's dependencies over a better-sqlite3 file. */
export function createNodeDeps(config: Config, clock: Clock = systemClock) {
  const { sqlite, db, atomic } = openNodeDatabase(config.DATABASE_PATH, config.SQLITE_SYNCHRONOUS);
  const deps: AppDeps = {
    db,
    atomic,
    clock,
    files: nodeFileStore(filesDirOf(config)),
    config,
    mailer: createNodeMailer(config),
    passwordHasher: createScryptHasher(),
    peerAddress: nodePeerAddress,
  };
  return { sqlite, deps };
}
