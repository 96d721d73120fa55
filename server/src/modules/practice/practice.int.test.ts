// Practices as people meet them: create one (and own it), invite colleagues by email, accept,
// see the practice by role, change roles and remove members; non-members see nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PracticeDetailResponse, PracticesResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { createPractice, getAs, invite, joinPractice, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";

describe.each(dialects)("[%s] practices", (dialect) => {
  let t: TestApp;
  const people = (count: number) => Promise.all(Array.from({ length: count }, () => signUp(t.app)));
  const practicesOf = async (person: TestPerson) => (await getAs(t.app, person, "/api/practices")).json<PracticesResponse>();
  const detail = (person: TestPerson, practiceId: string) => getAs(t.app, person, `/api/practices/${practiceId}`);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("needs a session", async () => {
    for (const url of ["/api/practices", "/api/practices/anything"]) {
      expect((await t.app.inject({ method: "GET", url })).statusCode, url).toBe(401);
    }
  });

  it("makes the creator the owner; the practice is listed with their role and whether two-step sign-in is on", async () => {
    const [olga] = await people(1);
    expect(await practicesOf(olga!)).toEqual({ twoFactorEnabled: false, practices: [] });
    const practiceId = await createPractice(t.app, olga!, "  Riverside Counselling ");
    const listed = await practicesOf(olga!);
    expect(listed.practices).toEqual([{ id: practiceId, name: "Riverside Counselling", role: "owner", joinedAt: expect.any(String) }]);
    const seen = (await detail(olga!, practiceId)).json<PracticeDetailResponse>();
    expect(seen).toMatchObject({ myRole: "owner", twoFactorEnabled: false, invitations: [] });
    expect(seen.members).toEqual([{ memberId: expect.any(String), name: olga!.name, role: "owner", isMe: true, email: olga!.email }]);
  });

  it("takes only a name from the browser: the slug is the server's, and a logo, metadata or someone else's id is refused", async () => {
    const [olga, other] = await people(2);
    const response = await postAs(t.app, olga!, "/api/auth/organization/create", { name: "Harbour", slug: "x" });
    expect(response.statusCode).toBe(200);
    const row = await t.database.db.selectFrom("organization").selectAll().where("id", "=", response.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Harbour", logo: null, metadata: null });
    expect(row.slug).not.toBe("x");
    const otherId = (await getAs(t.app, other!, "/api/me")).json().user.id as string;
    for (const extra of [{ userId: otherId }, { logo: "http://elsewhere.test/x.png" }, { metadata: { a: 1 } }, { keepCurrentActiveOrganization: true }]) {
      const refused = await postAs(t.app, olga!, "/api/auth/organization/create", { name: "Harbour 2", ...extra });
      expect(refused.statusCode, JSON.stringify(extra)).toBe(400);
    }
    expect((await practicesOf(other!)).practices).toEqual([]);
    for (const name of ["", "   ", "x".repeat(101)]) {
      const refused = await postAs(t.app, olga!, "/api/auth/organization/create", { name });
      expect(refused.statusCode, JSON.stringify(name)).toBe(400);
    }
  });

  it("owner invites a counsellor by email (no client data in the email), the counsellor accepts and sees the practice", async () => {
    const [olga, carl] = await people(2);
    const practiceId = await createPractice(t.app, olga!, "Elm Street Practice");
    const before = t.mailer.sent.length;
    const invited = await invite(t.app, olga!, practiceId, carl!.email, "counsellor");
    expect(invited.statusCode).toBe(200);
    const invitationId = invited.json().id as string;
    const emails = t.mailer.sent.slice(before);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.to).toBe(carl!.email);
    expect(emails[0]!.text).toContain(`http://localhost:3000/practice/join/${invitationId}`);
    expect(emails[0]!.text).toContain("Elm Street Practice");
    expect(emails[0]!.text).not.toContain(olga!.email);

    const pending = (await detail(olga!, practiceId)).json<PracticeDetailResponse>();
    expect(pending.invitations).toEqual([{ id: invitationId, email: carl!.email, role: "counsellor", expiresAt: expect.any(String) }]);
    // The invitation lasts seven days.
    const days = (Date.parse(pending.invitations![0]!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // Before accepting, the practice is not Carl's.
    expect((await detail(carl!, practiceId)).statusCode).toBe(404);
    const looked = await getAs(t.app, carl!, `/api/auth/organization/get-invitation?id=${invitationId}`);
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toMatchObject({ organizationName: "Elm Street Practice", role: "counsellor" });
    const accepted = await postAs(t.app, carl!, "/api/auth/organization/accept-invitation", { invitationId });
    expect(accepted.statusCode).toBe(200);

    expect((await practicesOf(carl!)).practices).toEqual([{ id: practiceId, name: "Elm Street Practice", role: "counsellor", joinedAt: expect.any(String) }]);
    const asCounsellor = (await detail(carl!, practiceId)).json<PracticeDetailResponse>();
    expect(asCounsellor.myRole).toBe("counsellor");
    expect(asCounsellor.invitations).toBeNull();
    // Counsellors see their colleagues' names and roles, not their emails.
    expect(asCounsellor.members.map((member) => [member.name, member.role, member.isMe])).toEqual([
      [olga!.name, "owner", false],
      [carl!.name, "counsellor", true],
    ]);
    expect(JSON.stringify(asCounsellor)).not.toContain("@");
    const asOwner = (await detail(olga!, practiceId)).json<PracticeDetailResponse>();
    expect(asOwner.invitations).toEqual([]);
    expect(asOwner.members.map((member) => member.email)).toEqual([olga!.email, carl!.email]);
  });

  it("only owners and admins invite, and only as admin or counsellor", async () => {
    const [olga, carl, ada, newcomer] = await people(4);
    const practiceId = await createPractice(t.app, olga!);
    await joinPractice(t.app, olga!, carl!, practiceId, "counsellor");
    await joinPractice(t.app, olga!, ada!, practiceId, "admin");
    expect((await invite(t.app, carl!, practiceId, newcomer!.email, "counsellor")).statusCode).toBe(403);
    for (const role of ["owner", "member", "superuser", "admin,counsellor"]) {
      expect((await invite(t.app, olga!, practiceId, newcomer!.email, role)).statusCode, role).toBeGreaterThanOrEqual(400);
    }
    const byAdmin = await invite(t.app, ada!, practiceId, newcomer!.email, "counsellor");
    expect(byAdmin.statusCode).toBe(200);
    // Nobody but the invited address may accept.
    const stolen = await postAs(t.app, carl!, "/api/auth/organization/accept-invitation", { invitationId: byAdmin.json().id });
    expect(stolen.statusCode).toBeGreaterThanOrEqual(400);
    expect((await detail(olga!, practiceId)).json<PracticeDetailResponse>().members).toHaveLength(3);
  });

  it("owners and admins change roles (to admin or counsellor) and remove members; counsellors cannot", async () => {
    const [olga, carl, dora] = await people(3);
    const practiceId = await createPractice(t.app, olga!);
    await joinPractice(t.app, olga!, carl!, practiceId, "counsellor");
    await joinPractice(t.app, olga!, dora!, practiceId, "counsellor");
    const members = (await detail(olga!, practiceId)).json<PracticeDetailResponse>().members;
    const memberIdOf = (person: TestPerson) => members.find((member) => member.email === person.email)!.memberId;
    const setRole = (by: TestPerson, who: TestPerson, role: string) =>
      postAs(t.app, by, "/api/auth/organization/update-member-role", { organizationId: practiceId, memberId: memberIdOf(who), role });

    expect((await setRole(carl!, dora!, "admin")).statusCode).toBe(403);
    expect((await setRole(olga!, carl!, "owner")).statusCode).toBe(400);
    expect((await setRole(olga!, carl!, "member")).statusCode).toBe(400);
    expect((await setRole(olga!, carl!, "admin")).statusCode).toBe(200);
    expect((await detail(carl!, practiceId)).json<PracticeDetailResponse>().myRole).toBe("admin");

    const remove = (by: TestPerson, who: TestPerson) =>
      postAs(t.app, by, "/api/auth/organization/remove-member", { organizationId: practiceId, memberIdOrEmail: memberIdOf(who) });
    // Better Auth answers 401 (not 403) when a member may not remove another.
    expect([401, 403]).toContain((await remove(dora!, carl!)).statusCode);
    expect((await remove(carl!, dora!)).statusCode).toBe(200);
    expect((await detail(dora!, practiceId)).statusCode).toBe(404);
    expect((await practicesOf(dora!)).practices).toEqual([]);
  });

  it("answers 404 to non-members and for unknown practices, the same either way", async () => {
    const [olga, stranger] = await people(2);
    const practiceId = await createPractice(t.app, olga!);
    const theirs = await detail(stranger!, practiceId);
    const unknown = await detail(stranger!, "no-such-practice");
    expect(theirs.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(theirs.json()).toEqual(unknown.json());
  });

  it("keeps Better Auth's other organization endpoints closed: lists with emails go through our routes", async () => {
    const [olga] = await people(1);
    const practiceId = await createPractice(t.app, olga!);
    for (const url of [
      `/api/auth/organization/list-members?organizationId=${practiceId}`,
      `/api/auth/organization/get-full-organization?organizationId=${practiceId}`,
      `/api/auth/organization/list-invitations?organizationId=${practiceId}`,
      "/api/auth/organization/list",
    ]) {
      expect((await getAs(t.app, olga!, url)).statusCode, url).toBe(404);
    }
    expect((await postAs(t.app, olga!, "/api/auth/organization/delete", { organizationId: practiceId })).statusCode).toBe(404);
    expect((await postAs(t.app, olga!, "/api/auth/organization/update", { organizationId: practiceId, data: { name: "x" } })).statusCode).toBe(404);
  });

  it("hands a practice to the oldest admin when its only owner deletes their account, and deletes a practice left empty", async () => {
    const [olga, carl, ada] = await people(3);
    const shared = await createPractice(t.app, olga!, "Shared Practice");
    const alone = await createPractice(t.app, olga!, "Olga Alone Counselling");
    await joinPractice(t.app, olga!, carl!, shared, "counsellor");
    await joinPractice(t.app, olga!, ada!, shared, "admin");
    await invite(t.app, olga!, alone, "someone@example.test", "counsellor");
    const deleted = await postAs(t.app, olga!, "/api/auth/delete-user", { password: olga!.password });
    expect(deleted.statusCode).toBe(200);

    const seen = (await detail(carl!, shared)).json<PracticeDetailResponse>();
    expect(seen.members.map((member) => [member.name, member.role])).toEqual([
      [carl!.name, "counsellor"],
      [ada!.name, "owner"],
    ]);
    const remaining = await t.database.db.selectFrom("organization").select("id").where("id", "=", alone).execute();
    expect(remaining).toEqual([]);
    const invitations = await t.database.db.selectFrom("invitation").select("id").where("organizationId", "=", alone).execute();
    expect(invitations).toEqual([]);
  });
});
