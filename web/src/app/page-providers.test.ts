import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { setLanguage } from "../lib/language";
import { getSession, getShellPreferences, setSessionPerson, signOut } from "../lib/session";
import { stubFetch } from "../testing/render";
import { linkSession } from "./page-providers";

// The frame's session store and the pages' query cache say the same, whichever learns first
// (decision 043): a sign-in on a page reaches the frame, a sign-out from the frame empties the cache.
const sam = { id: "u1", name: "Sam", email: "sam@example.test", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-24T00:00:00.000Z" };
const kim = { ...sam, id: "u2", name: "Kim" };

describe("the frame's session and the pages' cache", () => {
  it("carry a sign-in, a settings change and a sign-out across, both ways", async () => {
    const client = new QueryClient();
    linkSession(client);
    expect(getSession().isPending).toBe(true);

    client.setQueryData(["me"], sam);
    expect(getSession().data).toEqual(sam);
    client.setQueryData(["preferences"], { quickExitEndsSession: false, language: null });
    expect(getShellPreferences()).toEqual({ quickExitEndsSession: false, language: null });

    setSessionPerson(kim);
    expect(client.getQueryData(["me"])).toEqual(kim);
    // Another person's settings are not carried over to them.
    expect(getShellPreferences()).toBeUndefined();

    client.setQueryData(["practices"], { practices: [] });
    const calls = stubFetch({
      "POST /api/auth/sign-out": { status: 200, body: { success: true } },
      "GET /api/me": { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "x" } } },
    });
    await signOut();
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(["POST /api/auth/sign-out", "GET /api/me"]);
    expect(getSession()).toEqual({ isPending: false, isError: false, data: null });
    expect(client.getQueryData(["me"])).toBeNull();
    expect(client.getQueryData(["practices"])).toBeUndefined();
  });

  it("counts a sign-out as done on this device even when the server cannot be reached", async () => {
    const client = new QueryClient();
    linkSession(client);
    setSessionPerson(sam);
    stubFetch({});
    globalThis.fetch = (() => Promise.reject(new TypeError("offline"))) as typeof fetch;
    await expect(signOut()).rejects.toThrow();
    expect(getSession().data).toBeNull();
    expect(client.getQueryData(["me"])).toBeNull();
  });

  it("asks again for what it holds when the page changes language: the server's words come in the page's language", async () => {
    const client = new QueryClient();
    const stop = linkSession(client);
    client.setQueryData(["profile"], { flags: [{ title: "Closeness feels thin right now" }] });
    await setLanguage("ta");
    expect(client.getQueryState(["profile"])?.isInvalidated).toBe(true);
    stop();
    await setLanguage("en");
  });
});
