import { Lucia, TimeSpan } from 'lucia';
import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import type { Db } from '../lib/db.js';
import type { Locale, Role } from '../../db/schema.js';
import { createSessionAdapter, LUCIA_EXPIRES_IN_MS } from './adapter.js';

export function sessionCookieName(config: Config): string {
  // NOTE: the __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only
  // and Path=/, so a sibling subdomain cannot plant or overwrite it.
  return config.SECURE_COOKIES ? '__Host-tsunagu_session' : 'tsunagu_session';
}

export function createLucia(db: Db, clock: Clock, config: Config) {
  return new Lucia(createSessionAdapter(db, clock, config), {
    sessionExpiresIn: new TimeSpan(LUCIA_EXPIRES_IN_MS / 1000, 's'),
    sessionCookie: {
      name: sessionCookieName(config),
      expires: true,
      attributes: { secure: config.SECURE_COOKIES, sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => ({ role: attributes.role }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role,
      locale: attributes.locale,
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    DatabaseSessionAttributes: { role: Role };
    DatabaseUserAttributes: { email: string; name: string; role: Role; locale: Locale | null };
  }
}

export type { Session as AuthSession, User as AuthUser } from 'lucia';
