// A profile and a check-in are served in the page's language and keep the language they were
// answered in (decision 085); scores are read by item id, so the language never changes them.
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INTERDEPENDENCE_PROFILE_V1,
  compareCouple,
  labelScalePoint,
  localizeItem,
  pickSharedScores,
  scoreProfile,
  screenSafety,
  type CoupleReportResponse,
  type InProgressAssessment,
  type ProfileResponse,
} from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { getMe, sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers, giveConsentVia, saveVia, startVia } from "../../../test/assessment-helpers.js";
import { linkCouple, setShares } from "../../../test/couple-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { migrations } from "../../db/migrations/index.js";
import { rebuildAllScoreRows } from "./index.js";

const instrument = INTERDEPENDENCE_PROFILE_V1;
const answers = fullAnswers((itemId, isSafe) => (isSafe ? 1 : (itemId.length % 7) + 1));
const otherAnswers = fullAnswers((itemId, isSafe) => (isSafe ? 1 : ((itemId.length * 3) % 7) + 1));

describe.each(dialects)("[%s] the language a profile and a check-in are answered in", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function assessmentLanguage(assessmentId: string): Promise<string> {
    const row = await t.database.db.selectFrom("assessment").select("language").where("id", "=", assessmentId).executeTakeFirstOrThrow();
    return row.language;
  }
  async function scoreRowLanguage(assessmentId: string): Promise<string | null> {
    const row = await t.database.db.selectFrom("assessment_score").select("language").where("assessment_id", "=", assessmentId).executeTakeFirstOrThrow();
    return row.language;
  }
  const profileOf = async (who: TestPerson) =>
    (await t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: who.cookie } })).json<ProfileResponse>().profile;

  it("serves the statements and the scale in Tamil when the page is in Tamil, and stores ta", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const started = await startVia(t.app, person.cookie, "ta");
    expect(started.statusCode).toBe(200);
    const body = started.json<InProgressAssessment>();
    expect(body).toMatchObject({ language: "ta", translationStatus: "provisional" });
    const first = body.sections[0]!.items[0]!;
    const item = instrument.items.find((entry) => entry.id === first.id)!;
    expect(first.text).toBe(localizeItem(instrument, item, "ta").text);
    expect(first.text).not.toBe(item.text);
    expect(body.scale.map((point) => point.label)).toEqual(instrument.scale.points.map((point) => labelScalePoint(instrument, point.value, "ta")));
    expect(await assessmentLanguage(body.id)).toBe("ta");

    // Resuming from an English page shows the same profile in English; what was answered stays.
    const current = await t.app.inject({ method: "GET", url: "/api/assessments/current", headers: { cookie: person.cookie } });
    expect(current.json().inProgress).toMatchObject({ id: body.id, language: "en", translationStatus: "source" });
    expect(current.json().inProgress.sections[0].items[0].text).toBe(item.text);
  });

  it("scores a profile answered in Tamil exactly as the same answers in English", async () => {
    const [inTamil, inEnglish] = await Promise.all([signUp(t.app), signUp(t.app)]);
    const tamilId = await completeProfileVia(t.app, inTamil.cookie, answers, { language: "ta" });
    const englishId = await completeProfileVia(t.app, inEnglish.cookie, answers);
    expect(await assessmentLanguage(tamilId)).toBe("ta");
    expect(await assessmentLanguage(englishId)).toBe("en");
    // The score row keeps it too, written with the score (decision 093); so does a row rebuilt from the answers.
    expect(await scoreRowLanguage(tamilId)).toBe("ta");
    expect(await scoreRowLanguage(englishId)).toBe("en");
    await t.database.db.deleteFrom("assessment_score").where("assessment_id", "=", tamilId).execute();
    await rebuildAllScoreRows(t.database.db);
    expect(await scoreRowLanguage(tamilId)).toBe("ta");
    const [tamil, english] = await Promise.all([profileOf(inTamil), profileOf(inEnglish)]);
    expect(tamil).not.toBeNull();
    expect(tamil!.dimensions).toEqual(english!.dimensions);
    expect(tamil!.pattern).toEqual(english!.pattern);
    expect([tamil!.we, tamil!.me, tamil!.flags]).toEqual([english!.we, english!.me, english!.flags]);
  });

  it("follows a switch made before the first answer, and marks a profile mixed after a switch half-way", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const id = (await startVia(t.app, person.cookie, "ms")).json<InProgressAssessment>().id;
    const [a, b, c] = instrument.items;
    expect((await saveVia(t.app, person.cookie, id, a!.id, 5, "ta")).statusCode).toBe(200);
    expect(await assessmentLanguage(id)).toBe("ta");
    expect((await saveVia(t.app, person.cookie, id, b!.id, 5, "ta")).statusCode).toBe(200);
    expect(await assessmentLanguage(id)).toBe("ta");
    expect((await saveVia(t.app, person.cookie, id, c!.id, 5, "zh-Hans")).statusCode).toBe(200);
    expect(await assessmentLanguage(id)).toBe("mixed");
    expect((await saveVia(t.app, person.cookie, id, a!.id, 6, "ta")).statusCode).toBe(200);
    expect(await assessmentLanguage(id)).toBe("mixed");
  });

  it("gives a couple report when one partner answered in Tamil and the other in Chinese", async () => {
    const [ana, ben] = await Promise.all([signUp(t.app), signUp(t.app)]);
    await completeProfileVia(t.app, ana.cookie, answers, { language: "ta" });
    await completeProfileVia(t.app, ben.cookie, otherAnswers, { language: "zh-Hans" });
    await linkCouple(t.app, ana, ben);
    expect((await setShares(t.app, ana, ["overview", "dimensions"])).statusCode).toBe(200);
    expect((await setShares(t.app, ben, ["overview", "dimensions"])).statusCode).toBe(200);
    const report = (await t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: ana.cookie } })).json<CoupleReportResponse>();
    const allDimensions = { dimensions: ["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY"] as const, subscales: true, axes: true };
    const expected = compareCouple(
      pickSharedScores(scoreProfile(instrument, answers), { ...allDimensions, dimensions: [...allDimensions.dimensions] }),
      pickSharedScores(scoreProfile(instrument, otherAnswers), { ...allDimensions, dimensions: [...allDimensions.dimensions] }),
      { viewerSafety: screenSafety(instrument, answers), labels: { a: ana.name, b: ben.name } },
    );
    expect(report.isReady).toBe(true);
    expect(report.dimensions.map((entry) => [entry.code, entry.mine, entry.partners, entry.difference])).toEqual(
      expected.dimensions.map((entry) => [entry.key, entry.a ?? null, entry.b ?? null, entry.difference ?? null]),
    );
  });

  it("stores the language of the page a check-in was sent from", async () => {
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const userId = (await getMe(t.app, person.cookie)).json().user.id as string;
    const put = (language: string) =>
      t.app.inject({
        method: "PUT",
        url: "/api/check-ins/current",
        headers: { ...sameOrigin, cookie: person.cookie, "accept-language": language },
        payload: { timeZone: "Asia/Singapore", answers: { spokeUp: 3, wePulse: 5 } },
      });
    expect((await put("ms")).statusCode).toBe(200);
    const stored = () => t.database.db.selectFrom("check_in").select("language").where("user_id", "=", userId).executeTakeFirstOrThrow();
    expect((await stored()).language).toBe("ms");
    // Sent again whole from a Chinese page: it was answered in Chinese.
    expect((await put("zh-Hans")).statusCode).toBe(200);
    expect((await stored()).language).toBe("zh-Hans");
  });

  it("fills the score rows' language from their assessments when the migration runs (decision 093)", async () => {
    const person = await signUp(t.app);
    const id = await completeProfileVia(t.app, person.cookie, answers, { language: "ms" });
    const db = t.database.db;
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
    expect((await migrator.migrateTo("20261210T5000_norms-by-language")).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await scoreRowLanguage(id)).toBe("ms");
  });
});
