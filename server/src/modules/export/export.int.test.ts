import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CONSENT_NOTICE_VERSION, INTERDEPENDENCE_PROFILE_V1, dataExportSchema, fhirExportBundleSchema } from "@mutual/core";
import { buildTestApp, testPublicUrl, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { linkCouple, setShares } from "../../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, postAs } from "../../../test/practice-helpers.js";

const checkInAnswers = { spokeUp: 3, feltHeard: 2, backedPartner: 4, feltBacked: 1, friendsFamilyHours: 6.5, wePulse: 5, mePulse: 4 };
const exerciseId = "speak-up-draft-it-first";

describe.each(dialects)("[%s] export", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function personWithData(note: string, reflection: string): Promise<{ person: TestPerson; assessmentId: string; answers: Record<string, number> }> {
    const person = await signUp(t.app);
    const answers = fullAnswers((itemId, isSafe) => (isSafe ? 2 : (itemId.length % 7) + 1));
    const assessmentId = await completeProfileVia(t.app, person.cookie, answers);
    const checkIn = await t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { timeZone: "Asia/Singapore", answers: { ...checkInAnswers, note } },
    });
    expect(checkIn.statusCode).toBe(200);
    const completion = await t.app.inject({
      method: "POST",
      url: `/api/exercises/${exerciseId}/completions`,
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { reflection },
    });
    expect(completion.statusCode).toBeLessThan(300);
    return { person, assessmentId, answers };
  }

  it("downloads everything of the person as a JSON attachment, and nothing of anyone else", async () => {
    const { person, assessmentId, answers } = await personWithData("a note about the harbour walk", "it felt easier than I feared");
    const other = await personWithData("someone else's private note", "someone else's reflection");
    const response = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="mutual-export.json"');
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.json();
    expect(body).toMatchObject({ format: "mutual-export", formatVersion: 1, account: { email: person.email, name: person.name } });
    expect(body.consent).toMatchObject({ noticeVersion: CONSENT_NOTICE_VERSION });
    expect(body.assessments).toHaveLength(1);
    const [assessment] = body.assessments;
    expect(assessment).toMatchObject({ id: assessmentId, status: "completed", instrument: { id: INTERDEPENDENCE_PROFILE_V1.id } });
    // Every answer, the private safety check included: it is their own data.
    expect(Object.fromEntries(assessment.answers.map((entry: { itemId: string; value: number }) => [entry.itemId, entry.value]))).toEqual(answers);
    expect(assessment.answers.filter((entry: { isSafetyCheck: boolean }) => entry.isSafetyCheck)).toHaveLength(4);
    expect(assessment.scores.we).toEqual(expect.any(Number));
    expect(Object.keys(assessment.scores.dimensions)).toHaveLength(7);
    expect(body.checkIns).toHaveLength(1);
    expect(body.checkIns[0]).toMatchObject({ timeZone: "Asia/Singapore", note: "a note about the harbour walk", answers: { spokeUp: 3, wePulse: 5 } });
    expect(body.exerciseCompletions).toHaveLength(1);
    expect(body.exerciseCompletions[0]).toMatchObject({ exerciseId, reflection: "it felt easier than I feared" });
    // Their sessions: when and which browser, never a token or an IP address.
    expect(body.sessions.length).toBeGreaterThan(0);
    for (const session of body.sessions) {
      expect(Object.keys(session).sort()).toEqual(["createdAt", "expiresAt", "userAgent"]);
      expect(Number.isNaN(Date.parse(session.createdAt))).toBe(false);
    }
    const tokens = await t.database.db.selectFrom("session").select(["token", "ipAddress"]).execute();
    for (const row of tokens) {
      expect(response.body).not.toContain(row.token);
      if (row.ipAddress) expect(response.body).not.toContain(`"${row.ipAddress}"`);
    }
    expect(response.body).not.toContain(other.person.email);
    expect(response.body).not.toContain("someone else");
    expect(response.body).not.toContain(other.assessmentId);
  });

  it("exports the profiles as a FHIR R4 collection Bundle: the Questionnaire and a response per assessment", async () => {
    const { person, assessmentId, answers } = await personWithData("fhir note", "fhir reflection");
    const response = await t.app.inject({ method: "GET", url: "/api/export/fhir", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.headers["content-disposition"]).toContain("attachment");
    const bundle = response.json();
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = bundle.entry.map((entry: { resource: { resourceType: string } }) => entry.resource.resourceType);
    // The Questionnaire with the two code systems its codes come from, named under this deployment's address.
    expect(types).toEqual(["Questionnaire", "CodeSystem", "CodeSystem", "QuestionnaireResponse"]);
    expect(bundle.entry.slice(0, 3).map((entry: { resource: { url: string } }) => entry.resource.url)).toEqual([
      `${testPublicUrl}/fhir/Questionnaire/${INTERDEPENDENCE_PROFILE_V1.id}`,
      `${testPublicUrl}/fhir/CodeSystem/agreement-7`,
      `${testPublicUrl}/fhir/CodeSystem/interdependence-dimension`,
    ]);
    const qr = bundle.entry[3].resource;
    expect(qr.questionnaire).toBe(`${testPublicUrl}/fhir/Questionnaire/${INTERDEPENDENCE_PROFILE_V1.id}|${INTERDEPENDENCE_PROFILE_V1.version}`);
    expect(qr).toMatchObject({ id: assessmentId, status: "completed" });
    const answered = qr.item.filter((entry: { linkId: string }) => entry.linkId in answers);
    expect(answered).toHaveLength(Object.keys(answers).length);
    // R4: every fullUrl a urn:uuid, the same as its resource's id; the Questionnaire's stable across exports.
    expect(fhirExportBundleSchema.safeParse(bundle).success).toBe(true);
    for (const entry of bundle.entry as Array<{ fullUrl: string; resource: { id: string } }>) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
    }
    const again = (await t.app.inject({ method: "GET", url: "/api/export/fhir", headers: { cookie: person.cookie } })).json();
    expect(again.entry[0].fullUrl).toBe(bundle.entry[0].fullUrl);
    expect(bundle.entry[0].resource.url).toBeTruthy();
  });

  it("includes what the person shares with their partner now and who viewed their data, and no one else's", async () => {
    const { person } = await personWithData("a shared-life note", "a shared-life reflection");
    const partner = await signUp(t.app);
    const alone = (await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: person.cookie } })).json();
    expect(alone).toMatchObject({ partnerSharing: null, dataViews: [] });
    await linkCouple(t.app, person, partner);
    expect((await setShares(t.app, person, ["exercises", "overview"])).statusCode).toBe(200);
    expect((await setShares(t.app, partner, ["exercises"])).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/couple/partner/exercises", headers: { cookie: partner.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/couple/partner/exercises", headers: { cookie: person.cookie } })).statusCode).toBe(200);
    const response = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.partnerSharing).toEqual({
      partner: { name: partner.name },
      linkedSince: expect.any(String),
      scopes: expect.arrayContaining([
        { scope: "overview", since: expect.any(String) },
        { scope: "exercises", since: expect.any(String) },
      ]),
    });
    expect(body.partnerSharing.scopes).toHaveLength(2);
    // Only views of this person's data: the partner's view of theirs, not their own view of the partner's.
    expect(body.dataViews).toEqual([
      { viewer: { name: partner.name, role: "partner" }, scope: "exercises", viewedAt: expect.any(String), sittings: [expect.any(String)] },
    ]);
  });

  it("includes the person's counselling relations: practice, counsellor, kind, since when, and each scope shared since when", async () => {
    const { person } = await personWithData("a counselling note", "a counselling reflection");
    const alone = (await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: person.cookie } })).json();
    expect(alone.counselling).toEqual([]);
    const counsellor = await signUp(t.app);
    const practiceId = await createPractice(t.app, counsellor, "Lantern Counselling");
    await enrolTwoFactor(t.app, counsellor);
    const invite = await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind: "individual" });
    expect(invite.statusCode).toBe(201);
    const accepted = await postAs(t.app, person, "/api/counselling/accept", { code: invite.json().code, scopes: ["profile", "safety"] });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const response = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.counselling).toEqual([
      {
        practice: { name: "Lantern Counselling" },
        counsellor: { name: counsellor.name },
        kind: "individual",
        since: accepted.json().relations[0].since,
        scopes: [
          { scope: "profile", since: expect.any(String) },
          { scope: "safety", since: expect.any(String) },
        ],
      },
    ]);
    expect(Number.isNaN(Date.parse(body.counselling[0].scopes[0].since))).toBe(false);
    // Their relation, not the counsellor's account: no email of theirs.
    expect(response.body).not.toContain(counsellor.email);
  });

  it("carries every one of many 'who viewed my data' rows, newest first, as the text the contract's serializer makes, read a page at a time (decision 069)", async () => {
    const person = await signUp(t.app);
    const me = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: person.cookie } })).json<{ user: { id: string } }>().user.id;
    const stranger = await signUp(t.app);
    const strangerId = (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: stranger.cookie } })).json<{ user: { id: string } }>().user.id;
    const now = Date.now();
    // 2,600 rows over three pages: rows from before sittings were kept (no window), closed rows,
    // rows whose window is still open (read with the rest of the export), pairs at the same
    // moment (ordered by id), and rows of someone else that must not appear.
    const rows = Array.from({ length: 2600 }, (_, index) => {
      const viewedAt = index < 20 ? now - index * 1000 : now - 3_600_000 - Math.floor(index / 2) * 60_000;
      const sittings = 1 + (index % 3);
      const times = Array.from({ length: sittings }, (_, s) => viewedAt - (sittings - 1 - s) * 1000);
      const old = index % 7 === 0 && index >= 20;
      return {
        id: `view-${String((index * 7919) % 2600).padStart(4, "0")}-${index}`,
        owner_id: index % 13 === 5 ? strangerId : me,
        viewer_id: null,
        viewer_name: `Viewer ${index % 9}`,
        viewer_role: index % 2 === 0 ? ("partner" as const) : ("counsellor" as const),
        scope: index % 2 === 0 ? ("overview" as const) : ("profile" as const),
        viewed_at: viewedAt,
        sittings: old ? 1 : sittings,
        first_viewed_at: old ? null : times[0]!,
        sitting_times: old ? null : times.join(","),
      };
    });
    for (let start = 0; start < rows.length; start += 500)
      await t.database.db
        .insertInto("data_view")
        .values(rows.slice(start, start + 500))
        .execute();
    const response = await t.app.inject({ method: "GET", url: "/api/export", headers: { cookie: person.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    // The same text as the serializer made of the whole answer before: fields in the contract's order.
    expect(response.body).toBe(JSON.stringify(z.encode(dataExportSchema, response.json())));
    const mine = rows
      .filter((row) => row.owner_id === me)
      .sort((a, b) => b.viewed_at - a.viewed_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((row) => ({
        viewer: { name: row.viewer_name, role: row.viewer_role },
        scope: row.scope,
        viewedAt: new Date(row.viewed_at).toISOString(),
        sittings: (row.sitting_times ?? String(row.viewed_at))
          .split(",")
          .map(Number)
          .reverse()
          .map((at) => new Date(at).toISOString()),
      }));
    expect(mine.length).toBeGreaterThan(2000);
    expect(response.json<{ dataViews: unknown[] }>().dataViews).toEqual(mine);
  });

  it("needs a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/export" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/export/fhir" })).statusCode).toBe(401);
  });
});
