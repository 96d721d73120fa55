// Names a person or a practice chooses reach emails and printed reports: the one rule for them
// (decision 031) is enforced at every way in, and an invitation email quotes a practice's name
// apart from our own words even when the stored name predates the rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, signUp } from "../../test/auth-helpers.js";
import { createPractice, invite, postAs } from "../../test/practice-helpers.js";
import { dialects } from "../../test/test-databases.js";
import { emailSubjects } from "../platform/email-templates.js";

/** A name written to make an email read as the operator's, with each way of breaking a line. */
const lineBreakers = ["\n", "\r\n", "\u2028", "\u0085", "\u202e", "\t"];
const nameWith = (breaker: string) => `Harbour Counselling${breaker}Your account is locked: confirm at https://evil.example/login`;

describe.each(dialects)("[%s] chosen names", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("refuses a practice name that is not one line, and creates no practice", async () => {
    const owner = await signUp(t.app);
    for (const breaker of lineBreakers) {
      const response = await postAs(t.app, owner, "/api/auth/organization/create", { name: nameWith(breaker) });
      expect(response.statusCode, JSON.stringify(breaker)).toBe(400);
      expect(response.json()).toMatchObject({ code: "PRACTICE_NAME_INVALID" });
    }
    expect(await t.database.db.selectFrom("organization").select("id").execute()).toEqual([]);
    expect((await postAs(t.app, owner, "/api/auth/organization/create", { name: "  Harbour Counselling  " })).statusCode).toBe(200);
  });

  it("refuses a person's name that is not one line, at sign-up and on renaming, and keeps the old name", async () => {
    const person = await signUp(t.app);
    for (const breaker of lineBreakers) {
      const renamed = await postAs(t.app, person, "/api/auth/update-user", { name: `Ana${breaker}Mutual team` });
      expect(renamed.statusCode, JSON.stringify(breaker)).toBe(400);
    }
    expect((await getMe(t.app, person.cookie)).json().user.name).toBe(person.name);
  });

  it("quotes a practice's name on a line of its own in the invitation, even a stored name from before the rule", async () => {
    const owner = await signUp(t.app);
    const practiceId = await createPractice(t.app, owner, "Harbour Counselling");
    // A name stored before the rule existed, with every kind of line break.
    const legacyName = lineBreakers.map((breaker) => nameWith(breaker)).join("");
    await t.database.db.updateTable("organization").set({ name: legacyName }).where("id", "=", practiceId).execute();
    const invitee = `invitee.${Date.now()}@example.test`;
    expect((await invite(t.app, owner, practiceId, invitee, "counsellor")).statusCode).toBe(200);
    const email = t.mailer.sent.filter((sent) => sent.to === invitee).at(-1);
    expect(email?.subject).toBe(emailSubjects.practiceInvitation);
    const lines = email!.text.split("\n");
    const carrying = lines.filter((line) => line.includes("evil.example") || line.includes("locked"));
    expect(carrying).toHaveLength(1);
    expect(carrying[0]!.startsWith("> ")).toBe(true);
    expect(lines[lines.indexOf(carrying[0]!) - 1]).toMatch(/Mutual did not write it:/);
    expect(email!.text).not.toMatch(/[\r\u2028\u0085\u202e\t]/);
  });
});
