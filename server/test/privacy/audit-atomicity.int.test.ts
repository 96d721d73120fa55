// "Who viewed my data" must be complete: a partner read that cannot write its audit row must
// not hand out the data either. The database is made to refuse every data_view write (a
// trigger on insert and update: a read within ten minutes of the last is added to that row,
// decision 064); each partner read must then fail without carrying any of the owner's data, and
// once writes work again the same reads succeed and are recorded, each sitting with its time.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_SCOPES, type DataViewsResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../build-test-app.js";
import { linkCouple, setShares } from "../couple-helpers.js";
import { dialects } from "../test-databases.js";
import { newCalmPerson, newOwner } from "./privacy-scenarios.js";

const partnerReads = ["/api/couple/report", "/api/couple/partner/check-ins", "/api/couple/partner/exercises"];

describe.each(dialects)("[%s] a partner read and its audit row stand or fall together", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  async function refuseAuditRows(refuse: boolean): Promise<void> {
    const db = t.database.db;
    if (t.database.dialect === "sqlite") {
      if (refuse) {
        await sql`create trigger refuse_data_view_insert before insert on data_view begin select raise(abort, 'audit refused'); end`.execute(db);
        await sql`create trigger refuse_data_view before update on data_view begin select raise(abort, 'audit refused'); end`.execute(db);
      } else {
        await sql`drop trigger refuse_data_view_insert`.execute(db);
        await sql`drop trigger refuse_data_view`.execute(db);
      }
      return;
    }
    if (refuse) {
      await sql`create or replace function refuse_data_view() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(db);
      await sql`create trigger refuse_data_view before insert or update on data_view for each row execute function refuse_data_view()`.execute(db);
    } else {
      await sql`drop trigger refuse_data_view on data_view`.execute(db);
      await sql`drop function refuse_data_view()`.execute(db);
    }
  }

  it("answers no partner data when the audit row cannot be written, and records every read that did answer", async () => {
    const owner = await newOwner(t.app);
    const partner = await newCalmPerson(t.app, "Partner");
    await linkCouple(t.app, owner, partner);
    for (const who of [owner, partner]) expect((await setShares(t.app, who, SHARE_SCOPES)).statusCode).toBe(200);
    const views = async () =>
      (await t.app.inject({ method: "GET", url: "/api/data-views?limit=100", headers: { cookie: owner.cookie } })).json<DataViewsResponse>().views;

    await refuseAuditRows(true);
    try {
      for (const url of partnerReads) {
        const response = await t.app.inject({ method: "GET", url, headers: { cookie: partner.cookie } });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(500);
        expect(Object.keys(response.json()), url).toEqual(["error"]);
        expect(response.body, url).not.toContain(owner.name);
      }
    } finally {
      await refuseAuditRows(false);
    }
    expect(await views()).toEqual([]);

    for (const url of partnerReads) expect((await t.app.inject({ method: "GET", url, headers: { cookie: partner.cookie } })).statusCode, url).toBe(200);
    // The report carries overview and dimensions; the two partner pages one scope each.
    expect((await views()).map((view) => view.scope).sort()).toEqual(["check-in-trends", "dimensions", "exercises", "overview"]);

    // Read again at once, the sittings join those rows: a refused update must refuse the read too.
    await refuseAuditRows(true);
    try {
      for (const url of partnerReads) {
        const response = await t.app.inject({ method: "GET", url, headers: { cookie: partner.cookie } });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(500);
        expect(response.body, url).not.toContain(owner.name);
      }
    } finally {
      await refuseAuditRows(false);
    }
    expect((await views()).map((view) => view.sittings.length)).toEqual([1, 1, 1, 1]);
    for (const url of partnerReads) expect((await t.app.inject({ method: "GET", url, headers: { cookie: partner.cookie } })).statusCode, url).toBe(200);
    const after = await views();
    expect(after.map((view) => view.scope).sort()).toEqual(["check-in-trends", "dimensions", "exercises", "overview"]);
    expect(after.map((view) => view.sittings.length)).toEqual([2, 2, 2, 2]);
  });
});
