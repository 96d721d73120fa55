// Fetch-metadata resource isolation (decision 033, issue 15 finding 8): a request another site
// makes a browser send to the API, navigations included, is refused before any handler runs, so a
// read that writes (a counsellor's view of a client is written to the client's "Who viewed my
// data" and to the counsellor's "last viewed" mark) cannot be caused from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../../test/auth-helpers.js";
import { acceptClientInvite, inviteClient } from "../../test/counselling-helpers.js";
import { createPractice, enrolTwoFactor } from "../../test/practice-helpers.js";
import { dialects } from "../../test/test-databases.js";

/** What Chromium sends for a top-level navigation (a link or a redirect) from another site. */
const crossSiteNavigation = {
  "sec-fetch-site": "cross-site",
  "sec-fetch-mode": "navigate",
  "sec-fetch-dest": "document",
  "sec-fetch-user": "?1",
  accept: "text/html",
};

describe.each(dialects)("[%s] requests from other sites", (dialect) => {
  let t: TestApp;
  let counsellor: TestPerson;
  let client: TestPerson;
  let clientPage: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    counsellor = await signUp(t.app);
    const practiceId = await createPractice(t.app, counsellor);
    await enrolTwoFactor(t.app, counsellor);
    client = await signUp(t.app);
    const clientId = await acceptClientInvite(t.app, client, await inviteClient(t.app, counsellor, practiceId), ["profile", "check-ins"]);
    clientPage = `/api/practices/${practiceId}/clients/${clientId}`;
  });
  afterAll(async () => t.close());

  const views = async () => (await t.database.db.selectFrom("data_view").select("id").execute()).length;
  const lastViews = async () => (await t.database.db.selectFrom("client_last_view").select("viewed_at").execute()).map((row) => Number(row.viewed_at));

  it("refuses a cross-site navigation to a client's page with the counsellor's cookie, and writes no audit row or last-viewed mark", async () => {
    const [viewsBefore, lastBefore] = [await views(), await lastViews()];
    for (const headers of [
      crossSiteNavigation,
      { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" },
      { "sec-fetch-site": "same-site", "sec-fetch-mode": "navigate" },
    ]) {
      for (const url of [clientPage, clientPage.replace("/api/", "/%61pi/")]) {
        const response = await t.app.inject({ method: "GET", url, headers: { ...headers, cookie: counsellor.cookie } });
        expect(response.statusCode, `${url} ${headers["sec-fetch-site"]}`).toBe(403);
        expect(response.json()).toMatchObject({ error: { code: "CROSS_SITE_REFUSED" } });
        expect(response.body).not.toContain(client.name);
      }
    }
    expect(await views()).toBe(viewsBefore);
    expect(await lastViews()).toEqual(lastBefore);
    // The same page from our own pages is served and recorded, so the refusals above are the check's.
    const ours = await t.app.inject({
      method: "GET",
      url: clientPage,
      headers: { "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", cookie: counsellor.cookie },
    });
    expect(ours.statusCode).toBe(200);
    expect(await views()).toBeGreaterThan(viewsBefore);
    // A same-origin download, an address typed into the browser, and clients that send no fetch metadata are served.
    const download = { "sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", "sec-fetch-user": "?1" };
    for (const headers of [download, { ...download, "sec-fetch-site": "none" }, {}]) {
      const response = await t.app.inject({ method: "GET", url: "/api/export", headers: { ...headers, cookie: client.cookie } });
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
    }
    // Pages outside the API (the web app itself) are not the API's to refuse: a link from elsewhere opens them.
    expect((await t.app.inject({ method: "GET", url: "/livez", headers: crossSiteNavigation })).statusCode).toBe(200);
  });

  it("refuses cross-site requests to Better Auth's routes too, before it answers", async () => {
    const session = await t.app.inject({ method: "GET", url: "/api/auth/get-session", headers: { ...crossSiteNavigation, cookie: client.cookie } });
    expect(session.statusCode).toBe(403);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { ...sameOrigin, "sec-fetch-site": "cross-site" },
      payload: { email: client.email, password: client.password },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.headers["set-cookie"]).toBeUndefined();
  });
});
