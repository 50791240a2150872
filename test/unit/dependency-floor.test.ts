import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// QUALITY.md / issue #8 item 8: fail when an INSTALLED dependency (node_modules/<pkg>/
// package.json, not the range in package.json) is below a known-safe minimum. Raise a floor
// when an advisory names a fixed version; add a package when it gets its first advisory.

interface Floor {
  name: string;
  min: string;
  why: string;
}

export const DEPENDENCY_FLOORS: Floor[] = [
  {
    name: 'hono',
    min: '4.13.5',
    why: 'bodyLimit bypass for chunked bodies (CVE-2026-44456, fixed 4.12.18; CVE-2026-54288, 4.12.25); parseBody dot-notation memory exhaustion and query parsing after the fragment (GHSA-g6gw-c38x-mqfc, GHSA-crvj-82cr-hjcx, fixed 4.13.5)',
  },
  {
    name: 'zod',
    min: '3.22.3',
    why: 'ReDoS in the email validator (CVE-2023-4316)',
  },
  {
    name: 'cookie',
    min: '0.7.0',
    why: 'out-of-bounds characters in cookie name, path and domain (CVE-2024-47764)',
  },
  {
    name: 'undici',
    min: '7.2.3',
    why: 'predictable multipart boundary (CVE-2025-22150)',
  },
  {
    name: 'esbuild',
    min: '0.25.0',
    why: 'the dev server answered any website’s requests (GHSA-67mh-4wv8-2f99)',
  },
  {
    name: 'wrangler',
    min: '3.19.0',
    why: '`wrangler dev` inspector reachable from other hosts (CVE-2023-7080)',
  },
];

/** [major, minor, patch] of a version; a pre-release sorts below its release. */
function parse(version: string): [number, number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)(-.+)?/.exec(version.trim());
  if (!m) throw new Error(`not a version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? 0 : 1];
}

export function isBelow(installed: string, min: string): boolean {
  const a = parse(installed);
  const b = parse(min);
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

const root = new URL('../../', import.meta.url);

function installedVersion(name: string): string | undefined {
  try {
    const file = fileURLToPath(new URL(`node_modules/${name}/package.json`, root));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return undefined; // not installed: nothing to check
  }
}

/** One line per dependency below its floor. */
export function floorViolations(
  floors: Floor[],
  versionOf: (name: string) => string | undefined,
): string[] {
  return floors.flatMap(({ name, min, why }) => {
    const version = versionOf(name);
    return version && isBelow(version, min)
      ? [`${name} ${version} is below the known-safe minimum ${min}: ${why}. Upgrade it.`]
      : [];
  });
}

describe('dependency floors', () => {
  it('every installed dependency with a floor is at or above it', () => {
    const checked = DEPENDENCY_FLOORS.filter((f) => installedVersion(f.name));
    const violations = floorViolations(DEPENDENCY_FLOORS, installedVersion);
    console.log(
      `dependency floors: ${checked.length} installed packages checked (${checked
        .map((f) => `${f.name} ${installedVersion(f.name)} ≥ ${f.min}`)
        .join(', ')}), ${violations.length} below`,
    );
    expect(installedVersion('hono')).toBeDefined();
    expect(violations).toEqual([]);
  });

  it('names the package, the version and the floor when one is below', () => {
    const versions: Record<string, string> = { hono: '4.12.34', zod: '4.6.7', cookie: '0.6.0' };
    expect(floorViolations(DEPENDENCY_FLOORS, (n) => versions[n])).toEqual([
      expect.stringMatching(/^hono 4\.12\.34 is below the known-safe minimum 4\.13\.5: /),
      expect.stringMatching(/^cookie 0\.6\.0 is below the known-safe minimum 0\.7\.0: /),
    ]);
  });

  it('compares versions numerically, with pre-releases below their release', () => {
    expect(isBelow('4.9.0', '4.13.5')).toBe(true);
    expect(isBelow('4.13.5', '4.13.5')).toBe(false);
    expect(isBelow('4.13.10', '4.13.5')).toBe(false);
    expect(isBelow('4.13.5-rc.1', '4.13.5')).toBe(true);
    expect(isBelow('5.0.0', '4.13.5')).toBe(false);
    expect(isBelow('0.24.2', '0.25.0')).toBe(true);
  });
});
