import type { Config } from '../config.js';
import type { Role } from '../../db/schema.js';
import { MINUTE } from '../lib/clock.js';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/** Staff sessions are short (shared office PCs); members stay signed in on their own phones. */
export function sessionTimeoutsFor(role: Role, config: Config): SessionTimeouts {
  return role === 'member'
    ? {
        idleMs: config.SESSION_MEMBER_IDLE_MINUTES * MINUTE,
        absoluteMs: config.SESSION_MEMBER_ABSOLUTE_MINUTES * MINUTE,
      }
    : {
        idleMs: config.SESSION_STAFF_IDLE_MINUTES * MINUTE,
        absoluteMs: config.SESSION_STAFF_ABSOLUTE_MINUTES * MINUTE,
      };
}
