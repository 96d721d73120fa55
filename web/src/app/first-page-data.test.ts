import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetEarlyRequests } from "../lib/early-requests";
import { resetSession } from "../lib/session";
import { firstPageDataPaths, startFirstPageData } from "./first-page-data";

afterEach(() => {
  resetSession();
  forgetEarlyRequests();
  vi.unstubAllGlobals();
});

describe("The first page's data", () => {
  it("names, for each main page, the page's own questions, and nothing for other addresses", () => {
    expect(firstPageDataPaths("/profile")).toEqual(["/api/profile", "/api/assessments/current", "/api/couple", "/api/counselling"]);
    expect(firstPageDataPaths("/check-in/")).toContain("/api/consent");
    expect(firstPageDataPaths("/partner/report")).toEqual([]);
    expect(firstPageDataPaths("/sign-in")).toEqual([]);
  });

  it("asks for a page's data only once the server has said someone is signed in", async () => {
    for (const signedIn of [false, true]) {
      resetSession();
      const calls: string[] = [];
      vi.stubGlobal(
        "fetch",
        vi.fn(async (input: RequestInfo | URL) => {
          calls.push(String(input));
          if (String(input) === "/api/me" && !signedIn) return new Response("{}", { status: 401 });
          return new Response(JSON.stringify({ user: { id: "p1", name: "Ana" } }), { status: 200 });
        }),
      );
      startFirstPageData("/profile");
      await vi.waitFor(() => expect(calls[0]).toBe("/api/me"));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(calls.includes("/api/profile")).toBe(signedIn);
    }
  });
});
