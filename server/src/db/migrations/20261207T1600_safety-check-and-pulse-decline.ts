import { type Kysely } from "kysely";
import { INTERDEPENDENCE_PROFILE_V1, MODEL_THRESHOLDS, listDecliningPulses, summariseAssessment, type Instrument } from "@mutual/core";

// Two derived facts, both for people who chose to share them with their counsellor:
// - assessment_safety.check_skipped: every safety question left unanswered (decision 034). The same
//   decision counts a neutral answer to the question about being hurt or threatened as a concern, so
//   every safety row is rebuilt here from the answers, with the core function a submit uses.
// - check_in_latest.pulse_declining: a We or Me pulse in a sustained decline as of the person's latest
//   check-in, for the counsellor's "off track" (decision 035); worked out here for rows written before.
// The client summary rows carry both through their bits, so they are cleared: the next dashboard read
// of each practice recomputes them from the sources (decision 018).

const instruments: readonly Instrument[] = [INTERDEPENDENCE_PROFILE_V1];
const batchSize = 200;
/** The check-ins a trend as of the latest week can read: the recent window and the baseline before it. */
const trendSpanWeeks = MODEL_THRESHOLDS.trends.recentWeeks + MODEL_THRESHOLDS.trends.baselineWeeks;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_safety").addColumn("check_skipped", "integer", (column) => column.notNull().defaultTo(0)).execute();
  await rebuildSafetyRows(db);
  await db.schema.alterTable("check_in_latest").addColumn("pulse_declining", "integer").execute();
  await backfillPulseDecline(db);
  await db.deleteFrom("client_member_summary").execute();
}

async function rebuildSafetyRows(db: Kysely<any>): Promise<void> {
  let after = "";
  for (;;) {
    const rows: Array<{ id: string; instrument_id: string; instrument_version: string }> = await db
      .selectFrom("assessment_safety as safety")
      .innerJoin("assessment", "assessment.id", "safety.assessment_id")
      .select(["assessment.id as id", "assessment.instrument_id as instrument_id", "assessment.instrument_version as instrument_version"])
      .where("safety.assessment_id", ">", after)
      .orderBy("safety.assessment_id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)?.id ?? after;
    const answers: Array<{ assessment_id: string; item_id: string; value: number }> = await db
      .selectFrom("assessment_answer")
      .select(["assessment_id", "item_id", "value"])
      .where(
        "assessment_id",
        "in",
        rows.map((row) => row.id),
      )
      .execute();
    const byAssessment = new Map<string, Record<string, number>>();
    for (const answer of answers) {
      const map = byAssessment.get(answer.assessment_id) ?? {};
      map[answer.item_id] = Number(answer.value);
      byAssessment.set(answer.assessment_id, map);
    }
    for (const row of rows) {
      const instrument = instruments.find((entry) => entry.id === row.instrument_id && entry.version === row.instrument_version);
      if (!instrument) throw new Error(`Unknown instrument ${row.instrument_id}@${row.instrument_version}`);
      const summary = summariseAssessment(instrument, byAssessment.get(row.id) ?? {});
      await db
        .updateTable("assessment_safety")
        .set({ raised: summary.safetyRaised ? 1 : 0, check_skipped: summary.safetyCheckSkipped ? 1 : 0 })
        .where("assessment_id", "=", row.id)
        .execute();
    }
  }
}

async function backfillPulseDecline(db: Kysely<any>): Promise<void> {
  let after = "";
  for (;;) {
    const people: Array<{ user_id: string; iso_week: string }> = await db
      .selectFrom("check_in_latest")
      .select(["user_id", "iso_week"])
      .where("user_id", ">", after)
      .orderBy("user_id")
      .limit(batchSize)
      .execute();
    if (people.length === 0) return;
    after = people.at(-1)?.user_id ?? after;
    for (const person of people) {
      const points: Array<{ iso_week: string; friends_family_hours: number | null; we_pulse: number | null; me_pulse: number | null }> = await db
        .selectFrom("check_in")
        .select(["iso_week", "friends_family_hours", "we_pulse", "me_pulse"])
        .where("user_id", "=", person.user_id)
        .orderBy("iso_week", "desc")
        .limit(trendSpanWeeks)
        .execute();
      const declining = listDecliningPulses(
        points.map((point) => ({ week: point.iso_week, friendsFamilyHours: nullableNumber(point.friends_family_hours), wePulse: nullableNumber(point.we_pulse), mePulse: nullableNumber(point.me_pulse) })),
        person.iso_week,
      );
      await db
        .updateTable("check_in_latest")
        .set({ pulse_declining: declining.length > 0 ? 1 : 0 })
        .where("user_id", "=", person.user_id)
        .execute();
    }
  }
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("check_in_latest").dropColumn("pulse_declining").execute();
  await db.schema.alterTable("assessment_safety").dropColumn("check_skipped").execute();
  await db.deleteFrom("client_member_summary").execute();
}
