import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import type { DirectoryResponse, IntakeResponse, MyCounsellingRequestsResponse, PracticeDetailResponse, PutListingBody } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { deleteAccount, linkCouple } from "../../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";

// The directory of practices and requests for counselling (decisions 054, 055), on both databases:
// who may list, what the directory filters, the whole way from a request to a client (alone and
// as a couple), what the practice sees before acceptance, withdrawal, refusals, limits, deletion,
// and every new route called by every actor around one request.

const listing: PutListingBody = {
  languages: ["en", "ta"],
  individual: true,
  couple: true,
  inPersonArea: "Tampines",
  online: true,
  fees: "S$60 to S$120 a session, sliding scale",
  subsidised: true,
  description: "Counselling for individuals and couples, in English and Tamil.",
  contact: "https://harbour.example/book",
};

function put(t: TestApp, person: TestPerson | null, url: string, payload: object) {
  return t.app.inject({ method: "PUT", url, headers: { ...sameOrigin, ...(person ? { cookie: person.cookie } : {}) }, payload });
}
function del(t: TestApp, person: TestPerson | null, url: string) {
  return t.app.inject({ method: "DELETE", url, headers: { origin: sameOrigin.origin, ...(person ? { cookie: person.cookie } : {}) } });
}
function expectStatus(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
}

describe.each(dialects)("[%s] directory and requests for counselling", (dialect) => {
  let t: TestApp;
  let owner: TestPerson;
  let admin: TestPerson;
  let counsellor: TestPerson;
  let elsewhere: TestPerson;
  let practiceId: string;
  let otherPracticeId: string;
  let counsellorMemberId: string;

  const newPerson = async (name: string) =>
    signUp(t.app, { email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`, password: "a long test password 42", name });
  const mine = async (person: TestPerson) => (await getAs(t.app, person, "/api/counselling-requests")).json<MyCounsellingRequestsResponse>().requests;
  const intake = async (person: TestPerson) => (await getAs(t.app, person, `/api/practices/${practiceId}/intake`)).json<IntakeResponse>().requests;
  const ask = (person: TestPerson, body: object) =>
    postAs(t.app, person, "/api/counselling-requests", { practiceId, kind: "individual", scopes: ["profile"], ...body });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    owner = await newPerson("Owner");
    admin = await newPerson("Admin");
    counsellor = await newPerson("Counsellor");
    elsewhere = await newPerson("Elsewhere");
    practiceId = await createPractice(t.app, owner, "Harbour Counselling");
    await joinPractice(t.app, owner, admin, practiceId, "admin");
    await joinPractice(t.app, owner, counsellor, practiceId, "counsellor");
    for (const person of [owner, admin, counsellor, elsewhere]) await enrolTwoFactor(t.app, person);
    otherPracticeId = await createPractice(t.app, elsewhere, "Another Practice");
    const detail = (await getAs(t.app, owner, `/api/practices/${practiceId}`)).json<PracticeDetailResponse>();
    counsellorMemberId = detail.members.find((member) => member.role === "counsellor")!.memberId;
    expectStatus(await put(t, owner, `/api/practices/${practiceId}/listing`, listing), 200);
  });
  afterAll(() => t.close());

  it("lets only the owner list or unlist the practice, and refuses a listing that breaks a rule, changing nothing", async () => {
    expectStatus(await put(t, admin, `/api/practices/${practiceId}/listing`, listing), 403);
    expectStatus(await put(t, counsellor, `/api/practices/${practiceId}/listing`, listing), 403);
    expectStatus(await put(t, elsewhere, `/api/practices/${practiceId}/listing`, listing), 404);
    expectStatus(await put(t, null, `/api/practices/${practiceId}/listing`, listing), 401);
    const bad: object[] = [
      { ...listing, contact: "http://harbour.example/book" },
      { ...listing, contact: "javascript:alert(1)" },
      { ...listing, contact: "https://user:pw@harbour.example/" },
      { ...listing, contact: "mailto:someone" },
      { ...listing, languages: ["xx"] },
      { ...listing, languages: [] },
      { ...listing, languages: ["en", "en"] },
      { ...listing, description: "x".repeat(601) },
      { ...listing, fees: "one\nline only" },
      { ...listing, inPersonArea: "Tampines\u202E" },
      { ...listing, individual: false, couple: false },
      { ...listing, online: false, inPersonArea: null },
      { ...listing, extra: true },
    ];
    for (const payload of bad) {
      const response = await put(t, owner, `/api/practices/${practiceId}/listing`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(response.json())).toEqual(["error"]);
    }
    const seen = await getAs(t.app, counsellor, `/api/practices/${practiceId}/listing`);
    expect(seen.json()).toEqual({ listing: { practiceId, name: "Harbour Counselling", ...listing } });
    expectStatus(await put(t, owner, `/api/practices/${practiceId}/listing`, { ...listing, contact: "mailto:hello@harbour.example" }), 200);
    expectStatus(await put(t, owner, `/api/practices/${practiceId}/listing`, listing), 200);
  });

  it("shows the directory to anyone, filtered by language, kind, way of meeting and subsidy", async () => {
    const founder = await newPerson("Founder");
    const onlineOnly = await createPractice(t.app, founder, "Online Only Practice");
    expectStatus(
      await put(t, founder, `/api/practices/${onlineOnly}/listing`, { ...listing, languages: ["zh"], couple: false, inPersonArea: null, subsidised: false }),
      200,
    );
    const names = async (query: string) =>
      (await t.app.inject({ method: "GET", url: `/api/directory${query}` })).json<DirectoryResponse>().practices.map((entry) => entry.name);
    expect(await names("")).toEqual(["Harbour Counselling", "Online Only Practice"]);
    expect(await names("?language=ta")).toEqual(["Harbour Counselling"]);
    expect(await names("?language=zh")).toEqual(["Online Only Practice"]);
    expect(await names("?language=ms")).toEqual([]);
    expect(await names("?kind=couple")).toEqual(["Harbour Counselling"]);
    expect(await names("?mode=in-person")).toEqual(["Harbour Counselling"]);
    expect(await names("?mode=online")).toEqual(["Harbour Counselling", "Online Only Practice"]);
    expect(await names("?subsidised=true")).toEqual(["Harbour Counselling"]);
    expect(await names("?subsidised=false")).toEqual(["Online Only Practice"]);
    for (const query of ["?language=xx", "?language=%25", "?kind=group", "?mode=phone", "?subsidised=yes", "?other=1"]) {
      expectStatus(await t.app.inject({ method: "GET", url: `/api/directory${query}` }), 400);
    }
    expectStatus(await del(t, founder, `/api/practices/${onlineOnly}/listing`), 204);
    expect(await names("")).toEqual(["Harbour Counselling"]);
  });

  it("takes one person from a request to a client with exactly the scopes they chose; the practice sees only the name and message before", async () => {
    const person = await newPerson("Asha");
    const asked = await ask(person, { message: "I would like to talk to someone.", scopes: ["profile", "check-ins"] });
    expectStatus(asked, 201);
    const [request] = asked.json<MyCounsellingRequestsResponse>().requests;
    expect(request).toMatchObject({ status: "sent", myRole: "requester", myScopes: ["profile", "check-ins"], practice: { name: "Harbour Counselling" } });
    // The counsellor sees nothing before it is assigned; the owner sees the name and the message, nothing more.
    expect(await intake(counsellor)).toEqual([]);
    const seen = (await intake(owner)).find((row) => row.id === request!.id)!;
    expect(seen).toEqual({
      id: request!.id,
      kind: "individual",
      names: ["Asha"],
      message: "I would like to talk to someone.",
      status: "sent",
      counsellor: null,
      isMine: false,
      createdAt: seen.createdAt,
    });
    // Accepting before it is assigned to you: refused.
    expectStatus(await postAs(t.app, counsellor, `/api/practices/${practiceId}/intake/${request!.id}/accept`, {}), 403);
    expectStatus(await postAs(t.app, admin, `/api/practices/${practiceId}/intake/${request!.id}/assign`, { memberId: "no-such-member" }), 422);
    expectStatus(await postAs(t.app, admin, `/api/practices/${practiceId}/intake/${request!.id}/assign`, { memberId: counsellorMemberId }), 200);
    expect((await mine(person))[0]!.status).toBe("assigned");
    expectStatus(await postAs(t.app, owner, `/api/practices/${practiceId}/intake/${request!.id}/accept`, {}), 403);
    const accepted = await postAs(t.app, counsellor, `/api/practices/${practiceId}/intake/${request!.id}/accept`, {});
    expectStatus(accepted, 200);
    expect(accepted.json<IntakeResponse>().requests).toEqual([]);
    expect((await mine(person))[0]!.status).toBe("accepted");
    const relations = (await getAs(t.app, person, "/api/counselling")).json<{ relations: Array<{ scopes: string[]; counsellor: { name: string } }> }>()
      .relations;
    expect(relations).toEqual([expect.objectContaining({ scopes: ["profile", "check-ins"], counsellor: { name: "Counsellor" }, kind: "individual" })]);
    const clients = (await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients`)).json<{ clients: Array<{ members: Array<{ name: string }> }> }>()
      .clients;
    expect(clients.flatMap((client) => client.members.map((member) => member.name))).toContain("Asha");
    // The person's "who viewed my data" shows that the practice read the request.
    const views = (await getAs(t.app, person, "/api/data-views")).json<{ views: Array<{ scope: string; viewer: { name: string } }> }>().views;
    expect(views).toContainEqual(expect.objectContaining({ scope: "counselling-request", viewer: { name: "Owner", role: "counsellor" } }));
    // The person's export lists it, as they see it.
    const exported = (await getAs(t.app, person, "/api/export")).json<{ counsellingRequests: Array<{ status: string; message: string }> }>();
    expect(exported.counsellingRequests).toEqual([expect.objectContaining({ status: "accepted", message: "I would like to talk to someone." })]);
    // A second request to a practice they are a client of: 409.
    expect((await ask(person, {})).json().error.code).toBe("ALREADY_CLIENT");
  });

  it("sends a couple's request to the practice only once the partner confirms with their own scopes", async () => {
    const first = await newPerson("Mei");
    const second = await newPerson("Ravi");
    expect((await ask(first, { kind: "couple" })).json().error.code).toBe("NOT_LINKED");
    await linkCouple(t.app, first, second);
    const asked = await ask(first, { kind: "couple", message: "We keep having the same argument.", scopes: ["profile"] });
    expectStatus(asked, 201);
    const id = asked.json<MyCounsellingRequestsResponse>().requests[0]!.id;
    expect((await intake(owner)).map((row) => row.id)).not.toContain(id);
    const theirs = await mine(second);
    expect(theirs[0]).toMatchObject({ id, status: "awaiting-partner", myRole: "partner", otherName: "Mei", myScopes: null });
    expectStatus(await postAs(t.app, first, `/api/counselling-requests/${id}/confirm`, { scopes: ["profile"] }), 404);
    expectStatus(await postAs(t.app, second, `/api/counselling-requests/${id}/confirm`, { scopes: ["check-ins", "notes"] }), 200);
    expect((await intake(owner)).find((row) => row.id === id)?.names).toEqual(["Mei", "Ravi"]);
    expectStatus(await postAs(t.app, owner, `/api/practices/${practiceId}/intake/${id}/assign`, { memberId: counsellorMemberId }), 200);
    expectStatus(await postAs(t.app, counsellor, `/api/practices/${practiceId}/intake/${id}/accept`, {}), 200);
    const scopesOf = async (person: TestPerson) =>
      (await getAs(t.app, person, "/api/counselling")).json<{ relations: Array<{ scopes: string[]; kind: string; clientId: string }> }>().relations;
    const [mei] = await scopesOf(first);
    const [ravi] = await scopesOf(second);
    expect(mei).toMatchObject({ scopes: ["profile"], kind: "couple" });
    expect(ravi).toMatchObject({ scopes: ["check-ins", "notes"], kind: "couple", clientId: mei!.clientId });
  });

  it("leaves the practice nothing once the person withdraws or the practice declines, and the person reads the kind message", async () => {
    const person = await newPerson("Lin");
    const id = (await ask(person, { message: "Hello" })).json<MyCounsellingRequestsResponse>().requests[0]!.id;
    expectStatus(await postAs(t.app, owner, `/api/practices/${practiceId}/intake/${id}/assign`, { memberId: counsellorMemberId }), 200);
    expectStatus(await postAs(t.app, person, `/api/counselling-requests/${id}/withdraw`, {}), 200);
    expect((await intake(owner)).map((row) => row.id)).not.toContain(id);
    expect((await intake(counsellor)).map((row) => row.id)).not.toContain(id);
    expectStatus(await postAs(t.app, counsellor, `/api/practices/${practiceId}/intake/${id}/accept`, {}), 404);
    expect((await postAs(t.app, person, `/api/counselling-requests/${id}/withdraw`, {})).json().error.code).toBe("REQUEST_CLOSED");

    const again = (await ask(person, {})).json<MyCounsellingRequestsResponse>().requests.find((row) => row.status === "sent")!.id;
    expectStatus(await postAs(t.app, counsellor, `/api/practices/${practiceId}/intake/${again}/decline`, { message: "No" }), 403);
    expectStatus(await postAs(t.app, owner, `/api/practices/${practiceId}/intake/${again}/decline`, { message: "" }), 400);
    const kind = "We cannot take anyone new this month. The directory lists other practices who may.";
    expectStatus(await postAs(t.app, owner, `/api/practices/${practiceId}/intake/${again}/decline`, { message: kind }), 200);
    expect((await mine(person)).find((row) => row.id === again)).toMatchObject({ status: "declined", declineMessage: kind });
    expect((await intake(owner)).map((row) => row.id)).not.toContain(again);
    expect((await getAs(t.app, person, "/api/counselling")).json().relations).toEqual([]);
  });

  it("refuses a request beyond the limits with a clear code, and bad requests with 400, changing nothing", async () => {
    const person = await newPerson("Busy");
    const founder = await newPerson("Many");
    const practices: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const id = await createPractice(t.app, founder, `Practice ${index}`);
      expectStatus(await put(t, founder, `/api/practices/${id}/listing`, listing), 200);
      practices.push(id);
    }
    const askAt = (id: string) => postAs(t.app, person, "/api/counselling-requests", { practiceId: id, kind: "individual", scopes: [] });
    for (const id of practices.slice(0, 3)) expectStatus(await askAt(id), 201);
    expect((await askAt(practices[0]!)).json().error.code).toBe("ALREADY_REQUESTED");
    const fourth = await askAt(practices[3]!);
    expect([fourth.statusCode, fourth.json().error.code]).toEqual([409, "TOO_MANY_OPEN_REQUESTS"]);
    for (const request of await mine(person)) expectStatus(await postAs(t.app, person, `/api/counselling-requests/${request.id}/withdraw`, {}), 200);
    expectStatus(await askAt(practices[3]!), 201);
    expectStatus(await askAt(practices[4]!), 201);
    const sixth = await askAt(practices[5]!);
    expect([sixth.statusCode, sixth.json().error.code]).toEqual([429, "TOO_MANY_REQUESTS_TODAY"]);
    const before = (await mine(person)).length;
    for (const payload of [
      { practiceId, kind: "group", scopes: [] },
      { practiceId, kind: "individual", scopes: ["safe"] },
      { practiceId, kind: "individual", scopes: ["profile", "profile"] },
      { practiceId, kind: "individual", scopes: [], message: "x".repeat(1001) },
      { practiceId, kind: "individual", scopes: [], message: "bell\u0007" },
      { practiceId, kind: "individual", scopes: [], extra: 1 },
    ]) {
      expectStatus(await postAs(t.app, person, "/api/counselling-requests", payload), 400);
    }
    expect((await mine(person)).length).toBe(before);
    const unlisted = await createPractice(t.app, founder, "Unlisted");
    expectStatus(await askAt(unlisted), 404);
  });

  it("lets no one but the person, their partner and the practice's members near a request: every new route × every actor", async () => {
    const person = await newPerson("Requester");
    const partner = await newPerson("Partner");
    const stranger = await newPerson("Stranger");
    await linkCouple(t.app, person, partner);
    const id = (await ask(person, { kind: "couple", message: "A private message" })).json<MyCounsellingRequestsResponse>().requests[0]!.id;
    expectStatus(await postAs(t.app, partner, `/api/counselling-requests/${id}/confirm`, { scopes: [] }), 200);
    const actors = { anonymous: null, owner, admin, counsellor, otherPracticeCounsellor: elsewhere, requester: person, partner, stranger } as const;
    type Name = keyof typeof actors;
    const intakeUrl = `/api/practices/${practiceId}/intake`;
    const rows: Array<{ route: string; call: (who: TestPerson | null) => Promise<LightMyRequestResponse>; expect: Record<Name, number> }> = [
      {
        route: "GET /api/directory",
        call: (who) => t.app.inject({ method: "GET", url: "/api/directory", headers: who ? { cookie: who.cookie } : {} }),
        expect: { anonymous: 200, owner: 200, admin: 200, counsellor: 200, otherPracticeCounsellor: 200, requester: 200, partner: 200, stranger: 200 },
      },
      {
        route: "GET listing",
        call: (who) => t.app.inject({ method: "GET", url: `/api/practices/${practiceId}/listing`, headers: who ? { cookie: who.cookie } : {} }),
        expect: { anonymous: 401, owner: 200, admin: 200, counsellor: 200, otherPracticeCounsellor: 404, requester: 404, partner: 404, stranger: 404 },
      },
      {
        route: "DELETE listing (another practice's)",
        call: (who) => del(t, who, `/api/practices/${otherPracticeId}/listing`),
        expect: { anonymous: 401, owner: 404, admin: 404, counsellor: 404, otherPracticeCounsellor: 204, requester: 404, partner: 404, stranger: 404 },
      },
      {
        route: "GET intake",
        call: (who) => t.app.inject({ method: "GET", url: intakeUrl, headers: who ? { cookie: who.cookie } : {} }),
        expect: { anonymous: 401, owner: 200, admin: 200, counsellor: 200, otherPracticeCounsellor: 404, requester: 404, partner: 404, stranger: 404 },
      },
      {
        route: "GET my requests",
        call: (who) => t.app.inject({ method: "GET", url: "/api/counselling-requests", headers: who ? { cookie: who.cookie } : {} }),
        expect: { anonymous: 401, owner: 200, admin: 200, counsellor: 200, otherPracticeCounsellor: 200, requester: 200, partner: 200, stranger: 200 },
      },
      {
        route: "POST confirm",
        call: (who) =>
          who
            ? postAs(t.app, who, `/api/counselling-requests/${id}/confirm`, { scopes: [] })
            : t.app.inject({ method: "POST", url: `/api/counselling-requests/${id}/confirm`, headers: sameOrigin, payload: { scopes: [] } }),
        expect: { anonymous: 401, owner: 404, admin: 404, counsellor: 404, otherPracticeCounsellor: 404, requester: 404, partner: 409, stranger: 404 },
      },
      {
        route: "POST assign",
        call: (who) =>
          who
            ? postAs(t.app, who, `${intakeUrl}/${id}/assign`, { memberId: counsellorMemberId })
            : t.app.inject({ method: "POST", url: `${intakeUrl}/${id}/assign`, headers: sameOrigin, payload: { memberId: counsellorMemberId } }),
        expect: { anonymous: 401, owner: 200, admin: 200, counsellor: 403, otherPracticeCounsellor: 404, requester: 404, partner: 404, stranger: 404 },
      },
      {
        route: "POST accept (someone else's assignment)",
        call: (who) =>
          who
            ? postAs(t.app, who, `${intakeUrl}/${id}/accept`, {})
            : t.app.inject({ method: "POST", url: `${intakeUrl}/${id}/accept`, headers: sameOrigin, payload: {} }),
        expect: { anonymous: 401, owner: 403, admin: 403, counsellor: 200, otherPracticeCounsellor: 404, requester: 404, partner: 404, stranger: 404 },
      },
    ];
    const failures: string[] = [];
    for (const row of rows) {
      // The counsellor goes last for accept, so every other actor meets the open, assigned request.
      const order = (Object.keys(actors) as Name[]).sort((a, b) => Number(a === "counsellor") - Number(b === "counsellor"));
      for (const name of order) {
        const response = await row.call(actors[name]);
        if (response.statusCode !== row.expect[name]) failures.push(`${name} ${row.route}: ${response.statusCode}, expected ${row.expect[name]}`);
        // Nobody outside the practice, the person and the partner ever reads the message.
        if (["otherPracticeCounsellor", "stranger", "anonymous"].includes(name) && response.body.includes("A private message"))
          failures.push(`${name} ${row.route}: LEAK`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("removes a person's requests with their account, and their partner's request with the partner's", async () => {
    const person = await newPerson("Leaving");
    const partner = await newPerson("Staying");
    await linkCouple(t.app, person, partner);
    const asked = await ask(person, { kind: "couple" });
    expectStatus(asked, 201);
    const id = asked.json<MyCounsellingRequestsResponse>().requests[0]!.id;
    expectStatus(await deleteAccount(t.app, person), 200);
    expect(await t.database.db.selectFrom("counselling_request").select("id").where("id", "=", id).execute()).toEqual([]);
    expect(await mine(partner)).toEqual([]);
  });
});
