import type { Context } from 'hono';
import type { AppLucia } from './auth/lucia.js';
import type { WaitingCounts } from './auth/request-context.js';
import type { PasswordHasher } from './auth/password.js';
import type { Config } from './config.js';
import type { Atomic } from './lib/atomic.js';
import type { BatchReadPort } from './lib/batch-read.js';
import type { Clock } from './lib/clock.js';
import type { FileStore } from './lib/file-store.js';
import type { Db } from './lib/db.js';
import type { Translator } from './lib/i18n.js';
import type { LineClient } from './lib/line-client.js';
import type { Mailer } from './lib/mailer.js';
import type { Locale, Member, Role } from '../db/schema.js';

/** Everything the app needs from its runtime; server.ts and worker.ts provide these. */
export interface AppDeps {
  db: Db;
  atomic: Atomic;
  /**
   * Stamps read with the session in this request's context query (request-scoped deps only):
   * per-process caches serve a request only what was cached under the same stamp.
   */
  stamps?: { settings: number };
  /** One round trip for independent reads (Workers: D1 batch()); absent: plain calls (Node). */
  batchRead?: BatchReadPort;
  clock: Clock;
  /**
   * Uploaded files (an incident's photos and documents): a directory on Node, R2 on Workers.
   * Absent in tools that serve no uploads; the routes that need it then fail loudly.
   */
  files?: FileStore;
  mailer: Mailer;
  /** The LINE Messaging API (tests: a local fake); absent: built from the config when on. */
  line?: LineClient;
  config: Config;
  passwordHasher: PasswordHasher;
  /** The client's network address as the runtime sees it (socket peer, CF-Connecting-IP). */
  peerAddress: (c: Context) => string | undefined;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    lucia: AppLucia;
    user: CurrentUser | null;
    /** The signed-in user's member row, read with the session (null: staff, or no member). */
    member: Member | null;
    sessionToken: string | null;
    locale: Locale;
    t: Translator;
    clientAddress: string;
    /** Unread notifications of the signed-in user, for the header (null: not loaded). */
    unreadCount: number | null;
    /** What waits for the signed-in member, for the navigation's counts (null: not loaded). */
    waiting: WaitingCounts | null;
    /** The signed-in member's sides in use, for page navigation (null: not a member, or API). */
    memberSides: {
      requester: boolean;
      helper: boolean;
      /** A side approved: members-only content opens (contentReach, issue #22). */
      membersContent: boolean;
    } | null;
  };
};

export type AppContext = Context<AppEnv>;

export const isStaff = (user: CurrentUser | null): boolean =>
  user?.role === 'staff' || user?.role === 'admin';
