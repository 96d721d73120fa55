// Scale data for the PostgreSQL scale run (issue 7): a million people as clients of practices of
// 5,000 clients each, every person with 20 weekly check-ins and a completed assessment (every
// tenth a retake too), written with COPY FROM STDIN into a schema the real migrations created.
// Rows are generated as they are sent: each table is one COPY stream fed by a generator, so
// memory holds a chunk, never a table. The rows are the ones scale-data.ts makes for the 5,000-
// client bench (same rules, same answer templates, score rows from core's summariseAssessment and
// packScoredAnswers), made consistent the way the app's writers make them.
//
// Keeping every index and foreign key while loading makes PostgreSQL maintain B-trees and run a
// foreign-key check (a locking lookup) per row. With `deferIndexes` the loaded tables' indexes and
// constraints (and the foreign keys pointing at them) are read from the catalog, dropped, and
// recreated after the load from their own definitions (pg_get_indexdef, pg_get_constraintdef),
// which also validates every foreign key; the catalog is then compared with what it was before.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { INTERDEPENDENCE_PROFILE_V1, SCORE_KEYS } from "@mutual/core";
import { isoWeekIn } from "../server/src/modules/check-in/check-in-week.js";
import {
  answerTemplates,
  checkInAnswersOf,
  completedAtOf,
  consentScopesOf,
  joinedAtOf,
  lastCheckInAtOf,
  templateOf,
  weekMs,
  type AnswerTemplate,
  type ScalePostgres,
} from "./scale-data.js";

export type CopyScaleOptions = {
  people: number;
  /** Clients per practice; practice 0 (the measured one) is full, the last one takes the rest. */
  clientsPerPractice: number;
  /** Every n-th client is a couple (two people); 0 for none. */
  coupleEvery: number;
  checkInsPerPerson: number;
  /** Every n-th person took the profile a second time (a retake, 70 days after the first). */
  retakeEvery: number;
  /** Drop the loaded tables' indexes and constraints for the load and recreate them after (see above). */
  deferIndexes: boolean;
};

export const COPY_SCALE: CopyScaleOptions = {
  people: 1_000_000,
  clientsPerPractice: 5000,
  coupleEvery: 10,
  checkInsPerPerson: 20,
  retakeEvery: 10,
  deferIndexes: true,
};

export type CopyLoad = {
  largePracticeId: string;
  counsellorId: string;
  practices: number;
  clients: number;
  people: number;
  tables: Array<{ table: string; rows: number; seconds: number }>;
  /** Dropping indexes and constraints before, recreating (and validating) them after; 0 when kept. */
  indexSeconds: number;
  analyzeSeconds: number;
  seconds: number;
};

/** Tables loaded, parents before children (so the load also works with every constraint in place). */
const LOADED_TABLES = [
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
] as const;
type LoadedTable = (typeof LOADED_TABLES)[number];

const pad = (value: number, width = 7): string => String(value).padStart(width, "0");
export const practiceIdOf = (practice: number): string => `bench-practice-${pad(practice, 4)}`;
export const personIdOf = (person: number): string => `bench-person-${pad(person)}`;
const counsellorIdOf = (practice: number, counsellorId: string): string => (practice === 0 ? counsellorId : `bench-counsellor-${pad(practice, 4)}`);

/** A value in COPY's text format: \N for null, t/f for booleans, backslash, tab and line ends escaped. */
function copyText(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

const line = (...values: Array<string | number | boolean | null>): string => `${values.map(copyText).join("\t")}\n`;

/** One client member: who, in which practice, since when. */
type Slot = { practice: number; client: number; couple: boolean; member: number; person: number; userId: string; clientId: string; joinedAt: number };

/** How many clients and practices `options.people` people make. */
function shapeOf(options: CopyScaleOptions): { clients: number; practices: number } {
  let people = 0;
  let clients = 0;
  while (people < options.people) {
    people += isCouple(options, clients, people) ? 2 : 1;
    clients += 1;
  }
  return { clients, practices: Math.ceil(clients / options.clientsPerPractice) };
}

function isCouple(options: CopyScaleOptions, client: number, person: number): boolean {
  return options.coupleEvery > 0 && client % options.coupleEvery === 0 && options.people - person >= 2;
}

/** Every client member in order (people numbered from 0); the same sequence on every pass. */
function* slotsOf(options: CopyScaleOptions, nowMs: number): Generator<Slot> {
  let person = 0;
  for (let client = 0; person < options.people; client += 1) {
    const couple = isCouple(options, client, person);
    const base = {
      practice: Math.floor(client / options.clientsPerPractice),
      client,
      couple,
      clientId: `bench-client-${pad(client)}`,
      joinedAt: joinedAtOf(client, nowMs),
    };
    for (let member = 0; member < (couple ? 2 : 1); member += 1) {
      yield { ...base, member, person, userId: personIdOf(person) };
      person += 1;
    }
  }
}

/** A template's rows after their ids and times, precomputed once: the load writes millions of them. */
type PreparedTemplate = { answers: Array<{ itemId: string; value: number }>; scoreTail: string; raised: number };

function prepareTemplate(template: AnswerTemplate): PreparedTemplate {
  const scores = SCORE_KEYS.map((key) => template.summary.scores[key]);
  return {
    answers: INTERDEPENDENCE_PROFILE_V1.items.flatMap((entry) =>
      template.answers[entry.id] === undefined ? [] : [{ itemId: copyText(entry.id), value: template.answers[entry.id]! }],
    ),
    scoreTail: line(...scores, template.summary.pattern, JSON.stringify(template.summary.shareableFlagIds), template.instrumentKey, template.scoredAnswers),
    raised: template.summary.safetyRaised ? 1 : 0,
  };
}

type Generated = { columns: string[]; rows: () => Generator<string> };

/** The column list and the row generator of every loaded table. */
function tablesOf(options: CopyScaleOptions, counsellorId: string, nowMs: number, practices: number): Record<LoadedTable, Generated> {
  const slots = () => slotsOf(options, nowMs);
  const now = new Date(nowMs).toISOString();
  const templates = answerTemplates(63).map((template) => ({ ...template, prepared: prepareTemplate(template) }));
  const takesOf = (person: number) => (options.retakeEvery > 0 && person % options.retakeEvery === 0 ? 2 : 1);
  // Only 30 last check-in days × the weeks before them occur: their ISO weeks are computed once.
  const weekKeys = new Map<number, string>();
  const weekKeyOf = (at: number): string => {
    let key = weekKeys.get(at);
    if (key === undefined) {
      key = isoWeekIn(new Date(at), "UTC");
      weekKeys.set(at, key);
    }
    return key;
  };
  const assessments = function* (): Generator<{ slot: Slot; assessmentId: string; completedAt: number; template: (typeof templates)[number] }> {
    for (const slot of slots()) {
      for (let take = 0; take < takesOf(slot.person); take += 1) {
        yield {
          slot,
          assessmentId: `bench-assessment-${pad(slot.person)}-${take}`,
          completedAt: completedAtOf(slot.joinedAt, take),
          template: templateOf(templates, slot.person, take),
        };
      }
    }
  };
  return {
    user: {
      columns: ["id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt", "twoFactorEnabled"],
      *rows() {
        for (let practice = 1; practice < practices; practice += 1) {
          const id = counsellorIdOf(practice, counsellorId);
          yield line(id, `Counsellor ${practice}`, `${id}@example.test`, true, null, now, now, true);
        }
        for (const slot of slots()) {
          const at = new Date(slot.joinedAt).toISOString();
          yield line(
            slot.userId,
            `Client ${slot.client}${slot.couple ? (slot.member === 0 ? "a" : "b") : ""}`,
            `${slot.userId}@example.test`,
            true,
            null,
            at,
            at,
            false,
          );
        }
      },
    },
    organization: {
      columns: ["id", "name", "slug", "logo", "createdAt", "metadata"],
      *rows() {
        for (let practice = 0; practice < practices; practice += 1)
          yield line(practiceIdOf(practice), `Practice ${practice}`, practiceIdOf(practice), null, now, null);
      },
    },
    member: {
      columns: ["id", "organizationId", "userId", "role", "createdAt"],
      *rows() {
        for (let practice = 0; practice < practices; practice += 1)
          yield line(`bench-member-${pad(practice, 4)}`, practiceIdOf(practice), counsellorIdOf(practice, counsellorId), "counsellor", now);
      },
    },
    practice_client: {
      columns: ["id", "practice_id", "counsellor_id", "kind", "created_at"],
      *rows() {
        for (const slot of slots())
          if (slot.member === 0)
            yield line(
              slot.clientId,
              practiceIdOf(slot.practice),
              counsellorIdOf(slot.practice, counsellorId),
              slot.couple ? "couple" : "individual",
              slot.joinedAt,
            );
      },
    },
    practice_client_member: {
      columns: ["client_id", "practice_id", "user_id", "joined_at"],
      *rows() {
        for (const slot of slots()) yield line(slot.clientId, practiceIdOf(slot.practice), slot.userId, slot.joinedAt);
      },
    },
    client_consent: {
      columns: ["client_id", "user_id", "scope", "granted_at"],
      *rows() {
        for (const slot of slots()) for (const scope of consentScopesOf(slot.person)) yield line(slot.clientId, slot.userId, scope, slot.joinedAt);
      },
    },
    assessment: {
      columns: ["id", "user_id", "instrument_id", "instrument_version", "status", "started_at", "completed_at"],
      *rows() {
        for (const { slot, assessmentId, completedAt } of assessments())
          yield line(
            assessmentId,
            slot.userId,
            INTERDEPENDENCE_PROFILE_V1.id,
            INTERDEPENDENCE_PROFILE_V1.version,
            "completed",
            completedAt - 600_000,
            completedAt,
          );
      },
    },
    assessment_answer: {
      columns: ["assessment_id", "item_id", "value", "answered_at"],
      *rows() {
        for (const { assessmentId, completedAt, template } of assessments()) {
          const answeredAt = completedAt - 300_000;
          let rows = "";
          for (const answer of template.prepared.answers) rows += `${assessmentId}\t${answer.itemId}\t${answer.value}\t${answeredAt}\n`;
          yield rows;
        }
      },
    },
    assessment_score: {
      columns: [
        "assessment_id",
        "user_id",
        "completed_at",
        ...SCORE_KEYS.map((key) => key.toLowerCase()),
        "pattern",
        "flag_ids",
        "instrument_key",
        "scored_answers",
      ],
      *rows() {
        for (const { slot, assessmentId, completedAt, template } of assessments())
          yield `${assessmentId}\t${slot.userId}\t${completedAt}\t${template.prepared.scoreTail}`;
      },
    },
    assessment_safety: {
      columns: ["assessment_id", "user_id", "raised"],
      *rows() {
        for (const { slot, assessmentId, template } of assessments()) yield line(assessmentId, slot.userId, template.prepared.raised);
      },
    },
    check_in: {
      columns: [
        "id",
        "user_id",
        "iso_week",
        "time_zone",
        "spoke_up",
        "felt_heard",
        "backed_partner",
        "felt_backed",
        "friends_family_hours",
        "we_pulse",
        "me_pulse",
        "note_sealed",
        "note_key_id",
        "created_at",
        "updated_at",
      ],
      *rows() {
        for (const slot of slots()) {
          const lastAt = lastCheckInAtOf(slot.person, nowMs);
          let rows = "";
          // Oldest first, as people write them; the id's number counts up with the week.
          for (let week = options.checkInsPerPerson - 1; week >= 0; week -= 1) {
            const at = lastAt - week * weekMs;
            const { pulse, hours } = checkInAnswersOf(slot.person, week);
            rows += `bench-check-in-${pad(slot.person)}-${pad(options.checkInsPerPerson - 1 - week, 2)}\t${slot.userId}\t${weekKeyOf(at)}\tUTC\t${pulse}\t${pulse}\t${pulse}\t${pulse}\t${hours}\t${pulse}\t${8 - pulse}\t\\N\t\\N\t${at}\t${at}\n`;
          }
          yield rows;
        }
      },
    },
    check_in_latest: {
      columns: ["user_id", "iso_week", "updated_at"],
      *rows() {
        if (options.checkInsPerPerson === 0) return;
        for (const slot of slots()) {
          const at = lastCheckInAtOf(slot.person, nowMs);
          yield line(slot.userId, weekKeyOf(at), at);
        }
      },
    },
  };
}

/** Lines gathered into chunks of about 256 KB: one stream write each. */
function* chunked(lines: Generator<string>): Generator<string> {
  let chunk = "";
  for (const text of lines) {
    chunk += text;
    if (chunk.length >= 262_144) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A connection of its own in the bench schema, closed after `work`. */
export async function withScaleClient<T>(target: ScalePostgres, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: target.connectionString, options: `-c search_path=${target.schema}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One table's COPY: the generator feeds the stream, which waits for PostgreSQL when its buffer is full. */
async function copyTable(target: ScalePostgres, table: LoadedTable, generated: Generated): Promise<{ table: string; rows: number; seconds: number }> {
  const started = performance.now();
  return withScaleClient(target, async (client) => {
    const stream = client.query(copyFrom(`copy ${quoted(table)} (${generated.columns.map(quoted).join(", ")}) from stdin`));
    await pipeline(Readable.from(chunked(generated.rows())), stream);
    return { table, rows: stream.rowCount, seconds: (performance.now() - started) / 1000 };
  });
}

/** An index or constraint as the catalog defines it; `definition` recreates it. */
type CatalogEntry = { table: string; name: string; kind: "p" | "u" | "f" | "index"; definition: string };

/** Every primary key, unique and foreign key constraint and every other index of the schema. */
async function readCatalog(client: pg.Client, schema: string): Promise<CatalogEntry[]> {
  const constraints = await client.query<{ table: string; name: string; kind: "p" | "u" | "f"; definition: string }>(
    `select rel.relname as table, c.conname as name, c.contype as kind, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c join pg_class rel on rel.oid = c.conrelid join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = $1 and c.contype in ('p', 'u', 'f')`,
    [schema],
  );
  const indexes = await client.query<{ table: string; name: string; definition: string }>(
    `select rel.relname as table, idx.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class idx on idx.oid = i.indexrelid join pg_class rel on rel.oid = i.indrelid join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = $1 and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`,
    [schema],
  );
  const entries: CatalogEntry[] = [...constraints.rows, ...indexes.rows.map((row) => ({ ...row, kind: "index" as const }))];
  return entries.sort((a, b) => `${a.table} ${a.name}`.localeCompare(`${b.table} ${b.name}`));
}

/**
 * Drops the indexes and key constraints of the loaded tables and every foreign key from or to
 * them; returns what puts them back (indexes and keys first, then foreign keys, each validated).
 */
async function dropForLoad(client: pg.Client, schema: string): Promise<{ before: CatalogEntry[]; restore(): Promise<void> }> {
  const before = await readCatalog(client, schema);
  const loaded = new Set<string>(LOADED_TABLES);
  const foreignKeys = (
    await client.query<{ table: string; name: string; definition: string }>(
      `select rel.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
         from pg_constraint c join pg_class rel on rel.oid = c.conrelid join pg_class ref on ref.oid = c.confrelid join pg_namespace n on n.oid = rel.relnamespace
        where n.nspname = $1 and c.contype = 'f' and (rel.relname = any($2) or ref.relname = any($2))`,
      [schema, [...loaded]],
    )
  ).rows;
  const keys = before.filter((entry) => loaded.has(entry.table) && (entry.kind === "p" || entry.kind === "u"));
  const indexes = before.filter((entry) => loaded.has(entry.table) && entry.kind === "index");
  for (const key of foreignKeys) await client.query(`alter table ${quoted(key.table)} drop constraint ${quoted(key.name)}`);
  for (const key of keys) await client.query(`alter table ${quoted(key.table)} drop constraint ${quoted(key.name)}`);
  for (const index of indexes) await client.query(`drop index ${quoted(index.name)}`);
  return {
    before,
    async restore() {
      // Sorting a table once builds an index far faster than inserting a row at a time.
      await client.query("set maintenance_work_mem = '512MB'");
      await client.query("set work_mem = '256MB'");
      for (const key of keys) await client.query(`alter table ${quoted(key.table)} add constraint ${quoted(key.name)} ${key.definition}`);
      for (const index of indexes) await client.query(index.definition);
      for (const key of foreignKeys) await client.query(`alter table ${quoted(key.table)} add constraint ${quoted(key.name)} ${key.definition}`);
    },
  };
}

/**
 * Loads the scale data into a migrated PostgreSQL schema. The measured practice's counsellor must
 * already exist (the bench signs them up through the API, so they hold a real session).
 */
export async function loadScaleDataWithCopy(
  target: ScalePostgres,
  counsellorId: string,
  options: CopyScaleOptions = COPY_SCALE,
  nowMs = Date.now(),
  log: (message: string) => void = () => undefined,
): Promise<CopyLoad> {
  const started = performance.now();
  const { clients, practices } = shapeOf(options);
  const generated = tablesOf(options, counsellorId, nowMs, practices);
  return withScaleClient(target, async (client) => {
    let indexSeconds = 0;
    let restore: () => Promise<void> = async () => undefined;
    let before: CatalogEntry[] = [];
    if (options.deferIndexes) {
      const dropStarted = performance.now();
      ({ before, restore } = await dropForLoad(client, target.schema));
      indexSeconds += (performance.now() - dropStarted) / 1000;
    }
    const tables: CopyLoad["tables"] = [];
    for (const table of LOADED_TABLES) {
      const copied = await copyTable(target, table, generated[table]);
      log(`${table}: ${copied.rows.toLocaleString("en")} rows in ${copied.seconds.toFixed(1)} s`);
      tables.push(copied);
    }
    if (options.deferIndexes) {
      const restoreStarted = performance.now();
      await restore();
      const after = await readCatalog(client, target.schema);
      if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error("The recreated indexes and constraints differ from the migrations' ones.");
      indexSeconds += (performance.now() - restoreStarted) / 1000;
      log(`indexes and constraints recreated in ${indexSeconds.toFixed(1)} s`);
    }
    // Fresh statistics, as autovacuum would gather after a load this size.
    const analyzeStarted = performance.now();
    await client.query(`analyze ${LOADED_TABLES.map(quoted).join(", ")}`);
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    return {
      largePracticeId: practiceIdOf(0),
      counsellorId,
      practices,
      clients,
      people: options.people,
      tables,
      indexSeconds,
      analyzeSeconds,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
