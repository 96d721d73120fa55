// A client's notes in their counsellor's client detail (decision 015, the `notes` scope): the
// counsellor sees the words of the client's check-in notes and exercise reflections, newest first,
// only while that member shares notes, and each such read shows in the client's "who viewed my
// data" as a notes view. Without the scope nothing of the notes reaches the counsellor, nor is a
// notes view recorded; turning the scope off takes effect at the next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeIsoWeekKey, type ClientDetailResponse, type DataViewsResponse } from "@mutual/core";
import { buildTestApp, testKeyring, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { linkCouple } from "../../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, getAs, postAs } from "../../../test/practice-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { storeCheckInForWeek } from "../check-in/index.js";

const dayMs = 24 * 60 * 60 * 1000;
const exerciseId = "speak-up-draft-it-first";
const isoWeekKeyOf = (ms: number) => computeIsoWeekKey(new Date(ms), "UTC");
const answers = { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 4, wePulse: 5, mePulse: 5 };

describe.each(dialects)("[%s] a client's notes in their counsellor's client detail", (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 6, 1, 12);
  const clock = { now: () => new Date(now) };
  let counsellor: TestPerson;
  let practiceId: string;

  const detail = async (clientId: string) => {
    const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients/${clientId}`);
    expect(response.statusCode, response.body).toBe(200);
    return { body: response.json<ClientDetailResponse>(), text: response.body };
  };
  const notesViewsOf = async (person: TestPerson) => {
    const response = await getAs(t.app, person, "/api/data-views?limit=100");
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DataViewsResponse>().views.filter((view) => view.viewer.role === "counsellor" && view.scope === "notes");
  };
  const checkIn = async (person: TestPerson, note: string) => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/check-ins/current",
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { timeZone: "UTC", answers: { ...answers, note } },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const reflect = async (person: TestPerson, reflection: string) => {
    const response = await postAs(t.app, person, `/api/exercises/${exerciseId}/completions`, { reflection });
    expect(response.statusCode, response.body).toBe(201);
  };
  const setScopes = async (person: TestPerson, clientId: string, scopes: string[]) => {
    const response = await t.app.inject({
      method: "PUT",
      url: `/api/counselling/${clientId}/scopes`,
      headers: { ...sameOrigin, cookie: person.cookie },
      payload: { scopes },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const invite = (kind: "individual" | "couple" = "individual") => inviteClient(t.app, counsellor, practiceId, kind);
  const accept = (person: TestPerson, code: string, scopes: string[]) => acceptClientInvite(t.app, person, code, scopes);
  /** A signed-up person with a profile (which also records their consent to the notice). */
  async function newClient(): Promise<TestPerson> {
    const person = await signUp(t.app);
    await completeProfileVia(t.app, person.cookie, fullAnswers());
    return person;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    counsellor = await signUp(t.app);
    practiceId = await createPractice(t.app, counsellor, "Harbour Counselling");
    await enrolTwoFactor(t.app, counsellor);
  }, 60_000);
  afterAll(async () => t.close());

  it("with the notes scope: the notes and reflections, newest first, and one notes view the client sees", async () => {
    const client = await newClient();
    const clientId = await accept(client, await invite(), ["profile", "notes"]);
    await checkIn(client, "first-week-note-M1");
    await reflect(client, "older-reflection-R1");
    now += 8 * dayMs;
    await checkIn(client, "second-week-note-M2");
    await reflect(client, "newer-reflection-R2");

    const { body } = await detail(clientId);
    const notes = body.members[0]!.notes!;
    expect(notes.checkInNotes.map((note) => note.text)).toEqual(["second-week-note-M2", "first-week-note-M1"]);
    expect(notes.checkInNotes[0]!.week).toMatch(/^\d{4}-W\d{2}$/);
    expect(notes.reflections.map((entry) => entry.text)).toEqual(["newer-reflection-R2", "older-reflection-R1"]);
    expect(notes.reflections[0]).toMatchObject({ exerciseId, practice: "speak-up", completedAt: new Date(now).toISOString() });
    expect(notes.reflections[0]!.title.length).toBeGreaterThan(0);
    // Check-ins are not shared: their scored answers stay out even though the notes come in.
    expect(body.members[0]!.checkIns).toBeNull();

    const views = await notesViewsOf(client);
    expect(views).toHaveLength(1);
    expect(views[0]!.viewer.name).toBe(counsellor.name);
  });

  it("without the notes scope: no note or reflection text, notes null, and no notes view", async () => {
    const client = await newClient();
    const clientId = await accept(client, await invite(), ["profile", "check-ins"]);
    await checkIn(client, "unshared-note-U1");
    await reflect(client, "unshared-reflection-U2");

    const { body, text } = await detail(clientId);
    expect(body.members[0]!.notes).toBeNull();
    expect(body.members[0]!.checkIns!.weeks).toHaveLength(1);
    expect(text).not.toContain("unshared-note-U1");
    expect(text).not.toContain("unshared-reflection-U2");
    expect(await notesViewsOf(client)).toEqual([]);
  });

  it("after the client turns notes off, the next detail carries none and records no further notes view", async () => {
    const client = await newClient();
    const clientId = await accept(client, await invite(), ["notes"]);
    await checkIn(client, "revoked-note-V1");
    expect((await detail(clientId)).text).toContain("revoked-note-V1");
    expect(await notesViewsOf(client)).toHaveLength(1);

    await setScopes(client, clientId, ["check-ins"]);
    const { body, text } = await detail(clientId);
    expect(body.members[0]!.notes).toBeNull();
    expect(text).not.toContain("revoked-note-V1");
    expect(await notesViewsOf(client)).toHaveLength(1);
  });

  it("a couple: each partner's notes only as that partner shares them", async () => {
    const sharing = await newClient();
    const keeping = await newClient();
    await linkCouple(t.app, sharing, keeping);
    const code = await invite("couple");
    const clientId = await accept(sharing, code, ["notes"]);
    await accept(keeping, code, ["profile"]);
    await checkIn(sharing, "sharing-partner-note-S1");
    await checkIn(keeping, "keeping-partner-note-K1");

    const { body, text } = await detail(clientId);
    const byName = new Map(body.members.map((member) => [member.name, member]));
    expect(byName.get(sharing.name)!.notes!.checkInNotes.map((note) => note.text)).toEqual(["sharing-partner-note-S1"]);
    expect(byName.get(keeping.name)!.notes).toBeNull();
    expect(text).not.toContain("keeping-partner-note-K1");
    expect(await notesViewsOf(sharing)).toHaveLength(1);
    expect(await notesViewsOf(keeping)).toEqual([]);
  });

  it("reaches back 26 weeks: an older note is left out of the detail (it stays in the CSV export)", async () => {
    const client = await newClient();
    const clientId = await accept(client, await invite(), ["notes"]);
    const userId = (await getAs(t.app, client, "/api/me")).json<{ user: { id: string } }>().user.id;
    // A week written 27 weeks ago (as the demo seeder writes past weeks; a session would not last that long).
    const longAgo = now - 27 * 7 * dayMs;
    await storeCheckInForWeek(t.database.db, testKeyring, userId, {
      week: isoWeekKeyOf(longAgo),
      timeZone: "UTC",
      answers: { ...answers, note: "half-a-year-ago-O1" },
      atMs: longAgo,
    });
    await checkIn(client, "this-week-N1");

    const notes = (await detail(clientId)).body.members[0]!.notes!;
    expect(notes.checkInNotes.map((note) => note.text)).toEqual(["this-week-N1"]);
    expect(new Date(notes.since).getTime()).toBe(now - 26 * 7 * dayMs);
    const csv = await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients/${clientId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("half-a-year-ago-O1");
  });
});
