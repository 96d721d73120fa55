import { afterEach, describe, expect, it, vi } from "vitest";
import { requestJson } from "./api-client";
import { forgetEarlyRequests, startEarlyRequests } from "./early-requests";
import { setLanguage } from "./language";
import { resetSession } from "./session";

afterEach(() => {
  resetSession();
  forgetEarlyRequests();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A fetch that answers each call with a numbered body, so a test can tell which request answered. */
function countingFetch() {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ answer: calls.length }), { status: 200, headers: { "content-type": "application/json" } });
    }),
  );
  return calls;
}

describe("A first page's data asked early", () => {
  it("is asked once: the page's own request takes the early answer, and the next one asks the server again", async () => {
    const calls = countingFetch();
    startEarlyRequests(["/api/profile"]);
    expect(calls).toEqual(["/api/profile"]);
    expect(await requestJson("/api/profile")).toEqual({ answer: 1 });
    expect(calls).toHaveLength(1);
    expect(await requestJson("/api/profile")).toEqual({ answer: 2 });
    expect(calls).toHaveLength(2);
  });

  it("is not used once stale, nor for a write, nor after a sign-out forgot it", async () => {
    const calls = countingFetch();
    vi.useFakeTimers({ toFake: ["Date"] });
    startEarlyRequests(["/api/couple"]);
    vi.setSystemTime(Date.now() + 11_000);
    expect(await requestJson("/api/couple")).toEqual({ answer: 2 });

    startEarlyRequests(["/api/consent"]);
    await requestJson("/api/consent", { method: "PUT", body: {} });
    expect(calls.at(-1)).toBe("/api/consent");
    expect(calls).toHaveLength(4);

    startEarlyRequests(["/api/exercises"]);
    forgetEarlyRequests();
    expect(await requestJson("/api/exercises")).toEqual({ answer: 6 });
  });

  it("hands an early failure to the page's request, which reports it as its own", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }), { status: 401 })),
    );
    startEarlyRequests(["/api/profile"]);
    await expect(requestJson("/api/profile")).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("reads an early answer's body at once, so one no page asks for does not hold its connection", async () => {
    const answers: Response[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        const answer = String(input) === "/api/empty" ? new Response(null, { status: 204 }) : new Response('{"couple":null}', { status: 200 });
        answers.push(answer);
        return answer;
      }),
    );
    startEarlyRequests(["/api/couple", "/api/empty"]);
    await vi.waitFor(() => expect(answers[0]?.bodyUsed).toBe(true));
    expect(await requestJson("/api/couple")).toEqual({ couple: null });
    expect(await requestJson("/api/empty")).toBeNull();
  });

  it("is asked in the page's language, and not used once the page has changed language", async () => {
    const languagesAsked: Array<string | null> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        languagesAsked.push(new Headers(init?.headers).get("accept-language"));
        return new Response(JSON.stringify({ answer: languagesAsked.length }), { status: 200 });
      }),
    );
    startEarlyRequests(["/api/profile"]);
    await setLanguage("ta");
    // The early answer's words are English: the Tamil page asks again, in Tamil.
    expect(await requestJson("/api/profile")).toEqual({ answer: 2 });
    expect(languagesAsked).toEqual(["en", "ta"]);
    await setLanguage("en");
  });
});
