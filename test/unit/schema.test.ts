import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate.js';
import { openNodeDatabase } from '../../src/node/database.js';

interface ColumnShape {
  nullable: boolean;
}

/** Reads db/schema.ts with the TypeScript parser: table → column → nullable. */
function declaredSchema(): Map<string, Map<string, ColumnShape>> {
  const source = ts.createSourceFile(
    'schema.ts',
    readFileSync('db/schema.ts', 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const database = interfaces.get('Database');
  if (!database) throw new Error('db/schema.ts has no Database interface');
  const tables = new Map<string, Map<string, ColumnShape>>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const tableName = member.name.getText(source).replace(/['"]/g, '');
    const iface = interfaces.get(member.type.getText(source));
    if (!iface)
      throw new Error(`No interface ${member.type.getText(source)} for table ${tableName}`);
    const columns = new Map<string, ColumnShape>();
    for (const col of iface.members) {
      if (!ts.isPropertySignature(col) || !col.type) continue;
      expect(
        col.questionToken,
        `${tableName}.${col.name.getText(source)} must not be optional`,
      ).toBeUndefined();
      columns.set(col.name.getText(source), {
        nullable: /\|\s*null\b|\bnull\s*\|/.test(col.type.getText(source)),
      });
    }
    tables.set(tableName, columns);
  }
  return tables;
}

function migratedSchema(): Map<string, Map<string, ColumnShape>> {
  const { sqlite } = openNodeDatabase(':memory:');
  applyMigrations(sqlite);
  const tables = new Map<string, Map<string, ColumnShape>>();
  const names = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'",
    )
    .all() as { name: string }[];
  for (const { name } of names) {
    const cols = sqlite.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      notnull: number;
      pk: number;
    }[];
    tables.set(
      name,
      new Map(cols.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }])),
    );
  }
  sqlite.close();
  return tables;
}

describe('db/schema.ts is in step with db/migrations', () => {
  it('declares exactly the tables and columns the migrations create, with the same nullability', () => {
    const declared = declaredSchema();
    const actual = migratedSchema();
    expect([...declared.keys()].sort()).toEqual([...actual.keys()].sort());
    for (const [table, columns] of actual) {
      const declaredColumns = declared.get(table)!;
      expect([...declaredColumns.keys()].sort(), `columns of ${table}`).toEqual(
        [...columns.keys()].sort(),
      );
      for (const [column, shape] of columns) {
        expect(declaredColumns.get(column)?.nullable, `${table}.${column} nullability`).toBe(
          shape.nullable,
        );
      }
    }
  });
});
