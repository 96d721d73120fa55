// Scale data for the dashboard bench (issue 6): 100 practices, one with 5,000 clients, each client
// with 3 completed assessments (answers and their stored score rows) and 26 weekly check-ins.
// Written straight into the app's own tables (created by the real migrations) with batched
// multi-row inserts: going through the API would take hours at this size and measure nothing
// the bench is about. Score rows come from core's summariseAssessment, as the submit writes them.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql, type Kysely } from "kysely";
import {
  INTERDEPENDENCE_PROFILE_V1,
  SCORE_KEYS,
  instrumentKeyOf,
  packScoredAnswers,
  summariseAssessment,
  type AssessmentSummary,
  type ProfileAnswers,
} from "@mutual/core";
import { openDatabase, withDefaultUser, type Database, type Dialect } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import type { DB } from "../server/src/db/schema.js";
import { isoWeekIn } from "../server/src/modules/check-in/check-in-week.js";

export const dayMs = 24 * 60 * 60 * 1000;
export const weekMs = 7 * dayMs;

export type ScaleOptions = {
  practices: number;
  /** Clients of the one large practice, all counselled by `counsellorId`. */
  largePracticeClients: number;
  /** Clients of each other practice (each with its own counsellor). */
  otherPracticeClients: number;
  assessmentsPerPerson: number;
  checkInsPerPerson: number;
  /** Every n-th client is a couple (two people); 0 for none. */
  coupleEvery: number;
  /**
   * Whether each assessment's item answers are written too (default yes). Nothing the lists, the
   * dashboard or the practice CSV read comes from them, and they are most of the rows: without
   * them 100,000 clients seed in about a minute.
   */
  answers?: boolean;
  /**
   * Whether people answer in several languages (most in English, some in Malay, Tamil and Chinese),
   * the assessment and its score row keeping it as the server writes them (decisions 087, 093).
   * Default: everyone in English.
   */
  languages?: boolean;
};

/** The language a person answered in when ScaleOptions.languages is on: 6 in 10 English, 2 Malay, 1 Tamil, 1 Chinese. */
export const languageOfPerson = (person: number): string => ["en", "en", "en", "en", "en", "en", "ms", "ms", "ta", "zh-Hans"][person % 10]!;

export const DEFAULT_SCALE: ScaleOptions = {
  practices: 100,
  largePracticeClients: 5000,
  otherPracticeClients: 10,
  assessmentsPerPerson: 3,
  checkInsPerPerson: 26,
  coupleEvery: 10,
};

/** One large practice of `size` clients beside two small ones, thin histories, no stored answers: what the list and export benches time. */
export function largePracticeScale(size: number): ScaleOptions {
  return { practices: 3, largePracticeClients: size, otherPracticeClients: 10, assessmentsPerPerson: 1, checkInsPerPerson: 2, coupleEvery: 10, answers: false };
}

export type ScaleData = {
  largePracticeId: string;
  counsellorId: string;
  clients: number;
  people: number;
  rows: number;
  seconds: number;
};

/** Where a PostgreSQL bench database lives, for tools that need a connection of their own (COPY). */
export type ScalePostgres = { connectionString: string; schema: string };

/** A database of its own for the bench: a temp SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function openScaleDatabase(dialect: Dialect): Promise<{ database: Database; postgres?: ScalePostgres; destroy(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-scale-"));
    const database = openDatabase({ dialect: "sqlite", file: path.join(dir, "scale.sqlite") });
    await migrateToLatest(database);
    return {
      database,
      async destroy() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = withDefaultUser(process.env.TEST_DATABASE_URL ?? "postgres://localhost/test");
  const schema = `bench_scale_${randomBytes(5).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema "${schema}"`);
  // No read time bound: on a loaded machine a bulk load or a migration can outlast it (as in the tests).
  const database = openDatabase({ dialect: "postgres", connectionString: url }, { schema, maxConnections: 4, timeoutMs: 0 });
  await migrateToLatest(database);
  return {
    database,
    postgres: { connectionString: url, schema },
    async destroy() {
      await database.close();
      await admin(`drop schema "${schema}" cascade`);
    },
  };
}

export type AnswerTemplate = { answers: ProfileAnswers; summary: AssessmentSummary; instrumentKey: string; scoredAnswers: string };

/** Answer sets people move between: some improve, some slide, some stay; SAFE answers vary on their own. */
export function answerTemplates(count: number): AnswerTemplate[] {
  return Array.from({ length: count }, (_, template) => {
    const level = 1 + (template % 7);
    const answers = Object.fromEntries(
      INTERDEPENDENCE_PROFILE_V1.items.map((entry, index) => [
        entry.id,
        entry.dimension === "SAFE" ? (template % 9 === 0 ? 6 : 1) : Math.min(7, Math.max(1, level + (((index + template) % 3) - 1))),
      ]),
    );
    // As the submit writes them: the summary, and the scored answers packed (decision 022).
    return {
      answers,
      summary: summariseAssessment(INTERDEPENDENCE_PROFILE_V1, answers),
      instrumentKey: instrumentKeyOf(INTERDEPENDENCE_PROFILE_V1),
      scoredAnswers: packScoredAnswers(INTERDEPENDENCE_PROFILE_V1, answers),
    };
  });
}

/** The template of a person's `take`-th assessment: templates drift up or down from one take to the next. */
export function templateOf<T>(templates: readonly T[], person: number, take: number): T {
  const drift = (person % 5) - 2;
  return templates[(((person * 3 + drift * take * 7) % templates.length) + templates.length) % templates.length]!;
}

/** Most share profile and check-ins; some add the safety screen; a few share check-ins only, or nothing. */
export function consentScopesOf(person: number): string[] {
  return person % 20 === 0 ? [] : person % 11 === 0 ? ["check-ins"] : person % 7 === 0 ? ["profile", "check-ins", "safety"] : ["profile", "check-ins"];
}

/** A check-in's answers (`weeksAgo` before the last one): every scale item at `pulse` (me at 8 − pulse), `hours` with friends and family. */
export const checkInAnswersOf = (person: number, weeksAgo: number): { pulse: number; hours: number } => ({
  pulse: 1 + ((person + weeksAgo) % 7),
  hours: (person + weeksAgo) % 12,
});

/** When a client joined: 200–299 days ago. */
export const joinedAtOf = (client: number, nowMs: number): number => nowMs - (200 + (client % 100)) * dayMs;

/** One before joining (the intake), then one every 70 days. */
export const completedAtOf = (joinedAt: number, take: number): number => joinedAt - 5 * dayMs + take * 70 * dayMs;

/** The last weekly check-in, 0–29 days ago (so about two thirds are overdue by the 10-day rule). */
export const lastCheckInAtOf = (person: number, nowMs: number): number => nowMs - ((person * 13) % 30) * dayMs;

/** Inserts rows in batches small enough for either database's bound-parameter limit. */
async function insertBatched(db: Kysely<DB>, table: keyof DB, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0] ?? {}).length;
  const size = Math.max(1, Math.floor(30_000 / perRow));
  for (let start = 0; start < rows.length; start += size) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + size) as never)
      .execute();
  }
}

/** A buffer of rows per table, flushed when large, so memory stays bounded whatever the scale. */
class RowSink {
  private readonly buffers = new Map<keyof DB, Array<Record<string, unknown>>>();
  rows = 0;
  constructor(private readonly db: Kysely<DB>) {}
  async add(table: keyof DB, row: Record<string, unknown>): Promise<void> {
    const buffer = this.buffers.get(table) ?? [];
    buffer.push(row);
    this.buffers.set(table, buffer);
    this.rows += 1;
    if (buffer.length >= 20_000) await this.flush();
  }
  /** Writes every buffered row, parents before children. */
  async flush(): Promise<void> {
    // Parents before children, so foreign keys hold at every statement.
    const order: Array<keyof DB> = [
      "user",
      "organization",
      "member",
      "practice_client",
      "practice_client_member",
      "client_consent",
      "assessment",
      "assessment_answer",
      "assessment_score",
      "assessment_safety",
      "check_in",
      "check_in_latest",
    ];
    for (const name of order) {
      const buffer = this.buffers.get(name);
      if (!buffer || buffer.length === 0) continue;
      this.buffers.set(name, []);
      await insertBatched(this.db, name, buffer);
    }
  }
}

/**
 * Fills a migrated database. The large practice's counsellor must already exist (the bench signs
 * them up through the API, so it holds a real session); everyone else is made here.
 */
export async function seedScaleData(database: Database, counsellorId: string, options: ScaleOptions = DEFAULT_SCALE, nowMs = Date.now()): Promise<ScaleData> {
  const started = performance.now();
  const sqlite = database.dialect === "sqlite";
  const date = (ms: number): string | Date => (sqlite ? new Date(ms).toISOString() : new Date(ms));
  const templates = answerTemplates(63);
  let people = 0;
  let clients = 0;
  let rows = 0;
  await database.db.transaction().execute(async (trx) => {
    const sink = new RowSink(trx);
    // Practices first, with their counsellors; every parent row goes in before any child row.
    const counsellors: string[] = [];
    for (let practice = 0; practice < options.practices; practice += 1) {
      const practiceId = `bench-practice-${practice}`;
      const counsellor = practice === 0 ? counsellorId : `bench-counsellor-${practice}`;
      counsellors.push(counsellor);
      if (practice > 0)
        await sink.add("user", {
          id: counsellor,
          name: `Counsellor ${practice}`,
          email: `${counsellor}@example.test`,
          emailVerified: sqlite ? 1 : true,
          image: null,
          createdAt: date(nowMs),
          updatedAt: date(nowMs),
          twoFactorEnabled: sqlite ? 1 : true,
        });
      await sink.add("organization", { id: practiceId, name: `Practice ${practice}`, slug: practiceId, logo: null, createdAt: date(nowMs), metadata: null });
    }
    await sink.flush();
    for (let practice = 0; practice < options.practices; practice += 1) {
      await sink.add("member", {
        id: `bench-member-${practice}`,
        organizationId: `bench-practice-${practice}`,
        userId: counsellors[practice],
        role: "counsellor",
        createdAt: date(nowMs),
      });
    }
    await sink.flush();

    for (let practice = 0; practice < options.practices; practice += 1) {
      const practiceId = `bench-practice-${practice}`;
      const count = practice === 0 ? options.largePracticeClients : options.otherPracticeClients;
      for (let index = 0; index < count; index += 1) {
        const client = clients;
        clients += 1;
        const clientId = `bench-client-${client}`;
        const couple = options.coupleEvery > 0 && client % options.coupleEvery === 0;
        const joinedAt = joinedAtOf(client, nowMs);
        await sink.add("practice_client", {
          id: clientId,
          practice_id: practiceId,
          counsellor_id: counsellors[practice],
          kind: couple ? "couple" : "individual",
          created_at: joinedAt,
        });
        for (let member = 0; member < (couple ? 2 : 1); member += 1) {
          const userId = `bench-person-${client}-${member}`;
          const person = people;
          people += 1;
          await sink.add("user", {
            id: userId,
            name: `Client ${client}${couple ? (member === 0 ? "a" : "b") : ""}`,
            email: `${userId}@example.test`,
            emailVerified: sqlite ? 1 : true,
            image: null,
            createdAt: date(joinedAt),
            updatedAt: date(joinedAt),
            twoFactorEnabled: sqlite ? 0 : false,
          });
          await sink.add("practice_client_member", { client_id: clientId, practice_id: practiceId, user_id: userId, joined_at: joinedAt });
          for (const scope of consentScopesOf(person)) await sink.add("client_consent", { client_id: clientId, user_id: userId, scope, granted_at: joinedAt });

          // Assessments: one before joining (the intake), then two since; templates drift up or down.
          for (let take = 0; take < options.assessmentsPerPerson; take += 1) {
            const assessmentId = `bench-assessment-${person}-${take}`;
            const completedAt = completedAtOf(joinedAt, take);
            const template = templateOf(templates, person, take);
            await sink.add("assessment", {
              id: assessmentId,
              user_id: userId,
              instrument_id: INTERDEPENDENCE_PROFILE_V1.id,
              instrument_version: INTERDEPENDENCE_PROFILE_V1.version,
              status: "completed",
              started_at: completedAt - 600_000,
              completed_at: completedAt,
              language: options.languages ? languageOfPerson(person) : "en",
            });
            if (options.answers !== false)
              for (const [itemId, value] of Object.entries(template.answers))
                await sink.add("assessment_answer", { assessment_id: assessmentId, item_id: itemId, value, answered_at: completedAt - 300_000 });
            const score: Record<string, unknown> = { assessment_id: assessmentId, user_id: userId, completed_at: completedAt };
            for (const key of SCORE_KEYS) score[key.toLowerCase()] = template.summary.scores[key];
            score.pattern = template.summary.pattern;
            score.flag_ids = JSON.stringify(template.summary.shareableFlagIds);
            score.instrument_key = template.instrumentKey;
            score.scored_answers = template.scoredAnswers;
            score.language = options.languages ? languageOfPerson(person) : "en";
            await sink.add("assessment_score", score);
            await sink.add("assessment_safety", { assessment_id: assessmentId, user_id: userId, raised: template.summary.safetyRaised ? 1 : 0 });
          }

          // Weekly check-ins, the last one 0–29 days ago.
          const lastAt = lastCheckInAtOf(person, nowMs);
          let latest: { week: string; at: number } | undefined;
          for (let week = options.checkInsPerPerson - 1; week >= 0; week -= 1) {
            const at = lastAt - week * weekMs;
            const key = isoWeekIn(new Date(at), "UTC");
            const { pulse, hours } = checkInAnswersOf(person, week);
            await sink.add("check_in", {
              id: `bench-check-in-${person}-${week}`,
              user_id: userId,
              iso_week: key,
              time_zone: "UTC",
              spoke_up: pulse,
              felt_heard: pulse,
              backed_partner: pulse,
              felt_backed: pulse,
              friends_family_hours: hours,
              we_pulse: pulse,
              me_pulse: 8 - pulse,
              note_sealed: null,
              note_key_id: null,
              created_at: at,
              updated_at: at,
            });
            latest = { week: key, at };
          }
          if (latest) await sink.add("check_in_latest", { user_id: userId, iso_week: latest.week, updated_at: latest.at });
        }
      }
      await sink.flush();
    }
    await sink.flush();
    rows = sink.rows;
  });
  // Fresh statistics, as PostgreSQL's autovacuum (and SQLite's optimize) would gather after a load this size.
  await sql`analyze`.execute(database.db);
  return { largePracticeId: "bench-practice-0", counsellorId, clients, people, rows, seconds: (performance.now() - started) / 1000 };
}
