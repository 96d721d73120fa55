// npm run psychometrics, as an operator runs it: arguments checked, a database the server has not
// migrated left alone, and the figures over each person's latest profile printed (or as JSON).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE, instrumentKeyOf, packScoredAnswers } from "@mutual/core";
import { openDatabase } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";

function run(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=source", "scripts/psychometrics.ts", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });
}

describe("npm run psychometrics", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-psychometrics-"));
    dirs.push(dir);
    return dir;
  };
  let seeded: string;

  beforeAll(async () => {
    seeded = tempDir();
    const database = openDatabase({ dialect: "sqlite", file: path.join(seeded, "mutual.sqlite") });
    await migrateToLatest(database);
    // 25 people, each with one completed profile (a trait per dimension, so alpha is positive).
    for (let person = 0; person < 25; person += 1) {
      const id = `person-${person}`;
      const now = new Date().toISOString();
      await database.db
        .insertInto("user")
        .values({ id, name: "Person", email: `${id}@example.test`, emailVerified: 0, image: null, createdAt: now, updatedAt: now } as never)
        .execute();
      await database.db
        .insertInto("assessment")
        .values({
          id: `a-${person}`,
          user_id: id,
          instrument_id: PROFILE.id,
          instrument_version: PROFILE.version,
          status: "completed",
          started_at: 1,
          completed_at: 2,
        })
        .execute();
      const answers = Object.fromEntries(PROFILE.items.map((item, index) => [item.id, 1 + ((person + (index % 3)) % 7)]));
      await database.db
        .insertInto("assessment_score")
        .values({
          assessment_id: `a-${person}`,
          user_id: id,
          completed_at: 2,
          flag_ids: "[]",
          instrument_key: instrumentKeyOf(PROFILE),
          scored_answers: packScoredAnswers(PROFILE, answers),
        } as never)
        .execute();
    }
    await database.close();
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an unknown argument", () => {
    const result = run(tempDir(), "--everyone");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Unknown argument --everyone/);
  });

  it("leaves a database the server has not migrated to the server", () => {
    const result = run(tempDir());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/migrations to apply/);
  });

  it("prints each dimension's figures over the people's latest profiles", () => {
    const result = run(seeded);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("25 people, each by their latest completed profile");
    expect(result.stdout).toMatch(/\| CLOSE \| 25 \| 0 \| 0\.\d+ \|/);
    // Item means and SDs are withheld below 50 people: shown as dashes.
    expect(result.stdout).toMatch(/\| CLOSE \| [^|]+ \| -?\d\.\d+ \| -?\d\.\d+ \| — \| — \|/);
  });

  it("prints the same as JSON", () => {
    const result = run(seeded, "--json");
    expect(result.status, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as {
      respondents: number;
      unreadable: number;
      dimensions: Array<{ dimension: string; n: number; isShown: boolean }>;
    };
    expect(figures.respondents).toBe(25);
    expect(figures.unreadable).toBe(0);
    expect(figures.dimensions.every((entry) => entry.n === 25 && entry.isShown)).toBe(true);
  });
});
