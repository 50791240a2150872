import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * QUALITY.md security item 3, last part: the audit table cannot be updated or deleted through
 * the app. The database refuses it (triggers in 0001_foundation.sql, exercised in
 * test/modules/health-data-audit.test.ts); here, no source file even tries. The retention purge
 * (src/modules/members/purge.ts) anonymises members and only inserts its own audit row.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|sql)$/.test(name) ? [path] : [];
  });
}

const WRITES_TO_AUDIT = [
  /(updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"`]audit_log['"`]/i,
  /\b(update|delete\s+from|replace\s+into|insert\s+or\s+replace\s+into)\s+["`]?audit_log\b/i,
  /\bdrop\s+(table|trigger)\s+(if\s+exists\s+)?["`]?audit_log/i,
];

describe('the audit log is append-only in the code', () => {
  it('no source file updates, deletes or drops audit_log; the triggers that refuse it exist', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('db')];
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => WRITES_TO_AUDIT.some((re) => re.test(line)))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    console.log(
      `audit log: ${files.length} source files scanned, ${offenders.length} update/delete statements`,
    );
    expect(offenders).toEqual([]);
    const foundation = readFileSync('db/migrations/0001_foundation.sql', 'utf8');
    expect(foundation).toMatch(/CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log/);
    expect(foundation).toMatch(/CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log/);
  });
});
