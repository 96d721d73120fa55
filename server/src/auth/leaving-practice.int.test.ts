// What ends with a practice membership, and with an account: a counsellor removed from a practice
// or leaving it stops being their clients' counsellor there (relations, consents and open invites
// end, so being invited back shows nobody), members are named by id only when removed, and a
// client whose last member deletes their account goes with its pending invite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CounsellingRelationsResponse, CreateClientInviteResponse, PracticeClientsResponse, PracticeDetailResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../test/auth-helpers.js";
import { deleteAccount, linkCouple } from "../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../test/practice-helpers.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] leaving a practice, and deleting an account, end client relations", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  const people = (count: number) => Promise.all(Array.from({ length: count }, () => signUp(t.app)));

  async function inviteClient(counsellor: TestPerson, practiceId: string, kind: "individual" | "couple" = "individual"): Promise<CreateClientInviteResponse> {
    const response = await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CreateClientInviteResponse>();
  }
  const accept = async (person: TestPerson, code: string) => {
    const response = await postAs(t.app, person, "/api/counselling/accept", { code, scopes: ["profile", "check-ins"] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CounsellingRelationsResponse>().relations;
  };
  const relationsOf = async (person: TestPerson) => (await getAs(t.app, person, "/api/counselling")).json<CounsellingRelationsResponse>().relations;
  const clientsOf = async (counsellor: TestPerson, practiceId: string) => {
    const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PracticeClientsResponse>().clients;
  };
  const memberIdOf = async (owner: TestPerson, practiceId: string, person: TestPerson) =>
    (await getAs(t.app, owner, `/api/practices/${practiceId}`)).json<PracticeDetailResponse>().members.find((member) => member.email === person.email)!
      .memberId;
  const rowsOfCounsellor = async (practiceId: string, counsellor: TestPerson) => {
    const userId = (await getAs(t.app, counsellor, "/api/me")).json().user.id as string;
    const clients = await t.database.db
      .selectFrom("practice_client")
      .select("id")
      .where("practice_id", "=", practiceId)
      .where("counsellor_id", "=", userId)
      .execute();
    const pending = await t.database.db
      .selectFrom("client_invite")
      .select("id")
      .where("practice_id", "=", practiceId)
      .where("counsellor_id", "=", userId)
      .where("status", "=", "pending")
      .execute();
    return { clients: clients.length, pendingInvites: pending.length };
  };

  /** A practice whose owner has two-step sign-in, and a colleague counsellor with it who has one client and one open invite. */
  async function counsellorWithClient() {
    const [owner, counsellor, client, later] = await people(4);
    const practiceId = await createPractice(t.app, owner!, "Harbour Counselling");
    await enrolTwoFactor(t.app, owner!);
    await joinPractice(t.app, owner!, counsellor!, practiceId, "counsellor");
    await enrolTwoFactor(t.app, counsellor!);
    await accept(client!, (await inviteClient(counsellor!, practiceId)).code);
    const open = await inviteClient(counsellor!, practiceId);
    expect(await clientsOf(counsellor!, practiceId)).toHaveLength(1);
    expect(await relationsOf(client!)).toHaveLength(1);
    return { owner: owner!, counsellor: counsellor!, client: client!, later: later!, practiceId, openCode: open.code };
  }

  it("a counsellor removed from the practice: their clients' relations and consents end, their open invites stop, and invited back they see no former client", async () => {
    const { owner, counsellor, client, later, practiceId, openCode } = await counsellorWithClient();
    const removed = await postAs(t.app, owner, "/api/auth/organization/remove-member", {
      organizationId: practiceId,
      memberIdOrEmail: await memberIdOf(owner, practiceId, counsellor),
    });
    expect(removed.statusCode, removed.body).toBe(200);

    expect(await relationsOf(client)).toEqual([]);
    expect(await rowsOfCounsellor(practiceId, counsellor)).toEqual({ clients: 0, pendingInvites: 0 });
    expect(
      await t.database.db
        .selectFrom("client_consent")
        .select("scope")
        .where("user_id", "=", (await getAs(t.app, client, "/api/me")).json().user.id)
        .execute(),
    ).toEqual([]);
    expect((await postAs(t.app, later, "/api/counselling/lookup", { code: openCode })).statusCode).toBe(404);

    await joinPractice(t.app, owner, counsellor, practiceId, "counsellor");
    expect(await clientsOf(counsellor, practiceId)).toEqual([]);
  });

  it("a counsellor who leaves the practice: the same", async () => {
    const { owner, counsellor, client, practiceId } = await counsellorWithClient();
    const left = await postAs(t.app, counsellor, "/api/auth/organization/leave", { organizationId: practiceId });
    expect(left.statusCode, left.body).toBe(200);
    expect(await relationsOf(client)).toEqual([]);
    expect(await rowsOfCounsellor(practiceId, counsellor)).toEqual({ clients: 0, pendingInvites: 0 });
    await joinPractice(t.app, owner, counsellor, practiceId, "counsellor");
    expect(await clientsOf(counsellor, practiceId)).toEqual([]);
  });

  it("a refused removal ends nothing, and a member is named by id only: an email is refused before anything is looked up", async () => {
    const { owner, counsellor, client, practiceId } = await counsellorWithClient();
    const [stranger] = await people(1);
    for (const [by, email] of [
      [owner, counsellor.email],
      [owner, "nobody@example.test"],
      [stranger!, counsellor.email],
      [stranger!, "nobody@example.test"],
    ] as const) {
      const refused = await postAs(t.app, by, "/api/auth/organization/remove-member", { organizationId: practiceId, memberIdOrEmail: email });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe("MEMBER_ID_REQUIRED");
    }
    // A removal Better Auth refuses (a counsellor may not remove anyone; nobody removes the last
    // owner) ends nothing.
    const ownerId = await memberIdOf(owner, practiceId, owner);
    const counsellorId = await memberIdOf(owner, practiceId, counsellor);
    for (const [by, memberId] of [
      [counsellor, ownerId],
      [counsellor, counsellorId],
      [stranger!, counsellorId],
    ] as const) {
      const refused = await postAs(t.app, by, "/api/auth/organization/remove-member", { organizationId: practiceId, memberIdOrEmail: memberId });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect(await relationsOf(client)).toHaveLength(1);
    expect(await clientsOf(counsellor, practiceId)).toHaveLength(1);
  });

  it("a client whose only member deletes their account goes; a couple client waiting for the second partner goes with its pending invite", async () => {
    const [counsellor, alone, ann, ben] = await people(4);
    const practiceId = await createPractice(t.app, counsellor!, "Quay Counselling");
    await enrolTwoFactor(t.app, counsellor!);
    await accept(alone!, (await inviteClient(counsellor!, practiceId)).code);
    await linkCouple(t.app, ann!, ben!);
    const coupleInvite = await inviteClient(counsellor!, practiceId, "couple");
    await accept(ann!, coupleInvite.code);
    expect(await clientsOf(counsellor!, practiceId)).toHaveLength(2);

    expect((await deleteAccount(t.app, alone!)).statusCode).toBe(200);
    expect((await deleteAccount(t.app, ann!)).statusCode).toBe(200);
    expect(await clientsOf(counsellor!, practiceId)).toEqual([]);
    expect(await rowsOfCounsellor(practiceId, counsellor!)).toEqual({ clients: 0, pendingInvites: 0 });
    const invite = await t.database.db.selectFrom("client_invite").select(["status", "client_id"]).where("id", "=", coupleInvite.id).executeTakeFirstOrThrow();
    expect(invite).toEqual({ status: "cancelled", client_id: null });
    // The partner can no longer complete it.
    expect((await postAs(t.app, ben!, "/api/counselling/accept", { code: coupleInvite.code, scopes: ["profile"] })).statusCode).toBe(404);
  });
});
