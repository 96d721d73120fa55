// docs/privacy.md lists every table and every column, each as personal data or not (decision 030,
// issue 15 finding 4: organization, member, invitation, twoFactor, assessment_safety,
// check_in.time_zone and user.image were missing). This test reads that table and compares it with
// the migrated schema on both databases, so the inventory cannot drift from the code again.
import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.js";
import { createTestDatabase, dialects, type TestDatabase } from "../test-databases.js";

const privacyDoc = new URL("../../../docs/privacy.md", import.meta.url);
const sectionTitle = "## Every table and column";

type Listed = { personal: string[]; other: string[] };

/** The inventory's rows: table → the backticked column names in its "personal data" and "other columns" cells. */
function readInventory(markdown: string): Map<string, Listed> {
  const start = markdown.indexOf(sectionTitle);
  if (start === -1) throw new Error(`docs/privacy.md has no "${sectionTitle}" section`);
  const end = markdown.indexOf("\n## ", start + sectionTitle.length);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  const names = (cell: string) => [...cell.replace(/\([^)]*\)/g, "").matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
  const inventory = new Map<string, Listed>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const table = /^`([^`]+)`$/.exec(cells[1] ?? "")?.[1];
    if (!table) continue;
    if (inventory.has(table)) throw new Error(`docs/privacy.md lists ${table} twice`);
    inventory.set(table, { personal: names(cells[2] ?? ""), other: names(cells[3] ?? "") });
  }
  return inventory;
}

async function schemaColumns(test: TestDatabase): Promise<Map<string, string[]>> {
  const query =
    test.database.dialect === "sqlite"
      ? sql<{
          table_name: string;
          column_name: string;
        }>`select m.name as table_name, p.name as column_name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and m.name not like 'sqlite_%'`
      : sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = current_schema()`;
  const columns = new Map<string, string[]>();
  for (const row of (await query.execute(test.database.db)).rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  return columns;
}

describe.each(dialects)("[%s] the data inventory in docs/privacy.md", (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    await migrateToLatest(test.database);
  });
  afterAll(async () => test.destroy());

  it("lists every table and every column of the schema exactly once, as personal data or not, and nothing else", async () => {
    const inventory = readInventory(fs.readFileSync(privacyDoc, "utf8"));
    const schema = await schemaColumns(test);
    expect([...inventory.keys()].sort()).toEqual([...schema.keys()].sort());
    const problems: string[] = [];
    for (const [table, columns] of schema) {
      const listed = inventory.get(table) ?? { personal: [], other: [] };
      const all = [...listed.personal, ...listed.other];
      for (const column of columns) if (!all.includes(column)) problems.push(`${table}.${column} is in the schema but not in the inventory`);
      for (const column of all) if (!columns.includes(column)) problems.push(`${table}.${column} is in the inventory but not in the schema`);
      for (const column of listed.personal) if (listed.other.includes(column)) problems.push(`${table}.${column} is listed as both personal and not`);
    }
    expect(problems).toEqual([]);
  });

  it("counts the columns that name, reach or describe a person as personal data", () => {
    const inventory = readInventory(fs.readFileSync(privacyDoc, "utf8"));
    const personal = (table: string) => inventory.get(table)?.personal ?? [];
    expect(personal("user")).toEqual(expect.arrayContaining(["name", "email", "image"]));
    expect(personal("invitation")).toContain("email");
    expect(personal("check_in")).toEqual(expect.arrayContaining(["time_zone", "note_sealed"]));
    expect(personal("twoFactor")).toEqual(expect.arrayContaining(["secret", "backupCodes"]));
    expect(personal("assessment_safety")).toContain("raised");
    expect(personal("organization")).toContain("name");
    expect(personal("member")).toContain("userId");
  });
});
