import { describe, expect, it } from "vitest";
import { stubFetch, takeFixtureProblems } from "./fake-api";

describe("the web tests' fetch stub", () => {
  it("reports a success fixture the route's contract would never send, and lets a true one and a refusal through", async () => {
    stubFetch({
      "GET /api/consent": { status: 200, body: { hasConsented: true, noticeVersion: "2026-12-07", consentedAt: "2026-12-07T00:00:00.000Z" } },
      "GET /api/me": { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Please sign in." } } },
      "GET /api/practices/p1/clients": { status: 200, body: { clients: [], nextCursor: null } },
    });
    await fetch("/api/consent");
    await fetch("/api/me");
    await fetch("/api/practices/p1/clients");
    expect(takeFixtureProblems()).toEqual([]);

    // Typed as the contract says, so only a cast lets the drifted fixture through to the run-time check.
    const drifted = { consented: true } as unknown as { hasConsented: boolean; noticeVersion: string; consentedAt: null };
    stubFetch({
      "GET /api/consent": { status: 200, body: drifted },
      "POST /api/couple/invite": {
        status: 200,
        body: { invite: { code: "ABCDE-12345", createdAt: "2026-12-07T00:00:00.000Z", expiresAt: "2026-12-08T00:00:00.000Z" } },
      },
    });
    await fetch("/api/consent");
    await fetch("/api/couple/invite", { method: "POST" });
    const problems = takeFixtureProblems();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^GET \/api\/consent: the fixture is not what GET \/api\/consent sends: hasConsented/);
    expect(problems[1]).toMatch(/POST \/api\/couple\/invite: the server answers 201 on success, the test said 200/);
    expect(takeFixtureProblems()).toEqual([]);
  });
});
