// Counselling as people meet it: a counsellor invites a client (a person or a couple) by code;
// each person who accepts chooses what their counsellor sees, changes it, or stops sharing, and
// the counsellor's next request sees exactly that. Nobody else in the practice, nobody of another
// practice and no counsellor without two-step sign-in sees any client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { ClientInvitesResponse, CounsellingRelationsResponse, CreateClientInviteResponse, PracticeClientsResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { deleteAccount, linkCouple } from "../../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";

function putAs(app: FastifyInstance, person: TestPerson, url: string, payload: object) {
  return app.inject({ method: "PUT", url, headers: { ...sameOrigin, cookie: person.cookie }, payload });
}

function deleteAs(app: FastifyInstance, person: TestPerson, url: string) {
  return app.inject({ method: "DELETE", url, headers: { origin: sameOrigin.origin, cookie: person.cookie } });
}

describe.each(dialects)("[%s] counselling: clients in control", (dialect) => {
  let t: TestApp;
  const people = (count: number) => Promise.all(Array.from({ length: count }, () => signUp(t.app)));

  /** A practice owned by a counsellor with two-step sign-in on. */
  async function newCounsellor(): Promise<{ counsellor: TestPerson; practiceId: string }> {
    const [counsellor] = await people(1);
    const practiceId = await createPractice(t.app, counsellor!, "Riverside Counselling");
    await enrolTwoFactor(t.app, counsellor!);
    return { counsellor: counsellor!, practiceId };
  }

  async function inviteClient(counsellor: TestPerson, practiceId: string, kind: "individual" | "couple" = "individual"): Promise<CreateClientInviteResponse> {
    const response = await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CreateClientInviteResponse>();
  }

  const lookup = (person: TestPerson, code: string) => postAs(t.app, person, "/api/counselling/lookup", { code });
  const accept = (person: TestPerson, code: string, scopes: string[] = ["profile", "check-ins"]) =>
    postAs(t.app, person, "/api/counselling/accept", { code, scopes });
  const myCounselling = async (person: TestPerson) => (await getAs(t.app, person, "/api/counselling")).json<CounsellingRelationsResponse>();
  const clientsOf = (counsellor: TestPerson, practiceId: string) => getAs(t.app, counsellor, `/api/practices/${practiceId}/clients`);
  const clientList = async (counsellor: TestPerson, practiceId: string) => {
    const response = await clientsOf(counsellor, practiceId);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PracticeClientsResponse>().clients;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("needs a session for every route", async () => {
    for (const [method, url] of [
      ["GET", "/api/counselling"],
      ["POST", "/api/counselling/lookup"],
      ["POST", "/api/counselling/accept"],
      ["PUT", "/api/counselling/x/scopes"],
      ["DELETE", "/api/counselling/x"],
      ["POST", "/api/practices/p/client-invites"],
      ["GET", "/api/practices/p/client-invites"],
      ["DELETE", "/api/practices/p/client-invites/i"],
      ["GET", "/api/practices/p/clients"],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: { ...sameOrigin }, ...(method === "POST" || method === "PUT" ? { payload: {} } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("a client sees the practice and counsellor first, accepts with the default scopes, and only then is the counsellor's client", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [client] = await people(1);
    const invite = await inviteClient(counsellor, practiceId);
    expect(invite.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect((Date.parse(invite.expiresAt) - Date.parse(invite.createdAt)) / 86_400_000).toBe(7);
    const pending = (await getAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`)).json<ClientInvitesResponse>();
    expect(pending.invites).toEqual([{ id: invite.id, kind: "individual", createdAt: invite.createdAt, expiresAt: invite.expiresAt }]);
    expect(JSON.stringify(pending)).not.toContain(invite.code);

    const looked = await lookup(client!, invite.code.toLowerCase());
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toEqual({
      practice: { name: "Riverside Counselling" },
      counsellor: { name: counsellor.name },
      kind: "individual",
      expiresAt: invite.expiresAt,
    });
    // A lookup shares nothing.
    expect(await clientList(counsellor, practiceId)).toEqual([]);
    expect((await myCounselling(client!)).relations).toEqual([]);

    const accepted = await accept(client!, invite.code);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const relations = accepted.json<CounsellingRelationsResponse>().relations;
    expect(relations).toEqual([
      {
        clientId: expect.any(String),
        practice: { name: "Riverside Counselling" },
        counsellor: { name: counsellor.name },
        kind: "individual",
        scopes: ["profile", "check-ins"],
        since: expect.any(String),
      },
    ]);
    expect(await clientList(counsellor, practiceId)).toEqual([
      { clientId: relations[0]!.clientId, kind: "individual", members: [{ name: client!.name, scopes: ["profile", "check-ins"], since: relations[0]!.since }] },
    ]);
    // The invite is used: gone from the pending list, and the code no longer works for anyone else.
    expect((await getAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`)).json<ClientInvitesResponse>().invites).toEqual([]);
    const [other] = await people(1);
    expect((await accept(other!, invite.code)).statusCode).toBe(404);
    // Accepting again (a retry) is harmless.
    expect((await accept(client!, invite.code)).statusCode).toBe(200);
    expect((await myCounselling(client!)).relations).toHaveLength(1);
  });

  it("a revoked scope is gone from the counsellor's very next request; stopping removes the client from their list at once", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [client] = await people(1);
    const invite = await inviteClient(counsellor, practiceId);
    const clientId = (await accept(client!, invite.code, ["profile", "check-ins", "safety"])).json<CounsellingRelationsResponse>().relations[0]!.clientId;
    expect((await clientList(counsellor, practiceId))[0]!.members[0]!.scopes).toEqual(["profile", "check-ins", "safety"]);

    const changed = await putAs(t.app, client!, `/api/counselling/${clientId}/scopes`, { scopes: ["check-ins", "notes"] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<CounsellingRelationsResponse>().relations[0]!.scopes).toEqual(["check-ins", "notes"]);
    expect((await clientList(counsellor, practiceId))[0]!.members[0]!.scopes).toEqual(["check-ins", "notes"]);
    expect((await putAs(t.app, client!, `/api/counselling/${clientId}/scopes`, { scopes: [] })).statusCode).toBe(200);
    expect((await clientList(counsellor, practiceId))[0]!.members[0]!.scopes).toEqual([]);

    expect((await deleteAs(t.app, client!, `/api/counselling/${clientId}`)).statusCode).toBe(204);
    expect(await clientList(counsellor, practiceId)).toEqual([]);
    expect((await myCounselling(client!)).relations).toEqual([]);
    // Nothing left to change; stopping again is harmless.
    expect((await putAs(t.app, client!, `/api/counselling/${clientId}/scopes`, { scopes: ["profile"] })).statusCode).toBe(404);
    expect((await deleteAs(t.app, client!, `/api/counselling/${clientId}`)).statusCode).toBe(204);
  });

  it("a client may share with several practices at once, each separately; one practice once", async () => {
    const first = await newCounsellor();
    const second = await newCounsellor();
    const [client] = await people(1);
    await accept(client!, (await inviteClient(first.counsellor, first.practiceId)).code, ["profile"]);
    const both = await accept(client!, (await inviteClient(second.counsellor, second.practiceId)).code, ["check-ins"]);
    const relations = both.json<CounsellingRelationsResponse>().relations;
    expect(relations.map((relation) => relation.scopes)).toEqual([["profile"], ["check-ins"]]);
    expect((await deleteAs(t.app, client!, `/api/counselling/${relations[0]!.clientId}`)).statusCode).toBe(204);
    expect(await clientList(first.counsellor, first.practiceId)).toEqual([]);
    expect((await clientList(second.counsellor, second.practiceId))[0]!.members[0]!.scopes).toEqual(["check-ins"]);

    const again = await accept(client!, (await inviteClient(second.counsellor, second.practiceId)).code);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_CLIENT");
  });

  it("a couple invite: two linked partners accept separately with their own scopes; a non-partner and an unlinked person cannot", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [ana, ben, cleo, dan, solo] = await people(5);
    await linkCouple(t.app, ana!, ben!);
    await linkCouple(t.app, cleo!, dan!);
    const invite = await inviteClient(counsellor, practiceId, "couple");
    expect((await lookup(solo!, invite.code)).json().kind).toBe("couple");

    const unlinked = await accept(solo!, invite.code);
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().error.code).toBe("NOT_LINKED");

    expect((await accept(ana!, invite.code, ["profile"])).statusCode).toBe(200);
    expect((await clientList(counsellor, practiceId))[0]).toMatchObject({ kind: "couple", members: [{ name: ana!.name, scopes: ["profile"] }] });
    // Still pending for the partner.
    expect((await getAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`)).json<ClientInvitesResponse>().invites).toHaveLength(1);

    for (const outsider of [cleo!, solo!]) {
      const refused = await accept(outsider, invite.code);
      expect(refused.statusCode).toBe(409);
    }
    const byBen = await accept(ben!, invite.code, ["check-ins", "safety"]);
    expect(byBen.statusCode, byBen.body).toBe(200);
    expect(byBen.json<CounsellingRelationsResponse>().relations[0]).toMatchObject({ kind: "couple", scopes: ["check-ins", "safety"] });
    const [client] = await clientList(counsellor, practiceId);
    expect(client!.members.map((member) => [member.name, member.scopes])).toEqual([
      [ana!.name, ["profile"]],
      [ben!.name, ["check-ins", "safety"]],
    ]);
    // Used by both: no third acceptance.
    expect((await accept(dan!, invite.code)).statusCode).toBe(404);

    // One partner stops: the other stays the counsellor's client with their own scopes.
    expect((await deleteAs(t.app, ana!, `/api/counselling/${client!.clientId}`)).statusCode).toBe(204);
    expect((await clientList(counsellor, practiceId))[0]!.members.map((member) => member.name)).toEqual([ben!.name]);
    expect((await myCounselling(ana!)).relations).toEqual([]);
  });

  it("expired, used, cancelled and unknown codes get one and the same 404; a malformed code is 400", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [client, someone] = await people(2);
    const expired = await inviteClient(counsellor, practiceId);
    await t.database.db
      .updateTable("client_invite")
      .set({ expires_at: Date.now() - 1 })
      .where("id", "=", expired.id)
      .execute();
    const used = await inviteClient(counsellor, practiceId);
    expect((await accept(someone!, used.code)).statusCode).toBe(200);
    const cancelled = await inviteClient(counsellor, practiceId);
    expect((await deleteAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites/${cancelled.id}`)).statusCode).toBe(204);
    expect((await deleteAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites/${cancelled.id}`)).statusCode).toBe(404);
    const bodies = new Set<string>();
    for (const code of [expired.code, used.code, cancelled.code, "ZZZZZ-ZZZZZ"]) {
      for (const response of [await lookup(client!, code), await accept(client!, code)]) {
        expect(response.statusCode, code).toBe(404);
        bodies.add(response.body);
      }
    }
    expect(bodies.size).toBe(1);
    const malformed = await lookup(client!, "not a code");
    expect(malformed.statusCode).toBe(400);
    expect((await myCounselling(client!)).relations).toEqual([]);
  });

  it("answers 429 after ten failed codes in an hour, even for a good code", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [guesser] = await people(1);
    const good = await inviteClient(counsellor, practiceId);
    for (let index = 0; index < 10; index += 1) expect((await lookup(guesser!, `ZZZZZ-ZZZ${String(index).padStart(2, "0")}`)).statusCode).toBe(404);
    expect((await lookup(guesser!, good.code)).statusCode).toBe(429);
    expect((await accept(guesser!, good.code)).statusCode).toBe(429);
    expect(await clientList(counsellor, practiceId)).toEqual([]);
  });

  it("nobody but the client's counsellor with two-step sign-in sees the client: not another practice, not an admin or owner, not without two-step sign-in", async () => {
    const { counsellor: owner, practiceId } = await newCounsellor();
    const [carl, ada, client, stranger] = await people(4);
    await joinPractice(t.app, owner, carl!, practiceId, "counsellor");
    await joinPractice(t.app, owner, ada!, practiceId, "admin");
    await enrolTwoFactor(t.app, ada!);
    const other = await newCounsellor();

    // Carl invites without two-step sign-in (an invite carries no client data) and his client accepts.
    const invite = await inviteClient(carl!, practiceId);
    expect((await accept(client!, invite.code)).statusCode).toBe(200);
    const withoutTwoFactor = await clientsOf(carl!, practiceId);
    expect(withoutTwoFactor.statusCode).toBe(403);
    expect(withoutTwoFactor.json().error.code).toBe("TWO_FACTOR_REQUIRED");
    expect(withoutTwoFactor.body).not.toContain(client!.name);

    // The owner and the admin of the same practice see none of Carl's clients, nor his invites.
    for (const colleague of [owner, ada!]) {
      expect(await clientList(colleague, practiceId)).toEqual([]);
      expect((await getAs(t.app, colleague, `/api/practices/${practiceId}/client-invites`)).json<ClientInvitesResponse>().invites).toEqual([]);
      expect((await deleteAs(t.app, colleague, `/api/practices/${practiceId}/client-invites/${invite.id}`)).statusCode).toBe(404);
    }
    // Another practice's counsellor and a stranger: the practice is not found.
    for (const outsider of [other.counsellor, stranger!]) {
      for (const url of [`/api/practices/${practiceId}/clients`, `/api/practices/${practiceId}/client-invites`]) {
        const response = await getAs(t.app, outsider, url);
        expect(response.statusCode, url).toBe(404);
        expect(response.body).not.toContain(client!.name);
      }
      expect((await postAs(t.app, outsider, `/api/practices/${practiceId}/client-invites`, { kind: "individual" })).statusCode).toBe(404);
    }
    // With two-step sign-in on, Carl sees his client.
    await enrolTwoFactor(t.app, carl!);
    expect((await clientList(carl!, practiceId)).map((entry) => entry.members[0]!.name)).toEqual([client!.name]);
    // Someone else's relation cannot be changed or ended by anyone but its member.
    const clientId = (await myCounselling(client!)).relations[0]!.clientId;
    expect((await putAs(t.app, carl!, `/api/counselling/${clientId}/scopes`, { scopes: ["safety", "notes"] })).statusCode).toBe(404);
    expect((await deleteAs(t.app, stranger!, `/api/counselling/${clientId}`)).statusCode).toBe(204);
    expect((await myCounselling(client!)).relations[0]!.scopes).toEqual(["profile", "check-ins"]);
  });

  it("an account deletion ends its relations: a client's disappears from the list; a counsellor's from their clients' pages", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [leaving, staying] = await people(2);
    await accept(leaving!, (await inviteClient(counsellor, practiceId)).code);
    await accept(staying!, (await inviteClient(counsellor, practiceId)).code);
    expect((await deleteAccount(t.app, leaving!)).statusCode).toBe(200);
    expect((await clientList(counsellor, practiceId)).map((client) => client.members[0]!.name)).toEqual([staying!.name]);

    const pending = await inviteClient(counsellor, practiceId);
    expect((await deleteAccount(t.app, counsellor)).statusCode).toBe(200);
    expect((await myCounselling(staying!)).relations).toEqual([]);
    const [someone] = await people(1);
    expect((await lookup(someone!, pending.code)).statusCode).toBe(404);
  });

  it("a counsellor cannot accept their own invite", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const invite = await inviteClient(counsellor, practiceId);
    expect((await accept(counsellor, invite.code)).statusCode).toBe(422);
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const { counsellor, practiceId } = await newCounsellor();
    const [client] = await people(1);
    const invite = await inviteClient(counsellor, practiceId);
    for (const payload of [
      {},
      { code: invite.code },
      { code: invite.code, scopes: ["overview"] },
      { code: invite.code, scopes: ["profile", "profile"] },
      { code: invite.code, scopes: "profile" },
      { code: invite.code, scopes: ["profile"], extra: true },
      { code: 12, scopes: [] },
    ]) {
      const response = await postAs(t.app, client!, "/api/counselling/accept", payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await myCounselling(client!)).relations).toEqual([]);
    const clientId = (await accept(client!, invite.code)).json<CounsellingRelationsResponse>().relations[0]!.clientId;
    for (const payload of [{}, { scopes: ["everything"] }, { scopes: ["notes"], more: 1 }]) {
      expect((await putAs(t.app, client!, `/api/counselling/${clientId}/scopes`, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    for (const payload of [{}, { kind: "group" }, { kind: "individual", counsellorId: "x" }]) {
      expect((await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await myCounselling(client!)).relations[0]!.scopes).toEqual(["profile", "check-ins"]);
    expect((await getAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`)).json<ClientInvitesResponse>().invites).toEqual([]);
  });
});
