// A counsellor's lists page by page (decision 040): walking every page of "my clients" and "my open
// invites" gives each row exactly once, in order, whatever the page size, with rows that share a
// creation time; a cursor or page size the server did not offer is refused (400) and never reaches
// a query; the pages hold only the asking counsellor's own rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { MAX_PAGE_SIZE, type ClientInvitesResponse, type PracticeClientsResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { createPractice, enrolTwoFactor, getAs, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";

describe.each(dialects)("[%s] counselling: a counsellor's lists, page by page", (dialect) => {
  let t: TestApp;
  let counsellor: TestPerson;
  let colleague: TestPerson;
  let practiceId: string;
  /** The counsellor's clients in the order the list must give them: (created_at, id). */
  let expectedClientIds: string[];
  let colleagueClientIds: string[];
  let realClientName: string;

  /** Clients written straight into the tables (as the scale bench does): sign-ups would hash a password each. */
  async function insertClients(counsellorId: string, createdAts: readonly number[]): Promise<string[]> {
    const db = t.database.db;
    const sqlite = t.database.dialect === "sqlite";
    const ids: string[] = [];
    for (const [index, createdAt] of createdAts.entries()) {
      const clientId = randomUUID();
      const couple = index % 3 === 0;
      await db
        .insertInto("practice_client")
        .values({ id: clientId, practice_id: practiceId, counsellor_id: counsellorId, kind: couple ? "couple" : "individual", created_at: createdAt })
        .execute();
      for (const member of couple ? [0, 1] : [0]) {
        const userId = randomUUID();
        const date = new Date(createdAt).toISOString();
        await db
          .insertInto("user")
          .values({
            id: userId,
            name: `Paged ${index}${member}`,
            email: `${userId}@example.test`,
            emailVerified: sqlite ? 1 : true,
            image: null,
            createdAt: date,
            updatedAt: date,
            twoFactorEnabled: sqlite ? 0 : false,
          })
          .execute();
        await db
          .insertInto("practice_client_member")
          .values({ client_id: clientId, practice_id: practiceId, user_id: userId, joined_at: createdAt + member })
          .execute();
        if (index % 2 === 0)
          await db.insertInto("client_consent").values({ client_id: clientId, user_id: userId, scope: "profile", granted_at: createdAt }).execute();
      }
      ids.push(clientId);
    }
    return ids;
  }

  const userIdOf = async (person: TestPerson) =>
    (await t.database.db.selectFrom("user").select("id").where("email", "=", person.email).executeTakeFirstOrThrow()).id;

  const byCreationThenId = (rows: ReadonlyArray<{ id: string; at: number }>) =>
    [...rows].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.id);

  async function walk<Page extends { nextCursor: string | null }>(person: TestPerson, path: string, limit: number): Promise<Page[]> {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const response = await getAs(t.app, person, `${path}?limit=${limit}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Page>();
      pages.push(page);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThan(100);
    } while (cursor !== null);
    return pages;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    [counsellor, colleague] = (await Promise.all([signUp(t.app), signUp(t.app)])) as [TestPerson, TestPerson];
    practiceId = await createPractice(t.app, counsellor);
    await joinPractice(t.app, counsellor, colleague, practiceId, "counsellor");
    await enrolTwoFactor(t.app, counsellor);
    await enrolTwoFactor(t.app, colleague);
    // One client through the real invite, so the page carries what a person chose to share.
    const person = await signUp(t.app);
    realClientName = person.name;
    const realClientId = await acceptClientInvite(t.app, person, await inviteClient(t.app, counsellor, practiceId), ["profile", "check-ins"]);
    const realCreatedAt = Number(
      (await t.database.db.selectFrom("practice_client").select("created_at").where("id", "=", realClientId).executeTakeFirstOrThrow()).created_at,
    );
    // Many clients made in the same millisecond, so the order and the cursor rest on the id too.
    const createdAts = [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 6, 7, 7, 8, 9, 9, 9].map((offset) => Date.UTC(2026, 0, 1) + offset);
    const inserted = await insertClients(await userIdOf(counsellor), createdAts);
    expectedClientIds = byCreationThenId([...inserted.map((id, index) => ({ id, at: createdAts[index]! })), { id: realClientId, at: realCreatedAt }]);
    colleagueClientIds = await insertClients(await userIdOf(colleague), [Date.UTC(2026, 0, 1) + 3, Date.UTC(2026, 0, 1) + 3]);
  });
  afterAll(async () => t.close());

  it.each([1, 4, 7, 23, MAX_PAGE_SIZE])("walks the counsellor's clients %i at a time: every client once, in order, only their own", async (limit) => {
    const pages = await walk<PracticeClientsResponse>(counsellor, `/api/practices/${practiceId}/clients`, limit);
    const ids = pages.flatMap((page) => page.clients.map((client) => client.clientId));
    expect(ids).toEqual(expectedClientIds);
    for (const page of pages) expect(page.clients.length).toBeLessThanOrEqual(limit);
    expect(pages.slice(0, -1).every((page) => page.clients.length === limit)).toBe(true);
    expect(ids.some((id) => colleagueClientIds.includes(id))).toBe(false);
  });

  it("gives each client's members and what each shares, on whichever page the client falls", async () => {
    const clients = (await walk<PracticeClientsResponse>(counsellor, `/api/practices/${practiceId}/clients`, 2)).flatMap((page) => page.clients);
    expect(clients.find((client) => client.members.some((member) => member.name === realClientName))?.members).toEqual([
      expect.objectContaining({ name: realClientName, scopes: ["profile", "check-ins"] }),
    ]);
    const couple = clients.find((client) => client.members.some((member) => member.name === "Paged 00"));
    expect(couple?.kind).toBe("couple");
    expect(couple?.members.map((member) => [member.name, member.scopes])).toEqual([
      ["Paged 00", ["profile"]],
      ["Paged 01", ["profile"]],
    ]);
    expect(clients.find((client) => client.members.some((member) => member.name === "Paged 10"))?.members.map((member) => member.scopes)).toEqual([[]]);
  });

  it("answers the first page of 50 by default, and says when there is no next page", async () => {
    const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients`);
    expect(response.statusCode).toBe(200);
    const page = response.json<PracticeClientsResponse>();
    expect(page.clients.map((client) => client.clientId)).toEqual(expectedClientIds);
    expect(page.nextCursor).toBeNull();
  });

  it("a client added after the first page was read comes on a later page, and none is repeated", async () => {
    const first = (await getAs(t.app, colleague, `/api/practices/${practiceId}/clients?limit=1`)).json<PracticeClientsResponse>();
    const [added] = await insertClients(await userIdOf(colleague), [Date.UTC(2026, 0, 2)]);
    const rest = (
      await getAs(t.app, colleague, `/api/practices/${practiceId}/clients?limit=10&cursor=${encodeURIComponent(first.nextCursor!)}`)
    ).json<PracticeClientsResponse>();
    expect([...first.clients, ...rest.clients].map((client) => client.clientId)).toEqual([...[...colleagueClientIds].sort(), added]);
    expect(rest.nextCursor).toBeNull();
  });

  it("walks the counsellor's open invites a few at a time: each once, oldest first, never a code", async () => {
    const codes: string[] = [];
    for (let index = 0; index < 7; index += 1) codes.push(await inviteClient(t.app, counsellor, practiceId, index % 2 === 0 ? "individual" : "couple"));
    await inviteClient(t.app, colleague, practiceId);
    const all = (await getAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites?limit=${MAX_PAGE_SIZE}`)).json<ClientInvitesResponse>();
    expect(all.invites).toHaveLength(7);
    expect(all.nextCursor).toBeNull();
    const pages = await walk<ClientInvitesResponse>(counsellor, `/api/practices/${practiceId}/client-invites`, 3);
    expect(pages.map((page) => page.invites.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.invites)).toEqual(all.invites);
    expect(byCreationThenId(all.invites.map((invite) => ({ id: invite.id, at: Date.parse(invite.createdAt) })))).toEqual(
      all.invites.map((invite) => invite.id),
    );
    for (const code of codes) expect(JSON.stringify(pages)).not.toContain(code);
  });

  it.each([
    ["a cursor the server never gave", "cursor=not-a-cursor"],
    ["a cursor with a NUL", "cursor=1.a%00b"],
    ["a cursor with a path", "cursor=1.a%2Fb"],
    ["a cursor of the wrong shape", "cursor=.abc"],
    ["an empty cursor", "cursor="],
    ["a page size above the maximum", `limit=${MAX_PAGE_SIZE + 1}`],
    ["a page size of zero", "limit=0"],
    ["a page size that is not a number", "limit=ten"],
    ["a fractional page size", "limit=2.5"],
    ["an unknown parameter", "offset=10"],
  ])("refuses %s (400) on both lists", async (_what, query) => {
    for (const path of ["clients", "client-invites"]) {
      const response = await getAs(t.app, counsellor, `/api/practices/${practiceId}/${path}?${query}`);
      expect(response.statusCode, `${path}?${query}: ${response.body}`).toBe(400);
      expect(response.body).not.toContain("Paged");
    }
  });

  it("keeps the gates with a cursor: a stranger is not found, a counsellor without two-step sign-in is refused", async () => {
    const page = (await getAs(t.app, counsellor, `/api/practices/${practiceId}/clients?limit=2`)).json<PracticeClientsResponse>();
    const cursor = encodeURIComponent(page.nextCursor!);
    const stranger = await signUp(t.app);
    expect((await getAs(t.app, stranger, `/api/practices/${practiceId}/clients?cursor=${cursor}`)).statusCode).toBe(404);
    expect((await getAs(t.app, stranger, `/api/practices/${practiceId}/client-invites?cursor=${cursor}`)).statusCode).toBe(404);
    const newcomer = await signUp(t.app);
    await joinPractice(t.app, counsellor, newcomer, practiceId, "counsellor");
    expect((await getAs(t.app, newcomer, `/api/practices/${practiceId}/clients?cursor=${cursor}`)).statusCode).toBe(403);
    // Another counsellor's cursor only moves through their own list: it never shows the counsellor's clients.
    const theirs = (await getAs(t.app, colleague, `/api/practices/${practiceId}/clients?cursor=${cursor}`)).json<PracticeClientsResponse>();
    expect(theirs.clients.some((client) => expectedClientIds.includes(client.clientId))).toBe(false);
    expect((await postAs(t.app, stranger, `/api/practices/${practiceId}/client-invites`, { kind: "individual" })).statusCode).toBe(404);
  });
});
