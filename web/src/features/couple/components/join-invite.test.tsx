import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { JoinInvite } from "./join-invite";

const routes = [
  { path: "/partner/join", element: <JoinInvite /> },
  { path: "/partner", element: <p>Partner page</p> },
  { path: "/", element: <p>Home page</p> },
];

const lookupOk = { status: 200, body: { inviter: { name: "Sam" }, expiresAt: "2026-12-01T10:00:00.000Z" } };
const linkedState = {
  invite: null,
  couple: { since: "2026-11-24T10:00:00.000Z", partner: { name: "Sam" }, myScopes: [], partnerScopes: [] },
  lastEndedAt: null,
};

describe("Joining a partner", () => {
  it("reads the code from the link's hash, says who invited, and accepts", async () => {
    const calls = stubFetch({
      "POST /api/couple/invite/lookup": lookupOk,
      "POST /api/couple/accept": { status: 200, body: linkedState },
      "GET /api/couple": { status: 200, body: linkedState },
    });
    const { router } = renderRoutes(routes, "/partner/join#ABCDE-12345");
    expect(await screen.findByRole("heading", { name: "Sam invited you" })).toBeInTheDocument();
    expect(screen.getByText("This invite is valid until 1 December 2026.")).toBeInTheDocument();
    // The code leaves the address bar once read.
    expect(router.state.location.hash).toBe("");
    expect(screen.getByRole("link", { name: "Not now" })).toHaveAttribute("href", "/");

    await userEvent.click(screen.getByRole("button", { name: "Accept" }));
    expect(await screen.findByText("Partner page")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?joined=1");
    expect(calls.filter((call) => call.method === "POST")).toEqual([
      { method: "POST", path: "/api/couple/invite/lookup", body: { code: "ABCDE-12345" } },
      { method: "POST", path: "/api/couple/accept", body: { code: "ABCDE-12345" } },
    ]);
  });

  it("takes a typed code when the link had none, checking its shape first", async () => {
    const calls = stubFetch({ "POST /api/couple/invite/lookup": lookupOk });
    renderRoutes(routes, "/partner/join");
    const field = await screen.findByRole("textbox", { name: "Invite code" });
    await userEvent.type(field, "ABC");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByText(/does not look like an invite code/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await userEvent.clear(field);
    await userEvent.type(field, "abcde12345");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("heading", { name: "Sam invited you" })).toBeInTheDocument();
    expect(calls[0]?.body).toEqual({ code: "ABCDE-12345" });
  });

  it.each([
    [404, "INVITE_NOT_FOUND", /This code does not work. It may have expired, already been used or been cancelled/],
    [400, "INVALID_CODE", /does not look like an invite code/],
    [422, "OWN_INVITE", /This is your own invite/],
    [409, "ALREADY_LINKED", /already linked with a partner/],
    [429, "TOO_MANY_ATTEMPTS", /Too many codes have been tried/],
    [500, "INTERNAL", /Something went wrong/],
  ])("explains a lookup refused with %s %s", async (status, code, message) => {
    stubFetch({ "POST /api/couple/invite/lookup": { status, body: { error: { code, message: "server words" } } } });
    renderRoutes(routes, "/partner/join#ABCDE-12345");
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    expect(screen.queryByRole("button", { name: "Accept" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to your partner page" })).toHaveAttribute("href", "/partner");
  });

  it("explains an accept refused because someone is already linked", async () => {
    stubFetch({
      "POST /api/couple/invite/lookup": lookupOk,
      "POST /api/couple/accept": { status: 409, body: { error: { code: "ALREADY_LINKED", message: "server words" } } },
    });
    renderRoutes(routes, "/partner/join#ABCDE-12345");
    await userEvent.click(await screen.findByRole("button", { name: "Accept" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("One of you is already linked with a partner.");
  });
});
