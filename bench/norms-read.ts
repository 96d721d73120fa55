// The deployment's psychometrics read by language (decisions 022, 087, 093) on SQLite and PostgreSQL:
// people who answered in four languages, one completed profile each, read in keyset pages of 10,000
// as the hourly norms job and `npm run psychometrics` read them. Timed in the same run on the same
// database: the page reads alone as decision 087 wrote them (each score row joined to its assessment
// for the language: the baseline) and as they are now (the language kept on the score row); then
// the whole computation with the language on the rows, and with it cleared (every row then probes
// its assessment, as rows an older server wrote would). Runs interleaved; median of
// BENCH_NORMS_RUNS. `npm run bench:norms-read`; BENCH_NORMS_PEOPLE (default 50000),
// BENCH_NORMS_DIALECTS (default sqlite,postgres).
import { pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../server/src/db/database.js";
import type { DB } from "../server/src/db/schema.js";
import { computeDeploymentPsychometrics } from "../server/src/modules/deployment-psychometrics/index.js";
import { readScoredAnswerPage, type ScoredAnswerCursor } from "../server/src/modules/deployment-psychometrics/deployment-psychometrics.repository.js";
import { INTERDEPENDENCE_PROFILE_V1, instrumentKeyOf } from "@mutual/core";
import { openScaleDatabase, seedScaleData } from "./scale-data.js";
import { fmt } from "./support.js";

const people = Number(process.env.BENCH_NORMS_PEOPLE ?? 50_000);
const dialects = (process.env.BENCH_NORMS_DIALECTS ?? "sqlite,postgres").split(",") as Dialect[];
const runs = Number(process.env.BENCH_NORMS_RUNS ?? 3);
const PAGE = 10_000;
const instrumentKey = instrumentKeyOf(INTERDEPENDENCE_PROFILE_V1);

/** The page read as decision 087 wrote it: the language from the assessment, one primary-key probe per row. The baseline. */
async function joinedPage(db: Kysely<DB>, after: ScoredAnswerCursor | null): Promise<Array<ScoredAnswerCursor & { language: string }>> {
  let query = db
    .selectFrom("assessment_score")
    .innerJoin("assessment", "assessment.id", "assessment_score.assessment_id")
    .select([
      "assessment_score.user_id",
      "assessment_score.completed_at",
      "assessment_score.assessment_id",
      "assessment_score.scored_answers",
      "assessment.language",
    ])
    .where((eb) => eb.or([eb("assessment_score.instrument_key", "=", instrumentKey), eb("assessment_score.instrument_key", "is", null)]))
    .orderBy("assessment_score.user_id")
    .orderBy("assessment_score.completed_at")
    .orderBy("assessment_score.assessment_id")
    .limit(PAGE);
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple("assessment_score.user_id", "assessment_score.completed_at", "assessment_score.assessment_id"),
        ">",
        eb.tuple(after.userId, after.completedAt, after.assessmentId),
      ),
    );
  const rows = await query.execute();
  return rows.map((row) => ({ userId: row.user_id, completedAt: Number(row.completed_at), assessmentId: row.assessment_id, language: row.language }));
}

/** Every page through `read`: seconds, rows, and a tally by language (to check both reads agree). */
async function readAll(read: (after: ScoredAnswerCursor | null) => Promise<Array<ScoredAnswerCursor & { language: string }>>) {
  const started = performance.now();
  const tally = new Map<string, number>();
  let rows = 0;
  let after: ScoredAnswerCursor | null = null;
  for (;;) {
    const page = await read(after);
    rows += page.length;
    for (const row of page) tally.set(row.language, (tally.get(row.language) ?? 0) + 1);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = { userId: last.userId, completedAt: last.completedAt, assessmentId: last.assessmentId };
  }
  return { seconds: (performance.now() - started) / 1000, rows, tally: JSON.stringify([...tally].sort()) };
}

async function computeAll(db: Kysely<DB>) {
  const started = performance.now();
  const result = await computeDeploymentPsychometrics(db, { pageSize: PAGE });
  return { seconds: (performance.now() - started) / 1000, respondents: result.respondents, byLanguage: JSON.stringify(result.byLanguage) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runNormsReadBench(): Promise<string[]> {
  const lines = [
    "## The deployment's psychometrics read by language",
    "",
    `${people.toLocaleString("en")} people, one completed profile each, 6 in 10 answered in English, 2 in Malay, 1 in Tamil, 1 in Chinese; pages of ${PAGE.toLocaleString("en")}. Median of ${runs} interleaved runs, seconds. "page reads": every page read and dropped; "whole": computeDeploymentPsychometrics (the reads, the accumulators per language, the summary).`,
    "",
    "| database | page reads, joined to the assessment (087, baseline) | page reads, language on the row (093) | ratio | whole, language on the row | whole, language cleared (each row probes its assessment) | ratio |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const dialect of dialects) {
    const { database, destroy } = await openScaleDatabase(dialect);
    try {
      const db = database.db;
      const counsellorId = "bench-norms-counsellor";
      const now = new Date();
      await db
        .insertInto("user")
        .values({
          id: counsellorId,
          name: "Counsellor",
          email: "norms@example.test",
          emailVerified: dialect === "sqlite" ? 1 : true,
          image: null,
          createdAt: dialect === "sqlite" ? now.toISOString() : now,
          updatedAt: dialect === "sqlite" ? now.toISOString() : now,
          twoFactorEnabled: dialect === "sqlite" ? 1 : true,
        } as never)
        .execute();
      const seeded = await seedScaleData(database, counsellorId, {
        practices: 1,
        largePracticeClients: people,
        otherPracticeClients: 0,
        assessmentsPerPerson: 1,
        checkInsPerPerson: 0,
        coupleEvery: 0,
        answers: false,
        languages: true,
      });
      process.stderr.write(`${dialect}: seeded ${seeded.people} people in ${fmt(seeded.seconds, 0)} s\n`);
      const joined: number[] = [];
      const column: number[] = [];
      const whole: number[] = [];
      let check: { joined: string; column: string; whole: string } | undefined;
      for (let run = 0; run <= runs; run += 1) {
        // Alternate which goes first; the first round warms the caches and is not counted.
        const a = run % 2 === 0 ? await readAll((after) => joinedPage(db, after)) : undefined;
        const b = await readAll((after) => readScoredAnswerPage(db, instrumentKey, after, PAGE));
        const c = a ?? (await readAll((after) => joinedPage(db, after)));
        const w = await computeAll(db);
        check = { joined: c.tally, column: b.tally, whole: w.byLanguage };
        if (c.tally !== b.tally) throw new Error(`the reads disagree: ${c.tally} against ${b.tally}`);
        if (run === 0) continue;
        joined.push(c.seconds);
        column.push(b.seconds);
        whole.push(w.seconds);
      }
      // As rows an older server wrote: no language on the row, so each is looked up in its assessment.
      await db.updateTable("assessment_score").set({ language: null }).execute();
      await sql`analyze`.execute(db);
      const cleared: number[] = [];
      for (let run = 0; run <= runs; run += 1) {
        const w = await computeAll(db);
        if (w.byLanguage !== check!.whole) throw new Error("the computation differs when the language comes from the assessment");
        if (run > 0) cleared.push(w.seconds);
      }
      process.stderr.write(`${dialect}: ${check!.column}\n`);
      const [j, c, w, x] = [median(joined), median(column), median(whole), median(cleared)];
      lines.push(
        `| ${dialect === "sqlite" ? "SQLite" : "PostgreSQL"} | ${fmt(j, 2)} | ${fmt(c, 2)} | ×${fmt(c / j, 2)} | ${fmt(w, 2)} | ${fmt(x, 2)} | ×${fmt(w / x, 2)} |`,
      );
    } finally {
      await destroy();
    }
  }
  lines.push("");
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await runNormsReadBench()) process.stdout.write(`${line}\n`);
  process.exit(0);
}
