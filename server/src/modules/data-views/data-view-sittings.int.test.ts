// "Who viewed my data" keeps every sitting (decision 064): reads by one partner of one scope within
// ten minutes of the row's first sitting are one row that counts them and keeps each one's time,
// newest first; a read after the window opens a new row. Nothing a person could see is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_SCOPES, type DataViewsResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { linkCouple, setShares } from "../../../test/couple-helpers.js";
import { dialects } from "../../../test/test-databases.js";
import { newCalmPerson, newOwner } from "../../../test/privacy/privacy-scenarios.js";

const minuteMs = 60_000;

describe.each(dialects)("[%s] sittings of one viewer in one short window", (dialect) => {
  let t: TestApp;
  let now = Date.now();
  const clock = { now: () => new Date(now) };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
  });
  afterAll(async () => t.close());

  it("are one row per scope with every sitting's time, and a read after ten minutes starts another", async () => {
    const owner = await newOwner(t.app);
    const partner = await newCalmPerson(t.app, "Partner");
    await linkCouple(t.app, owner, partner);
    for (const who of [owner, partner]) expect((await setShares(t.app, who, SHARE_SCOPES)).statusCode).toBe(200);
    const read = async () =>
      expect((await t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: partner.cookie } })).statusCode).toBe(200);
    const views = async () =>
      (await t.app.inject({ method: "GET", url: "/api/data-views?limit=100", headers: { cookie: owner.cookie } })).json<DataViewsResponse>().views;

    const times: string[] = [];
    for (const step of [0, 3, 4]) {
      now += step * minuteMs;
      times.unshift(new Date(now).toISOString());
      await read();
    }
    // Overview and dimensions, each with the three sittings, newest first; the row's time is the latest.
    const first = await views();
    expect(first.map((view) => view.scope).sort()).toEqual(["dimensions", "overview"]);
    for (const view of first) expect(view).toMatchObject({ viewer: { name: partner.name, role: "partner" }, viewedAt: times[0], sittings: times });

    // Ten minutes after the rows' first sitting, a read opens new rows; the earlier ones stay as they were.
    now += 4 * minuteMs;
    const later = new Date(now).toISOString();
    await read();
    const second = await views();
    expect(second).toHaveLength(4);
    expect(second.slice(0, 2).map((view) => view.sittings)).toEqual([[later], [later]]);
    expect(second.slice(2).map((view) => view.sittings)).toEqual([times, times]);
    // Another viewer's reads never join these rows: the owner's own reads of the report record nothing of theirs here.
    expect((await t.app.inject({ method: "GET", url: "/api/couple/report", headers: { cookie: owner.cookie } })).statusCode).toBe(200);
    expect(await views()).toEqual(second);
  });
});
