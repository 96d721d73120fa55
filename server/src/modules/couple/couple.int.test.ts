// The partner link as people meet it: invite by code, accept, cancel, replace, expire, race,
// unlink, throttle, and account deletion ending the link for the other person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { getMe, sameOrigin, signUp } from "../../../test/auth-helpers.js";
import {
  acceptInvite,
  cancelInvite,
  createInvite,
  deleteAccount,
  getCoupleState,
  linkCouple,
  lookupInvite,
  setShares,
  unlink,
} from "../../../test/couple-helpers.js";
import { dialects } from "../../../test/test-databases.js";

const dayMs = 24 * 60 * 60 * 1000;

describe.each(dialects)("[%s] partner link", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  const people = (count: number) => Promise.all(Array.from({ length: count }, () => signUp(t.app)));

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t.close());

  it("needs a session for every couple route", async () => {
    for (const [method, url] of [
      ["GET", "/api/couple"],
      ["POST", "/api/couple/invite"],
      ["DELETE", "/api/couple/invite"],
      ["POST", "/api/couple/invite/lookup"],
      ["POST", "/api/couple/accept"],
      ["PUT", "/api/couple/shares"],
      ["DELETE", "/api/couple"],
      ["GET", "/api/couple/report"],
      ["GET", "/api/couple/partner/check-ins"],
      ["GET", "/api/couple/partner/exercises"],
      ["GET", "/api/data-views"],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: sameOrigin, ...(method === "GET" || method === "DELETE" ? {} : { payload: {} }) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("links two people by code: the inviter sees a pending invite, the partner checks who sent it and accepts", async () => {
    const [ana, ben] = await people(2);
    expect(await getCoupleState(t.app, ana!)).toEqual({ invite: null, couple: null, lastEndedAt: null });
    const code = await createInvite(t.app, ana!);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const pending = await getCoupleState(t.app, ana!);
    expect(pending.invite).not.toBeNull();
    expect(JSON.stringify(pending)).not.toContain(code);
    // The code is never stored: only its keyed hash.
    const stored = JSON.stringify(await t.database.db.selectFrom("partner_invite").selectAll().execute());
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace("-", ""));

    const lookup = await lookupInvite(t.app, ben!, code);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({ inviter: { name: ana!.name }, expiresAt: pending.invite!.expiresAt });

    const accepted = await acceptInvite(t.app, ben!, code);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ invite: null, couple: { partner: { name: ana!.name }, myScopes: [], partnerScopes: [] }, lastEndedAt: null });
    expect(await getCoupleState(t.app, ana!)).toMatchObject({ invite: null, couple: { partner: { name: ben!.name }, myScopes: [], partnerScopes: [] } });
    // A retry of the same accept is harmless, and looking up the used code again is not counted as a failed guess.
    expect((await acceptInvite(t.app, ben!, code)).statusCode).toBe(200);
    expect((await lookupInvite(t.app, ben!, code)).statusCode).toBe(404);
    const benId = (await getMe(t.app, ben!.cookie)).json().user.id as string;
    expect(await t.database.db.selectFrom("invite_attempt_failure").select("id").where("user_id", "=", benId).execute()).toEqual([]);
    // Single use: nobody else can use it.
    const [cleo] = await people(1);
    expect((await acceptInvite(t.app, cleo!, code)).json()).toMatchObject({ error: { code: "INVITE_NOT_FOUND" } });
    expect((await lookupInvite(t.app, cleo!, code)).statusCode).toBe(404);
  });

  it("accepts a code typed in lower case without its dash, or with spaces", async () => {
    const [ana, ben, cleo, dev] = await people(4);
    const code = await createInvite(t.app, ana!);
    expect((await acceptInvite(t.app, ben!, code.toLowerCase().replace("-", ""))).statusCode).toBe(200);
    const other = await createInvite(t.app, cleo!);
    expect((await acceptInvite(t.app, dev!, ` ${other.slice(0, 5)} ${other.slice(6).toLowerCase()} `)).statusCode).toBe(200);
  });

  it("lets an invite expire seven days after it was made", async () => {
    const [ana, ben] = await people(2);
    const start = now;
    try {
      const code = await createInvite(t.app, ana!);
      now = start + 7 * dayMs - 60_000;
      expect((await lookupInvite(t.app, ben!, code)).statusCode).toBe(200);
      now = start + 7 * dayMs;
      expect((await lookupInvite(t.app, ben!, code)).json()).toMatchObject({ error: { code: "INVITE_NOT_FOUND" } });
      expect((await acceptInvite(t.app, ben!, code)).statusCode).toBe(404);
      expect((await getCoupleState(t.app, ana!)).invite).toBeNull();
      expect((await getCoupleState(t.app, ben!)).couple).toBeNull();
    } finally {
      now = start;
    }
  });

  it("cancels an invite, and a second invite replaces the first", async () => {
    const [ana, ben] = await people(2);
    const first = await createInvite(t.app, ana!);
    const second = await createInvite(t.app, ana!);
    expect(second).not.toBe(first);
    expect((await acceptInvite(t.app, ben!, first)).statusCode).toBe(404);
    expect((await cancelInvite(t.app, ana!)).statusCode).toBe(204);
    expect((await getCoupleState(t.app, ana!)).invite).toBeNull();
    expect((await acceptInvite(t.app, ben!, second)).statusCode).toBe(404);
    // Cancelling with nothing pending is fine too.
    expect((await cancelInvite(t.app, ana!)).statusCode).toBe(204);
    const pendingRows = await t.database.db.selectFrom("partner_invite").select("id").where("status", "=", "pending").execute();
    expect(pendingRows.length).toBeLessThanOrEqual(await countPeople());
  });

  async function countPeople(): Promise<number> {
    return Number(
      (
        await t.database.db
          .selectFrom("user")
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }

  it("refuses one's own invite with 422 and an invite when already linked with 409", async () => {
    const [ana, ben, cleo] = await people(3);
    const code = await createInvite(t.app, ana!);
    expect((await lookupInvite(t.app, ana!, code)).json()).toMatchObject({ error: { code: "OWN_INVITE" } });
    expect((await acceptInvite(t.app, ana!, code)).statusCode).toBe(422);
    expect((await acceptInvite(t.app, ben!, code)).statusCode).toBe(200);
    const invite = await t.app.inject({ method: "POST", url: "/api/couple/invite", headers: { ...sameOrigin, cookie: ben!.cookie }, payload: {} });
    expect(invite.statusCode).toBe(409);
    expect(invite.json()).toMatchObject({ error: { code: "ALREADY_LINKED" } });
    // Someone linked cannot accept another invite, and nobody can link with someone linked.
    const cleoCode = await createInvite(t.app, cleo!);
    expect((await acceptInvite(t.app, ben!, cleoCode)).json()).toMatchObject({ error: { code: "ALREADY_LINKED" } });
    expect((await getCoupleState(t.app, cleo!)).couple).toBeNull();
  });

  it("never tells an invitee that the inviter has a partner: a stale invite is cancelled and answers 404", async () => {
    const [ana, ben, cleo] = await people(3);
    const code = await createInvite(t.app, ana!);
    // Ana got linked with Cleo while her invite stayed pending (a create racing an accept): set that scene directly.
    const [anaId, cleoId] = await Promise.all([ana!, cleo!].map(async (person) => (await getMe(t.app, person.cookie)).json().user.id as string));
    const coupleId = `stale-${dialect}-${now}`;
    await t.database.db.insertInto("couple").values({ id: coupleId, created_at: now, ended_at: null }).execute();
    await t.database.db
      .insertInto("couple_member")
      .values([anaId!, cleoId!].map((userId) => ({ couple_id: coupleId, user_id: userId, joined_at: now, left_at: null })))
      .execute();

    for (const response of [await acceptInvite(t.app, ben!, code), await lookupInvite(t.app, ben!, code)]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: "INVITE_NOT_FOUND" } });
      expect(response.body).not.toContain(ana!.name);
    }
    expect(await t.database.db.selectFrom("partner_invite").select(["status", "accepted_by"]).where("inviter_id", "=", anaId!).execute()).toEqual([
      { status: "cancelled", accepted_by: null },
    ]);
    expect((await getCoupleState(t.app, ben!)).couple).toBeNull();
    // ALREADY_LINKED is about the person asking only.
    const benCode = await createInvite(t.app, ben!);
    const refused = await acceptInvite(t.app, cleo!, benCode);
    expect(refused.json()).toMatchObject({ error: { code: "ALREADY_LINKED", message: "You are already linked with a partner." } });
    await t.database.db.updateTable("couple").set({ ended_at: now }).where("id", "=", coupleId).execute();
    await t.database.db.updateTable("couple_member").set({ left_at: now }).where("couple_id", "=", coupleId).execute();
  });

  it("leaves no share in an ended couple, even when a share change races the unlink", async () => {
    for (let round = 0; round < 6; round += 1) {
      const [ana, ben] = await people(2);
      await linkCouple(t.app, ana!, ben!);
      const anaId = (await getMe(t.app, ana!.cookie)).json().user.id as string;
      const coupleId = (
        await t.database.db.selectFrom("couple_member").select("couple_id").where("user_id", "=", anaId).where("left_at", "is", null).executeTakeFirstOrThrow()
      ).couple_id;
      const outcomes = await Promise.all([
        setShares(t.app, ana!, ["overview", "dimensions"]),
        unlink(t.app, ben!),
        setShares(t.app, ben!, ["exercises"]),
        setShares(t.app, ana!, ["overview", "check-in-trends", "exercises"]),
      ]);
      for (const response of [outcomes[0]!, outcomes[2]!, outcomes[3]!]) expect(response.statusCode).toBeOneOf([200, 409]);
      expect(outcomes[1]!.statusCode).toBe(204);
      expect(await t.database.db.selectFrom("partner_share").select("scope").where("couple_id", "=", coupleId).execute()).toEqual([]);
    }
  });

  it("counts failed codes tried in parallel against the limit: never more than ten get through in an hour", async () => {
    const [ana] = await people(1);
    const anaId = (await getMe(t.app, ana!.cookie)).json().user.id as string;
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        index % 2 === 0 ? lookupInvite(t.app, ana!, `ZZZZZ-ZZZ${index.toString(32).toUpperCase().padStart(2, "Z")}`) : acceptInvite(t.app, ana!, "YYYYY-YYYYY"),
      ),
    );
    const statuses = answers.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status !== 404).every((status) => status === 429)).toBe(true);
    const recorded = await t.database.db.selectFrom("invite_attempt_failure").select("id").where("user_id", "=", anaId).execute();
    expect(recorded.length).toBeLessThanOrEqual(10);
    expect(recorded.length).toBe(statuses.filter((status) => status === 404).length);
  });

  it("cancels the acceptor's own pending invite when they accept someone else's", async () => {
    const [ana, ben, cleo] = await people(3);
    const benCode = await createInvite(t.app, ben!);
    await linkCouple(t.app, ana!, ben!);
    expect((await getCoupleState(t.app, ben!)).invite).toBeNull();
    expect((await acceptInvite(t.app, cleo!, benCode)).statusCode).toBe(404);
  });

  it("links each person with one partner at most, even when accepts race", async () => {
    // Two people race to accept the same invite: one wins.
    const [ana, ben, cleo] = await people(3);
    const code = await createInvite(t.app, ana!);
    const same = await Promise.all([acceptInvite(t.app, ben!, code), acceptInvite(t.app, cleo!, code)]);
    expect(same.map((response) => response.statusCode).sort()).toEqual([200, 404]);

    // One person races to accept two invites from different people: one wins.
    const [dev, eli, fay] = await people(3);
    const devCode = await createInvite(t.app, dev!);
    const eliCode = await createInvite(t.app, eli!);
    const two = await Promise.all([acceptInvite(t.app, fay!, devCode), acceptInvite(t.app, fay!, eliCode)]);
    expect(two.map((response) => response.statusCode).sort()).toEqual([200, 409]);

    // Two people accept each other's invites at the same moment: one couple, not two.
    const [gus, hal] = await people(2);
    const gusCode = await createInvite(t.app, gus!);
    const halCode = await createInvite(t.app, hal!);
    const crossed = await Promise.all([acceptInvite(t.app, hal!, gusCode), acceptInvite(t.app, gus!, halCode)]);
    expect(crossed.filter((response) => response.statusCode === 200)).toHaveLength(1);
    expect(crossed.find((response) => response.statusCode !== 200)?.statusCode).toBeOneOf([404, 409]);

    const active = await t.database.db.selectFrom("couple_member").select(["user_id"]).where("left_at", "is", null).execute();
    const ids = active.map((row) => row.user_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await getCoupleState(t.app, gus!)).couple?.partner.name).toBe(hal!.name);
    expect((await getCoupleState(t.app, hal!)).couple?.partner.name).toBe(gus!.name);
  });

  it("unlinks at once for both: each learns only that the link ended", async () => {
    const [ana, ben] = await people(2);
    await linkCouple(t.app, ana!, ben!);
    expect((await setShares(t.app, ana!, ["overview", "exercises"])).statusCode).toBe(200);
    now += 1000;
    expect((await unlink(t.app, ben!)).statusCode).toBe(204);
    for (const person of [ana!, ben!]) {
      const state = await getCoupleState(t.app, person);
      expect(state).toEqual({ invite: null, couple: null, lastEndedAt: new Date(now).toISOString() });
      for (const url of ["/api/couple/report", "/api/couple/partner/check-ins", "/api/couple/partner/exercises"]) {
        const response = await t.app.inject({ method: "GET", url, headers: { cookie: person.cookie } });
        expect(response.statusCode, url).toBe(404);
        expect(response.json()).toMatchObject({ error: { code: "NOT_LINKED" } });
      }
    }
    expect((await setShares(t.app, ana!, ["overview"])).json()).toMatchObject({ error: { code: "NOT_LINKED" } });
    // All shares of the couple ended with it.
    expect(
      await t.database.db
        .selectFrom("partner_share")
        .select("scope")
        .where("owner_id", "=", (await getMe(t.app, ana!.cookie)).json().user.id)
        .execute(),
    ).toEqual([]);
    // Unlinking again is harmless; linking again clears lastEndedAt.
    expect((await unlink(t.app, ana!)).statusCode).toBe(204);
    await linkCouple(t.app, ben!, ana!);
    expect(await getCoupleState(t.app, ana!)).toMatchObject({ couple: { partner: { name: ben!.name }, myScopes: [] }, lastEndedAt: null });
  });

  it("answers 429 after ten codes that did not work in an hour, and again an hour later it listens", async () => {
    const [ana, ben] = await people(2);
    const good = await createInvite(t.app, ana!);
    const start = now;
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) expect((await lookupInvite(t.app, ben!, "ZZZZZ-ZZZZZ")).statusCode).toBe(404);
      for (let attempt = 0; attempt < 4; attempt += 1) expect((await acceptInvite(t.app, ben!, "YYYYY-YYYYY")).statusCode).toBe(404);
      expect((await acceptInvite(t.app, ben!, "not a code")).statusCode).toBe(400);
      const throttled = await lookupInvite(t.app, ben!, good);
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json()).toMatchObject({ error: { code: "TOO_MANY_ATTEMPTS" } });
      expect((await acceptInvite(t.app, ben!, good)).statusCode).toBe(429);
      // Someone else is not affected.
      const [cleo] = await people(1);
      expect((await lookupInvite(t.app, cleo!, good)).statusCode).toBe(200);
      now = start + 60 * 60 * 1000 + 1;
      expect((await acceptInvite(t.app, ben!, good)).statusCode).toBe(200);
    } finally {
      now = start;
    }
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const [ana, ben] = await people(2);
    await linkCouple(t.app, ana!, ben!);
    expect((await setShares(t.app, ana!, ["overview"])).statusCode).toBe(200);
    const put = (payload: unknown) =>
      t.app.inject({ method: "PUT", url: "/api/couple/shares", headers: { ...sameOrigin, cookie: ana!.cookie }, payload: payload as object });
    for (const bad of [
      { scopes: ["everything"] },
      { scopes: ["SAFE"] },
      { scopes: ["safety"] },
      { scopes: ["notes"] },
      { scopes: ["overview", "overview"] },
      { scopes: "overview" },
      { scopes: [1] },
      { scopes: null },
      {},
      { scopes: [], extra: true },
      { scopes: ["overview", "dimensions", "check-in-trends", "exercises", "overview"] },
    ]) {
      const response = await put(bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await getCoupleState(t.app, ana!)).couple?.myScopes).toEqual(["overview"]);
    for (const body of [{}, { code: 12345 }, { code: "" }, { code: "ABCDE-12345", extra: 1 }, { code: "x".repeat(41) }]) {
      const response = await t.app.inject({ method: "POST", url: "/api/couple/accept", headers: { ...sameOrigin, cookie: ana!.cookie }, payload: body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const shape = await lookupInvite(t.app, ana!, "ABC");
    expect(shape.statusCode).toBe(400);
    expect(shape.json()).toMatchObject({ error: { code: "INVALID_CODE", fields: [{ path: "code" }] } });
    expect((await getCoupleState(t.app, ana!)).couple?.partner.name).toBe(ben!.name);
  });

  it("ends the link when a partner deletes their account: the other sees only that it ended", async () => {
    const [ana, ben] = await people(2);
    await linkCouple(t.app, ana!, ben!);
    expect((await setShares(t.app, ana!, ["overview", "dimensions"])).statusCode).toBe(200);
    expect((await setShares(t.app, ben!, ["exercises"])).statusCode).toBe(200);
    expect((await setShares(t.app, ana!, ["overview", "dimensions", "check-in-trends"])).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/couple/partner/exercises", headers: { cookie: ana!.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/couple/partner/check-ins", headers: { cookie: ben!.cookie } })).statusCode).toBe(200);
    expect((await lookupInvite(t.app, ben!, "ZZZZZ-ZZZZZ")).statusCode).toBe(404);
    const benId = (await getMe(t.app, ben!.cookie)).json().user.id as string;
    expect((await deleteAccount(t.app, ben!)).statusCode).toBe(200);
    const state = await getCoupleState(t.app, ana!);
    expect(state.couple).toBeNull();
    expect(state.lastEndedAt).toEqual(expect.any(String));
    expect(JSON.stringify(state)).not.toContain(ben!.name);
    expect((await t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: ana!.cookie } })).statusCode).toBe(404);
    // Ana's share rows ended with the couple; nothing anywhere still names Ben's account.
    expect(await t.database.db.selectFrom("partner_share").selectAll().execute()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ owner_id: benId })]),
    );
    // Ben accepted Ana's invite, viewed her data and typed a wrong code: none of it still names his account.
    for (const table of ["partner_invite", "couple", "couple_member", "partner_share", "data_view", "invite_attempt_failure"] as const) {
      const rows = JSON.stringify(await t.database.db.selectFrom(table).selectAll().execute());
      expect(rows, table).not.toContain(benId);
    }
    // Ana keeps the record that Ben viewed her data, under the name he had then.
    expect((await t.app.inject({ method: "GET", url: "/api/data-views", headers: { cookie: ana!.cookie } })).json().views).toEqual([
      expect.objectContaining({ viewer: { name: ben!.name, role: "partner" }, scope: "check-in-trends" }),
    ]);
    // Ana can link with someone new.
    const [cleo] = await people(1);
    await linkCouple(t.app, cleo!, ana!);
  });

  it("does not let a link that ended uncleanly (a partner's row removed outside the app) block a new one", async () => {
    const [ana, ben, cleo] = await people(3);
    await linkCouple(t.app, ana!, ben!);
    const benId = (await getMe(t.app, ben!.cookie)).json().user.id as string;
    await t.database.db.deleteFrom("user").where("id", "=", benId).execute();
    expect((await getCoupleState(t.app, ana!)).couple).toBeNull();
    await linkCouple(t.app, cleo!, ana!);
    expect((await getCoupleState(t.app, ana!)).couple?.partner.name).toBe(cleo!.name);
  });
});
