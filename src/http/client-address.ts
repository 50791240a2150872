import type { AppContext } from '../context.js';

/**
 * The client address used for login throttling and audit rows.
 * NOTE: X-Forwarded-For is attacker-controlled unless a proxy we run overwrites it, so it is
 * read only when TRUST_PROXY is set, and then only its last hop (the one our proxy appended).
 */
export function clientAddressOf(c: AppContext): string {
  const { config, peerAddress } = c.var.deps;
  if (config.TRUST_PROXY) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return peerAddress(c) ?? 'unknown';
}
