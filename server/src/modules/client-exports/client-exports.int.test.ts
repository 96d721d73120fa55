// A counsellor's exports of a client's data: only the client's own counsellor (practice member,
// two-step sign-in), only what the client shares at that request, every export audited in the
// read's transaction, files that validate (FHIR R4) and parse back (CSV) with formulas defused.
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_EXPORT_CSV_COLUMNS,
  INTERDEPENDENCE_PROFILE_V1 as PROFILE,
  PRACTICE_SCORES_CSV_COLUMNS,
  fhirExportBundleSchema,
  type CounsellingRelationsResponse,
  type CreateClientInviteResponse,
} from "@mutual/core";
import { buildTestApp, testPublicUrl, type TestApp } from "../../../test/build-test-app.js";
import { newPersonDetails, sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { linkCouple } from "../../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { listScoresOfPeople } from "../assessment/index.js";
import { presentPracticeScoresCsvHeader, presentPracticeScoresCsvRecords } from "./client-exports.presenter.js";
import { loadFhirSchemaValidator, type FhirSchemaValidator } from "../../../../core/src/testing/fhir-schema.js";

type Coding = { system?: string; code?: string; extension?: Array<{ url: string; valueDecimal?: number }> };
type Bundle = {
  entry: Array<{
    fullUrl: string;
    resource: { resourceType: string; id: string; subject?: { display?: string }; item?: Array<{ linkId: string; answer?: Array<{ valueCoding?: Coding }> }> };
  }>;
};
type CsvRow = Record<string, string>;

const safeIds = new Set(PROFILE.items.filter((item) => item.dimension === "SAFE").map((item) => item.id));
const checkInAnswers = { spokeUp: 2, feltHeard: 3, backedPartner: 4, feltBacked: 2, friendsFamilyHours: 3, wePulse: 4, mePulse: 3 };
/** Text a spreadsheet would run as a formula if it were written as is. */
const formulaNote = '=HYPERLINK("http://example.test","open me")';

let validator: FhirSchemaValidator;

beforeAll(async () => {
  validator = await loadFhirSchemaValidator();
}, 60_000);

/** The bundle's one QuestionnaireResponse (after the Questionnaire and its two code systems). */
const responseOf = (bundle: Bundle) => bundle.entry.find((entry) => entry.resource.resourceType === "QuestionnaireResponse")!.resource;

const parseCsv = (body: string): CsvRow[] => parse(body, { bom: true, columns: true, skip_empty_lines: false }) as CsvRow[];

describe.each(dialects)("[%s] a counsellor's exports of a client's data", (dialect) => {
  let t: TestApp;
  let counsellor: TestPerson;
  let colleague: TestPerson;
  let admin: TestPerson;
  let noTwoFactor: TestPerson;
  let elsewhere: TestPerson;
  let practiceId: string;

  const put = (person: TestPerson, url: string, payload: object) =>
    t.app.inject({ method: "PUT", url, headers: { ...sameOrigin, cookie: person.cookie }, payload });
  const del = (person: TestPerson, url: string) => t.app.inject({ method: "DELETE", url, headers: { origin: sameOrigin.origin, cookie: person.cookie } });

  /** A client of `by` in the practice, with a completed profile, a check-in with a note, and these scopes. */
  async function newClient(
    by: TestPerson,
    scopes: string[],
    name?: string,
  ): Promise<{ client: TestPerson; clientId: string; userId: string; assessmentId: string }> {
    const client = await signUp(t.app, name ? { ...newPersonDetails(), name } : newPersonDetails());
    const assessmentId = await completeProfileVia(
      t.app,
      client.cookie,
      fullAnswers((_itemId, isSafe) => (isSafe ? 2 : 5)),
    );
    const checkIn = await put(client, "/api/check-ins/current", { timeZone: "Asia/Kuala_Lumpur", answers: { ...checkInAnswers, note: formulaNote } });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    const invite = await postAs(t.app, by, `/api/practices/${practiceId}/client-invites`, { kind: "individual" });
    expect(invite.statusCode, invite.body).toBe(201);
    const accepted = await postAs(t.app, client, "/api/counselling/accept", { code: invite.json<CreateClientInviteResponse>().code, scopes });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const clientId = accepted.json<CounsellingRelationsResponse>().relations[0]!.clientId;
    const userId = (await getAs(t.app, client, "/api/me")).json<{ user: { id: string } }>().user.id;
    return { client, clientId, userId, assessmentId };
  }

  const fhirUrl = (clientId: string) => `/api/practices/${practiceId}/clients/${clientId}/export.fhir.json`;
  const csvUrl = (clientId: string) => `/api/practices/${practiceId}/clients/${clientId}/export.csv`;
  const viewsOf = (userId: string) =>
    t.database.db.selectFrom("data_view").select(["viewer_role", "scope", "viewer_name"]).where("owner_id", "=", userId).orderBy("scope").execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const people = await Promise.all(Array.from({ length: 5 }, () => signUp(t.app)));
    [counsellor, colleague, admin, noTwoFactor, elsewhere] = people as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];
    practiceId = await createPractice(t.app, counsellor, "Harbour Counselling");
    await joinPractice(t.app, counsellor, colleague, practiceId, "counsellor");
    await joinPractice(t.app, counsellor, admin, practiceId, "admin");
    await joinPractice(t.app, counsellor, noTwoFactor, practiceId, "counsellor");
    for (const person of [counsellor, colleague, admin, elsewhere]) await enrolTwoFactor(t.app, person);
    await createPractice(t.app, elsewhere, "Elsewhere");
  }, 60_000);
  afterAll(async () => t.close());

  it("FHIR: a valid R4 collection Bundle, the Questionnaire and the profile without the safety check, audited as a counsellor's view", async () => {
    const { client, clientId, userId, assessmentId } = await newClient(counsellor, ["profile", "check-ins"]);
    const response = await getAs(t.app, counsellor, fhirUrl(clientId));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="mutual-client-export.fhir.json"');
    expect(response.headers["cache-control"]).toBe("no-store");
    const bundle = response.json<Bundle>();
    expect(validator.validate(bundle)).toEqual([]);
    expect(fhirExportBundleSchema.safeParse(bundle).success).toBe(true);
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(["Questionnaire", "CodeSystem", "CodeSystem", "QuestionnaireResponse"]);
    const qr = responseOf(bundle);
    expect(qr.id).toBe(assessmentId);
    expect(qr.subject?.display).toBe(client.name);
    const linkIds = (qr.item ?? []).map((item) => item.linkId);
    expect(linkIds.some((id) => safeIds.has(id))).toBe(false);
    expect(linkIds.filter((id) => PROFILE.items.some((item) => item.id === id))).toHaveLength(PROFILE.items.length - safeIds.size);
    expect(response.body).not.toContain(client.email);
    expect(await viewsOf(userId)).toEqual([{ viewer_role: "counsellor", scope: "profile", viewer_name: counsellor.name }]);
  });

  it("FHIR: the safety check's answers only with the safety scope; with safety alone, only those and no scores", async () => {
    const { client, clientId } = await newClient(counsellor, ["profile", "safety"]);
    let qr = responseOf((await getAs(t.app, counsellor, fhirUrl(clientId))).json<Bundle>());
    expect((qr.item ?? []).filter((item) => safeIds.has(item.linkId))).toHaveLength(safeIds.size);

    expect((await put(client, `/api/counselling/${clientId}/scopes`, { scopes: ["safety"] })).statusCode).toBe(200);
    const bundle = (await getAs(t.app, counsellor, fhirUrl(clientId))).json<Bundle>();
    expect(validator.validate(bundle)).toEqual([]);
    qr = responseOf(bundle);
    expect((qr.item ?? []).map((item) => item.linkId).sort()).toEqual([...safeIds].sort());
  });

  it("FHIR: names everything under this deployment's address, carries its own code systems, and gives each answer's weight under both names", async () => {
    const { clientId } = await newClient(counsellor, ["profile"]);
    const bundle = (await getAs(t.app, counsellor, fhirUrl(clientId))).json<Bundle>();
    expect(validator.validate(bundle)).toEqual([]);
    const resources = bundle.entry.map((entry) => entry.resource as unknown as Record<string, unknown>);
    for (const resource of resources.filter((entry) => entry.resourceType !== "QuestionnaireResponse"))
      expect(validator.validate(resource), String(resource.resourceType)).toEqual([]);
    const base = `${testPublicUrl}/fhir`;
    const questionnaire = resources.find((entry) => entry.resourceType === "Questionnaire")!;
    expect(questionnaire.url).toBe(`${base}/Questionnaire/${PROFILE.id}`);
    expect(JSON.stringify(bundle)).not.toContain("mutual.example");
    const codeSystems = resources.filter((entry) => entry.resourceType === "CodeSystem") as Array<{
      url: string;
      version: string;
      content: string;
      concept: Array<{ code: string; display: string }>;
    }>;
    expect(codeSystems.map((system) => system.url)).toEqual([`${base}/CodeSystem/agreement-7`, `${base}/CodeSystem/interdependence-dimension`]);
    expect(codeSystems.every((system) => system.version === PROFILE.version && system.content === "complete")).toBe(true);
    expect(codeSystems[0]!.concept.map((concept) => [concept.code, concept.display])).toEqual(
      PROFILE.scale.points.map((point) => [String(point.value), point.label]),
    );
    expect(codeSystems[1]!.concept.map((concept) => concept.code)).toEqual(PROFILE.dimensions.map((dimension) => dimension.code));
    // Every code in the bundle comes from a code system the bundle carries.
    const systems = new Set(codeSystems.map((system) => system.url));
    const used = new Set([...JSON.stringify(bundle).matchAll(/"system":"([^"]+)"/g)].map((match) => match[1]!));
    expect([...used].filter((system) => !systems.has(system))).toEqual([]);
    // R4's own ordinalValue beside the SDC's itemWeight, with the same keyed value, on every answer.
    const coded = (responseOf(bundle).item ?? []).flatMap((item) =>
      (item.answer ?? []).flatMap((answer) => (answer.valueCoding ? [{ linkId: item.linkId, coding: answer.valueCoding }] : [])),
    );
    expect(coded.length).toBe(PROFILE.items.length - safeIds.size);
    for (const { linkId, coding } of coded) {
      const weights = Object.fromEntries((coding.extension ?? []).map((extension) => [extension.url, extension.valueDecimal]));
      const item = PROFILE.items.find((entry) => entry.id === linkId)!;
      const keyed = item.isReverse ? 8 - Number(coding.code) : Number(coding.code);
      expect(weights, linkId).toEqual({
        "http://hl7.org/fhir/StructureDefinition/ordinalValue": keyed,
        "http://hl7.org/fhir/StructureDefinition/itemWeight": keyed,
      });
    }
  });

  it("CSV: RFC 4180 that parses back, formulas defused, each scope only when shared, audited per scope", async () => {
    const trickyName = '@Mei "May" Lin, Jr';
    const { client, clientId, userId } = await newClient(counsellor, ["profile", "check-ins", "notes"], trickyName);
    const response = await getAs(t.app, counsellor, csvUrl(clientId));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="mutual-client-export.csv"');
    expect(response.body).toContain("\r\n");
    const rows = parseCsv(response.body);
    expect(Object.keys(rows[0]!)).toEqual([...CLIENT_EXPORT_CSV_COLUMNS]);
    // The name starts with @ and holds a quote and a comma: one field, apostrophe first.
    expect(new Set(rows.map((row) => row.person))).toEqual(new Set([`'${trickyName}`]));
    const records = new Set(rows.map((row) => row.record));
    expect(records).toEqual(new Set(["score", "pattern", "answer", "check-in", "check-in-note"]));
    expect(rows.find((row) => row.record === "check-in-note")?.text).toBe(`'${formulaNote}`);
    expect(rows.filter((row) => row.record === "answer")).toHaveLength(PROFILE.items.length - safeIds.size);
    expect(rows.some((row) => safeIds.has(row.key ?? ""))).toBe(false);
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    expect((await viewsOf(userId)).map((view) => view.scope)).toEqual(["check-ins", "notes", "profile"]);

    // The client narrows what they share: the next export has only check-ins.
    expect((await put(client, `/api/counselling/${clientId}/scopes`, { scopes: ["check-ins"] })).statusCode).toBe(200);
    const narrowed = parseCsv((await getAs(t.app, counsellor, csvUrl(clientId))).body);
    expect(new Set(narrowed.map((row) => row.record))).toEqual(new Set(["check-in"]));
    expect(JSON.stringify(narrowed)).not.toContain("HYPERLINK");
  });

  it("a couple: each partner's own scopes, in one file", async () => {
    const [ana, ben] = [await signUp(t.app), await signUp(t.app)];
    await linkCouple(t.app, ana, ben);
    for (const person of [ana, ben]) {
      await completeProfileVia(
        t.app,
        person.cookie,
        fullAnswers((_itemId, isSafe) => (isSafe ? 2 : 5)),
      );
      expect(
        (await put(person, "/api/check-ins/current", { timeZone: "Asia/Singapore", answers: { ...checkInAnswers, note: `${person.name} wrote this` } }))
          .statusCode,
      ).toBe(200);
    }
    const invite = (await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind: "couple" })).json<CreateClientInviteResponse>();
    const byAna = await postAs(t.app, ana, "/api/counselling/accept", { code: invite.code, scopes: ["profile", "safety"] });
    expect(byAna.statusCode, byAna.body).toBe(200);
    expect((await postAs(t.app, ben, "/api/counselling/accept", { code: invite.code, scopes: ["check-ins"] })).statusCode).toBe(200);
    const clientId = byAna.json<CounsellingRelationsResponse>().relations[0]!.clientId;

    const rows = parseCsv((await getAs(t.app, counsellor, csvUrl(clientId))).body);
    const recordsOf = (name: string) => new Set(rows.filter((row) => row.person === name).map((row) => row.record));
    expect(recordsOf(ana.name)).toEqual(new Set(["score", "pattern", "answer", "safety-answer", "safety-screen"]));
    expect(recordsOf(ben.name)).toEqual(new Set(["check-in"]));
    expect(JSON.stringify(rows)).not.toContain("wrote this");

    const bundle = (await getAs(t.app, counsellor, fhirUrl(clientId))).json<Bundle>();
    expect(validator.validate(bundle)).toEqual([]);
    const responses = bundle.entry.filter((entry) => entry.resource.resourceType === "QuestionnaireResponse");
    expect(responses.map((entry) => entry.resource.subject?.display)).toEqual([ana.name]);
    expect((responses[0]!.resource.item ?? []).filter((item) => safeIds.has(item.linkId))).toHaveLength(safeIds.size);
  });

  it("an export whose audit rows cannot be written hands out nothing", async () => {
    const { client, clientId, userId } = await newClient(counsellor, ["profile", "check-ins", "notes"]);
    const db = t.database.db;
    // The database refuses every data_view insert while the exports run.
    if (dialect === "sqlite")
      await sql`create trigger refuse_export_view before insert on data_view begin select raise(abort, 'audit refused'); end`.execute(db);
    else {
      await sql`create or replace function refuse_export_view() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(
        db,
      );
      await sql`create trigger refuse_export_view before insert on data_view for each row execute function refuse_export_view()`.execute(db);
    }
    try {
      for (const url of [fhirUrl(clientId), csvUrl(clientId), `/api/practices/${practiceId}/export.csv`]) {
        const response = await getAs(t.app, counsellor, url);
        expect(response.statusCode, url).toBe(500);
        expect(Object.keys(response.json()), url).toEqual(["error"]);
        expect(response.body, url).not.toContain(client.name);
      }
    } finally {
      if (dialect === "sqlite") await sql`drop trigger refuse_export_view`.execute(db);
      else {
        await sql`drop trigger refuse_export_view on data_view`.execute(db);
        await sql`drop function refuse_export_view()`.execute(db);
      }
    }
    expect(await viewsOf(userId)).toEqual([]);
    expect((await getAs(t.app, counsellor, csvUrl(clientId))).statusCode).toBe(200);
  });

  it("after the client stops sharing, the next request finds nothing (404), FHIR and CSV alike", async () => {
    const { client, clientId } = await newClient(counsellor, ["profile", "check-ins", "safety", "notes"]);
    expect((await getAs(t.app, counsellor, fhirUrl(clientId))).statusCode).toBe(200);
    expect((await del(client, `/api/counselling/${clientId}`)).statusCode).toBe(204);
    expect((await getAs(t.app, counsellor, fhirUrl(clientId))).statusCode).toBe(404);
    expect((await getAs(t.app, counsellor, csvUrl(clientId))).statusCode).toBe(404);
  });

  it("is the client's counsellor's only: colleagues, admins and other practices 404, no two-step sign-in 403, anonymous 401; nothing audited", async () => {
    const { clientId, userId } = await newClient(counsellor, ["profile", "check-ins", "safety", "notes"]);
    for (const url of [fhirUrl(clientId), csvUrl(clientId)]) {
      expect((await getAs(t.app, colleague, url)).statusCode, url).toBe(404);
      expect((await getAs(t.app, admin, url)).statusCode, url).toBe(404);
      expect((await getAs(t.app, elsewhere, url)).statusCode, url).toBe(404);
      const refused = await getAs(t.app, noTwoFactor, url);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: "TWO_FACTOR_REQUIRED" } });
      expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    }
    expect(await viewsOf(userId)).toEqual([]);
    // Another practice's id with this client: the client is not found there.
    const otherPractice = (await getAs(t.app, elsewhere, "/api/practices")).json<{ practices: Array<{ id: string }> }>().practices[0]!.id;
    expect((await getAs(t.app, counsellor, `/api/practices/${otherPractice}/clients/${clientId}/export.csv`)).statusCode).toBe(404);
  });

  it("practice CSV: one line per profile of the counsellor's own profile-sharing clients, whatever their role; audited", async () => {
    const mine = await newClient(counsellor, ["profile"]);
    const checkInsOnly = await newClient(counsellor, ["check-ins"]);
    const colleagues = await newClient(colleague, ["profile", "check-ins"]);
    const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/export.csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toBe('attachment; filename="mutual-practice-scores.csv"');
    const rows = parseCsv(response.body);
    expect(Object.keys(rows[0]!)).toEqual([...PRACTICE_SCORES_CSV_COLUMNS]);
    const people = new Set(rows.map((row) => row.person));
    expect(people.has(mine.client.name)).toBe(true);
    expect(people.has(checkInsOnly.client.name)).toBe(false);
    expect(people.has(colleagues.client.name)).toBe(false);
    const line = rows.find((row) => row.person === mine.client.name)!;
    expect(line.client).toBe(mine.clientId);
    expect(Number(line.we)).toEqual(expect.any(Number));
    expect(await viewsOf(mine.userId)).toEqual([{ viewer_role: "counsellor", scope: "profile", viewer_name: counsellor.name }]);
    expect(await viewsOf(checkInsOnly.userId)).toEqual([]);

    // The admin, a counsellor too, gets their own clients (none here), not the practice's.
    const asAdmin = parseCsv((await getAs(t.app, admin, `/api/practices/${practiceId}/export.csv`)).body);
    expect(asAdmin).toEqual([]);
    expect((await getAs(t.app, noTwoFactor, `/api/practices/${practiceId}/export.csv`)).statusCode).toBe(403);
    expect((await getAs(t.app, elsewhere, `/api/practices/${practiceId}/export.csv`)).statusCode).toBe(404);
  });

  it("practice CSV: a practice of many clients, sent in parts (decisions 042, 068), is the file one sorted read made before, byte for byte, every one audited once", async () => {
    const { counsellor: owner, practiceId: ownPractice } = await (async () => {
      const person = await signUp(t.app);
      const id = await createPractice(t.app, person, "Large Practice");
      await enrolTwoFactor(t.app, person);
      return { counsellor: person, practiceId: id };
    })();
    // One client through the real flow gives a score row to copy; the rest are written straight in (a sign-up each would take minutes).
    const invite = (await postAs(t.app, owner, `/api/practices/${ownPractice}/client-invites`, { kind: "individual" })).json<CreateClientInviteResponse>();
    const real = await signUp(t.app, { ...newPersonDetails(), name: "Aaron Real" });
    await completeProfileVia(
      t.app,
      real.cookie,
      fullAnswers(() => 5),
    );
    expect((await postAs(t.app, real, "/api/counselling/accept", { code: invite.code, scopes: ["profile"] })).statusCode).toBe(200);
    const ownerId = (await getAs(t.app, owner, "/api/me")).json<{ user: { id: string } }>().user.id;
    const db = t.database.db;
    const realId = (await getAs(t.app, real, "/api/me")).json<{ user: { id: string } }>().user.id;
    const template = await db.selectFrom("assessment_score").selectAll().where("user_id", "=", realId).executeTakeFirstOrThrow();
    const assessment = await db.selectFrom("assessment").selectAll().where("id", "=", template.assessment_id).executeTakeFirstOrThrow();
    const sqlite = dialect === "sqlite";
    const names: string[] = [];
    // 2,100 people: more than two steps of the walk on either database (decision 068).
    const count = 2100;
    const date = new Date(Number(assessment.completed_at)).toISOString();
    const people = Array.from({ length: count }, (_, index) => {
      // Names out of insertion order, so the file's order is the export's doing; every name several
      // times (ties read by id), and some in lower case or with accents, which the databases order apart.
      const number = (index * 7919) % 700;
      const name = `${["Bulk", "bulk", "Émile", "Zoë", "zach", "Ødegaard"][number % 6]!} ${String(number).padStart(3, "0")}`;
      return { index, userId: `bulk-user-${index}`, clientId: `bulk-client-${index}`, name, sharesProfile: index % 5 !== 0 };
    });
    for (const person of people) if (person.sharesProfile) names.push(person.name);
    const inChunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let start = 0; start < rows.length; start += 100) await insert(rows.slice(start, start + 100));
    };
    await inChunks(people, (chunk) =>
      db
        .insertInto("user")
        .values(
          chunk.map((person) => ({
            id: person.userId,
            name: person.name,
            email: `${person.userId}@example.test`,
            emailVerified: sqlite ? 1 : true,
            image: null,
            createdAt: date,
            updatedAt: date,
            twoFactorEnabled: sqlite ? 0 : false,
          })),
        )
        .execute(),
    );
    await inChunks(people, (chunk) =>
      db
        .insertInto("practice_client")
        .values(chunk.map((person) => ({ id: person.clientId, practice_id: ownPractice, counsellor_id: ownerId, kind: "individual" as const, created_at: 1 })))
        .execute(),
    );
    await inChunks(people, (chunk) =>
      db
        .insertInto("practice_client_member")
        .values(chunk.map((person) => ({ client_id: person.clientId, practice_id: ownPractice, user_id: person.userId, joined_at: 1 })))
        .execute(),
    );
    await inChunks(people, (chunk) =>
      db
        .insertInto("client_consent")
        .values(
          chunk.map((person) => ({
            client_id: person.clientId,
            user_id: person.userId,
            scope: person.sharesProfile ? ("profile" as const) : ("check-ins" as const),
            granted_at: 1,
          })),
        )
        .execute(),
    );
    await inChunks(people, (chunk) =>
      db
        .insertInto("assessment")
        .values(
          chunk.map((person) => ({
            ...assessment,
            started_at: Number(assessment.started_at),
            completed_at: Number(assessment.completed_at),
            id: `bulk-assessment-${person.index}`,
            user_id: person.userId,
          })),
        )
        .execute(),
    );
    await inChunks(people, (chunk) =>
      db
        .insertInto("assessment_score")
        .values(
          chunk.map((person) => ({
            ...template,
            completed_at: Number(template.completed_at),
            assessment_id: `bulk-assessment-${person.index}`,
            user_id: person.userId,
          })),
        )
        .execute(),
    );
    const response = await getAs(t.app, owner, `/api/practices/${ownPractice}/export.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith("\uFEFF")).toBe(true);
    expect(response.body.match(/\uFEFF/g)).toHaveLength(1);
    const rows = parseCsv(response.body);
    expect(rows.map((row) => row.person).sort()).toEqual(["Aaron Real", ...names].sort());
    expect(new Set(rows.map((row) => row.client)).size).toBe(rows.length);
    // The file as it was built before it was read in steps: every sharing person in one query sorted
    // by the database (name, then id), their scores, the same presenter.
    const everyone = await db
      .selectFrom("practice_client")
      .innerJoin("practice_client_member", "practice_client_member.client_id", "practice_client.id")
      .innerJoin("client_consent", (join) =>
        join.onRef("client_consent.client_id", "=", "practice_client_member.client_id").onRef("client_consent.user_id", "=", "practice_client_member.user_id"),
      )
      .innerJoin("user", "user.id", "practice_client_member.user_id")
      .select(["practice_client.id as clientId", "practice_client.kind as kind", "practice_client_member.user_id as userId", "user.name as name"])
      .where("practice_client.practice_id", "=", ownPractice)
      .where("practice_client.counsellor_id", "=", ownerId)
      .where("client_consent.scope", "=", "profile")
      .orderBy("user.name")
      .orderBy("practice_client_member.user_id")
      .execute();
    const scores = await listScoresOfPeople(
      db,
      db
        .selectFrom("user")
        .select("id as user_id")
        .where(
          "id",
          "in",
          everyone.map((person) => person.userId),
        ),
    );
    expect(response.body).toBe(presentPracticeScoresCsvHeader() + presentPracticeScoresCsvRecords(everyone, scores));
    const audited = await db.selectFrom("data_view").select(["owner_id", "sittings"]).where("viewer_id", "=", ownerId).execute();
    expect(audited.map((row) => row.owner_id).sort()).toEqual(everyone.map((person) => person.userId).sort());
    expect(audited.every((row) => Number(row.sittings) === 1)).toBe(true);
  });
});
