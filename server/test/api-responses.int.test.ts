// core's apiResponses table tells the web app's tests what each route answers on success; the
// web's fetch stub checks every success fixture against it (web/src/testing/render.tsx). This
// test keeps the table honest: every JSON route the server declares is in it with the very schema
// object and status the route answers with, and nothing else is (issue 20). The route table does
// not depend on the database, so one dialect is enough.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiResponses } from "@mutual/core";
import { buildTestApp, type TestApp } from "./build-test-app.js";
import { declaredRoutes } from "../src/http/route-access.js";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp("sqlite");
});
afterAll(() => testApp.close());

function successOf(responses: Readonly<Record<string, unknown>>): { status: number; schema: unknown } | undefined {
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  return status === undefined ? undefined : { status: Number(status), schema: responses[status] };
}

describe("the API's success contracts as the web's tests see them", () => {
  it("list every route that declares a JSON success answer, with the schema and status the route uses", () => {
    const declared = declaredRoutes(testApp.app).flatMap((route) => {
      const success = successOf(route.responses);
      return success ? [{ key: `${route.method} ${route.url}`, ...success }] : [];
    });
    expect(declared.length).toBeGreaterThan(30);
    const table: Record<string, { status: number; schema: unknown }> = apiResponses;
    for (const route of declared) {
      expect(table[route.key], `${route.key} is missing from core's apiResponses`).toBeDefined();
      expect(table[route.key]?.schema === route.schema, `${route.key} answers with another schema than apiResponses names`).toBe(true);
      expect(table[route.key]?.status, route.key).toBe(route.status);
    }
    expect(Object.keys(table).sort()).toEqual(declared.map((route) => route.key).sort());
  });
});
