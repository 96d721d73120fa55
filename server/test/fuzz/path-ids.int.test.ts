// Found by the contract fuzz: an id in a URL path with a NUL character reached PostgreSQL, whose
// text cannot hold one, and the query failed with a 500. Path ids now refuse NUL at validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "../auth-helpers.js";
import { dialects } from "../test-databases.js";

const nul = "%00";
const requests = [
  { method: "GET", url: `/api/practices/a${nul}b/dashboard` },
  { method: "GET", url: `/api/practices/${nul}/clients/x/export.fhir.json` },
  { method: "GET", url: `/api/practices/p/clients/${nul}` },
  { method: "DELETE", url: `/api/practices/p/client-invites/${nul}` },
  { method: "PUT", url: `/api/counselling/${nul}/scopes`, payload: { scopes: [] } },
  { method: "DELETE", url: `/api/counselling/${nul}` },
  { method: "PUT", url: `/api/assessments/${nul}/answers/close-1`, payload: { value: 1 } },
  { method: "GET", url: `/api/exercises/${nul}/completions` },
] as const;

describe.each(dialects)("ids in URL paths [%s]", (dialect) => {
  let test: TestApp;
  let person: TestPerson;
  beforeAll(async () => {
    test = await buildTestApp(dialect);
    person = await signUp(test.app);
  });
  afterAll(async () => test?.close());

  it.each(requests)("$method $url with a NUL character in an id is refused with 400, not a server error", async (request) => {
    const response = await test.app.inject({
      method: request.method,
      url: request.url,
      headers: { ...sameOrigin, cookie: person.cookie },
      ...("payload" in request ? { payload: request.payload } : {}),
    });
    expect(response.statusCode, response.body).toBe(400);
  });
});
