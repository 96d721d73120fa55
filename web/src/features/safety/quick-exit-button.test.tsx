import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetSession } from "../../lib/session";
import { renderRoutes, stubFetch } from "../../testing/render";
import { QuickExitButton } from "./quick-exit-button";
import * as exit from "./quick-exit";

const me = {
  status: 200,
  body: { user: { id: "u1", name: "Sam", email: "sam@example.test", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-24T00:00:00.000Z" } },
};

afterEach(() => vi.restoreAllMocks());

async function pressQuickExit(answers: Parameters<typeof stubFetch>[0], settled: () => Promise<void> = async () => undefined) {
  const leave = vi.spyOn(exit, "quickExit").mockImplementation(() => undefined);
  // Each press is a fresh visit: the frame's session store starts empty, as on a page load.
  resetSession();
  stubFetch(answers);
  const view = renderRoutes([{ path: "/", element: <QuickExitButton /> }], "/");
  await settled();
  await userEvent.click(screen.getByRole("button", { name: "Quick exit: leave this site now" }));
  view.unmount();
  return leave.mock.calls.at(-1)?.[1];
}

describe("the quick exit button", () => {
  it("signs a signed-in person's device out when that is their choice", async () => {
    const calls: string[] = [];
    const signedIn = (quickExitEndsSession: boolean) => ({
      "GET /api/me": () => (calls.push("me"), me),
      "GET /api/preferences": () => (calls.push("preferences"), { status: 200, body: { quickExitEndsSession, language: null } }),
    });
    const settled = () => waitFor(() => expect(calls).toContain("preferences"));
    expect(await pressQuickExit(signedIn(true), settled)).toEqual({ endSession: true });
  });

  it("keeps the session when the person turned that off", async () => {
    const calls: string[] = [];
    const answers = {
      "GET /api/me": me,
      "GET /api/preferences": () => (calls.push("preferences"), { status: 200, body: { quickExitEndsSession: false, language: null } }),
    };
    const settled = async () => {
      await waitFor(() => expect(calls).toContain("preferences"));
      // The answer reaches the cache a tick after the request.
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    expect(await pressQuickExit(answers, settled)).toEqual({ endSession: false });
  });

  it("signs out before the person's choice has loaded (the safer default), and asks nothing of someone signed out", async () => {
    expect(
      await pressQuickExit(
        { "GET /api/me": me, "GET /api/preferences": { status: 500, body: { error: { code: "INTERNAL", message: "x" } } } },
        () => new Promise((resolve) => setTimeout(resolve, 20)),
      ),
    ).toEqual({ endSession: true });
    expect(
      await pressQuickExit(
        { "GET /api/me": { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "x" } } } },
        () => new Promise((resolve) => setTimeout(resolve, 20)),
      ),
    ).toEqual({ endSession: false });
  });
});
