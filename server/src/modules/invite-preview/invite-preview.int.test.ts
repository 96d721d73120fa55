// An invite link opened by someone not signed in (decision 058): the inviter's name and the
// practice's, one answer for every code that does not work, and a limit per address.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateClientInviteResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { nextTestIp, sameOrigin, signUp } from "../../../test/auth-helpers.js";
import { acceptInvite, createInvite } from "../../../test/couple-helpers.js";
import { createPractice, enrolTwoFactor, invite, postAs } from "../../../test/practice-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { PREVIEW_LIMIT } from "./invite-preview.policy.js";

const notValid = { error: { code: "INVITE_NOT_VALID", message: "This invite link is not valid. Ask the person who sent it for a new one." } };

describe.each(dialects)("[%s] invite preview", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t.close());

  const preview = (payload: unknown, ip = nextTestIp()): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: "POST", url: "/api/invites/preview", headers: sameOrigin, payload: payload as object, remoteAddress: ip });

  it("names the partner who invites, to someone not signed in, and nothing else", async () => {
    const ana = await signUp(t.app);
    const code = await createInvite(t.app, ana);
    const response = await preview({ kind: "partner", code: code.toLowerCase() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: "partner", inviter: { name: ana.name }, practice: null });
    expect(response.body).not.toContain(ana.email);
  });

  it("names the counsellor and the practice of a client invite, and the practice of a colleague's invitation", async () => {
    const counsellor = await signUp(t.app);
    const practiceId = await createPractice(t.app, counsellor, "Harbour Lane Counselling");
    await enrolTwoFactor(t.app, counsellor);
    const clientInvite = (
      await postAs(t.app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind: "individual" })
    ).json<CreateClientInviteResponse>();
    expect((await preview({ kind: "client", code: clientInvite.code })).json()).toEqual({
      kind: "client",
      inviter: { name: counsellor.name },
      practice: { name: "Harbour Lane Counselling" },
    });

    const invited = await invite(t.app, counsellor, practiceId, "colleague@example.test", "counsellor");
    const invitationId = (invited.json() as { id: string }).id;
    const colleague = await preview({ kind: "colleague", code: invitationId });
    expect(colleague.json()).toEqual({ kind: "colleague", inviter: { name: counsellor.name }, practice: { name: "Harbour Lane Counselling" } });
    expect(colleague.body).not.toContain("colleague@example.test");
  });

  it("answers unknown, used, expired, malformed and wrong-kind codes alike, and leaves a working invite working", async () => {
    const [ana, ben] = [await signUp(t.app), await signUp(t.app)];
    const used = await createInvite(t.app, ana);
    expect((await acceptInvite(t.app, ben, used)).statusCode).toBe(200);
    const carl = await signUp(t.app);
    const open = await createInvite(t.app, carl);
    const answers = await Promise.all([
      preview({ kind: "partner", code: "ZZZZZ-ZZZZZ" }),
      preview({ kind: "partner", code: used }),
      preview({ kind: "partner", code: "not a code" }),
      preview({ kind: "client", code: open }),
      preview({ kind: "colleague", code: "00000000-0000-4000-8000-000000000000" }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toEqual(notValid);
    }
    // Looking, even under the wrong kind, neither counts against nor cancels the invite.
    expect((await preview({ kind: "partner", code: open })).json()).toEqual({ kind: "partner", inviter: { name: carl.name }, practice: null });
    now += 8 * 24 * 60 * 60 * 1000;
    const expired = await preview({ kind: "partner", code: open });
    expect(expired.json()).toEqual(notValid);
    now = Date.now();
  });

  it("refuses a body that is not a preview with 400", async () => {
    for (const payload of [
      {},
      { kind: "stranger", code: "ABCDE-12345" },
      { kind: "partner" },
      { kind: "partner", code: "" },
      { kind: "partner", code: "A", extra: 1 },
    ]) {
      expect((await preview(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it(`allows ${PREVIEW_LIMIT} looks per address in the window, then 429`, async () => {
    const ip = nextTestIp();
    for (let look = 0; look < PREVIEW_LIMIT; look += 1) expect((await preview({ kind: "partner", code: "ZZZZZ-ZZZZZ" }, ip)).statusCode).toBe(404);
    const refused = await preview({ kind: "partner", code: "ZZZZZ-ZZZZZ" }, ip);
    expect(refused.statusCode).toBe(429);
    expect((await preview({ kind: "partner", code: "ZZZZZ-ZZZZZ" })).statusCode).toBe(404);
  });
});
