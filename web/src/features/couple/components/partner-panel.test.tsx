import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CoupleStateResponse, ShareScope } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { PartnerPanel } from "./partner-panel";

const notLinked: CoupleStateResponse = { invite: null, couple: null, lastEndedAt: null };

function linked(myScopes: ShareScope[], partnerScopes: ShareScope[] = []): CoupleStateResponse {
  return { invite: null, couple: { since: "2026-11-20T09:00:00.000Z", partner: { name: "Sam" }, myScopes, partnerScopes }, lastEndedAt: null };
}

const routes = [
  { path: "/partner", element: <PartnerPanel /> },
  { path: "/partner/join", element: <p>Join page</p> },
];

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, "clipboard");
});

describe("The partner page, not linked", () => {
  it("makes an invite and shows its code, its link, its expiry and that it is shown only once", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const calls = stubFetch({
      "GET /api/couple": { status: 200, body: notLinked },
      "POST /api/couple/invite": {
        status: 201,
        body: { invite: { code: "ABCDE-12345", createdAt: "2026-11-24T10:00:00.000Z", expiresAt: "2026-12-01T10:00:00.000Z" } },
      },
    });
    renderRoutes(routes, "/partner");
    await userEvent.click(await screen.findByRole("button", { name: "Make an invite code" }));

    expect(await screen.findByText("ABCDE-12345")).toBeInTheDocument();
    const link = `${window.location.origin}/partner/join#ABCDE-12345`;
    expect(screen.getByText(link)).toBeInTheDocument();
    expect(screen.getByText(/Valid until 1 December 2026/)).toBeInTheDocument();
    expect(screen.getByText(/We show this code only once/)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "POST")).toEqual([{ method: "POST", path: "/api/couple/invite", body: {} }]);

    await userEvent.click(screen.getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(await screen.findByText("Copied.")).toBeInTheDocument();
  });

  it("asks the person to copy by hand when the clipboard is not available", async () => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    stubFetch({
      "GET /api/couple": { status: 200, body: notLinked },
      "POST /api/couple/invite": {
        status: 201,
        body: { invite: { code: "ABCDE12345", createdAt: "2026-11-24T10:00:00.000Z", expiresAt: "2026-12-01T10:00:00.000Z" } },
      },
    });
    renderRoutes(routes, "/partner");
    await userEvent.click(await screen.findByRole("button", { name: "Make an invite code" }));
    // A code sent without its dash is still shown in two groups of five.
    expect(await screen.findByText("ABCDE-12345")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Copy code" }));
    expect(await screen.findByText(/Copying did not work here/)).toBeInTheDocument();
  });

  it("shows a pending invite's dates and cancels it", async () => {
    let pending = true;
    const calls = stubFetch({
      "GET /api/couple": () => ({
        status: 200,
        body: { ...notLinked, invite: pending ? { createdAt: "2026-11-22T10:00:00.000Z", expiresAt: "2026-11-29T10:00:00.000Z" } : null },
      }),
      "DELETE /api/couple/invite": () => {
        pending = false;
        return { status: 204, body: null };
      },
    });
    renderRoutes(routes, "/partner");
    expect(await screen.findByText("You made an invite on 22 November 2026. It is valid until 29 November 2026.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Make a new code" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Cancel invite" }));
    expect(await screen.findByText(/Your invite is cancelled/)).toBeInTheDocument();
    expect(calls.some((call) => call.method === "DELETE" && call.path === "/api/couple/invite")).toBe(true);
    await waitFor(() => expect(screen.queryByText(/You made an invite/)).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Make an invite code" })).toBeInTheDocument();
  });

  it("says calmly that a link ended, never who ended it, and offers a way to enter a partner's code", async () => {
    stubFetch({ "GET /api/couple": { status: 200, body: { ...notLinked, lastEndedAt: "2026-11-23T10:00:00.000Z" } } });
    const { router } = renderRoutes(routes, "/partner");
    expect(await screen.findByText(/Your partner link has ended/)).toBeInTheDocument();

    await userEvent.type(screen.getByRole("textbox", { name: "Invite code" }), "abcde 12345");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Join page")).toBeInTheDocument();
    expect(router.state.location.hash).toBe("#ABCDE-12345");
  });
});

describe("The partner page, linked", () => {
  it("has exactly one checkbox per scope, none for safety answers or notes, and says those are never shared", async () => {
    stubFetch({ "GET /api/couple": { status: 200, body: linked(["overview"]) } });
    renderRoutes(routes, "/partner");
    expect(await screen.findByRole("heading", { name: "You and Sam" })).toBeInTheDocument();
    expect(screen.getByText("Linked since 20 November 2026.")).toBeInTheDocument();
    const boxes = await screen.findAllByRole("checkbox");
    expect(boxes.map((box) => box.getAttribute("id"))).toEqual(["share-overview", "share-dimensions", "share-check-in-trends", "share-exercises"]);
    for (const box of boxes) expect(box).not.toHaveAccessibleName(/safety|note/i);
    expect(screen.getByRole("checkbox", { name: "My pattern and my We and Me scores" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "My weekly check-in trends" })).toHaveAccessibleDescription(/Never the notes you write/);
    expect(screen.getByText(/safety-check answers and your private notes are never shared/)).toBeInTheDocument();
  });

  it("sends exactly the chosen scopes and confirms", async () => {
    const calls = stubFetch({
      "GET /api/couple": { status: 200, body: linked(["overview"]) },
      "PUT /api/couple/shares": (body) => ({ status: 200, body: linked((body as { scopes: ShareScope[] }).scopes) }),
    });
    renderRoutes(routes, "/partner");
    await userEvent.click(await screen.findByRole("checkbox", { name: "My weekly check-in trends" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "My pattern and my We and Me scores" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "My seven scores" }));
    await userEvent.click(screen.getByRole("button", { name: "Save my choices" }));

    expect(await screen.findByText(/Saved. Sam sees exactly what you chose/)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "PUT")).toEqual([
      { method: "PUT", path: "/api/couple/shares", body: { scopes: ["dimensions", "check-in-trends"] } },
    ]);
  });

  it("sends an empty list when every box is cleared", async () => {
    const calls = stubFetch({
      "GET /api/couple": { status: 200, body: linked(["overview", "exercises"]) },
      "PUT /api/couple/shares": { status: 200, body: linked([]) },
    });
    renderRoutes(routes, "/partner");
    await userEvent.click(await screen.findByRole("checkbox", { name: "My pattern and my We and Me scores" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "The exercises I completed" }));
    await userEvent.click(screen.getByRole("button", { name: "Save my choices" }));
    await screen.findByText(/Saved/);
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({ scopes: [] });
  });

  it("lists what the partner shares and links only to the views they share", async () => {
    stubFetch({ "GET /api/couple": { status: 200, body: linked([], ["overview", "check-in-trends"]) } });
    renderRoutes(routes, "/partner");
    const theirs = await screen.findByRole("region", { name: "What Sam shares with you" });
    expect(within(theirs).getByText("weekly check-in trends")).toBeInTheDocument();
    expect(within(theirs).getByRole("link", { name: "See your couple report" })).toHaveAttribute("href", "/partner/report");
    expect(within(theirs).getByRole("link", { name: "See Sam's check-ins" })).toHaveAttribute("href", "/partner/check-ins");
    expect(within(theirs).queryByRole("link", { name: /completed exercises/ })).not.toBeInTheDocument();
  });

  it("asks for confirmation, saying what happens, before unlinking", async () => {
    let isLinked = true;
    const calls = stubFetch({
      "GET /api/couple": () => ({ status: 200, body: isLinked ? linked(["overview"]) : { ...notLinked, lastEndedAt: "2026-11-24T10:00:00.000Z" } }),
      "DELETE /api/couple": () => {
        isLinked = false;
        return { status: 204, body: null };
      },
    });
    renderRoutes(routes, "/partner");
    await userEvent.click(await screen.findByRole("button", { name: "Unlink" }));
    const dialog = screen.getByRole("alertdialog", { name: "End your link with Sam?" });
    expect(dialog).toHaveTextContent(/stops at once, for both of you/);
    expect(dialog).toHaveTextContent(/Sam will see only that the link ended/);
    expect(calls.some((call) => call.method === "DELETE")).toBe(false);

    await userEvent.click(within(dialog).getByRole("button", { name: "Keep the link" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Unlink" })).toHaveFocus();

    await userEvent.click(screen.getByRole("button", { name: "Unlink" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, end the link" }));
    expect(await screen.findByText(/Your partner link has ended/)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([{ method: "DELETE", path: "/api/couple", body: undefined }]);
  });
});

describe("The partner page, just linked without a profile", () => {
  it("offers the profile as the next step instead of share choices for scores not there yet", async () => {
    stubFetch({
      "GET /api/couple": { status: 200, body: linked([]) },
      "GET /api/profile": { status: 200, body: { profile: null, history: [] } },
    });
    renderRoutes(routes, "/partner?joined=1");
    expect(await screen.findByRole("heading", { name: "Next: take your 8-minute profile" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Take your 8-minute profile" })).toHaveAttribute("href", "/assessment");
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.getByText(/You are now linked with Sam/)).toBeInTheDocument();
  });
});
