import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { InviteLandingRoute } from "../../../app/routes/invite-landing";

const routes = [
  { path: "/partner/join", element: <InviteLandingRoute /> },
  { path: "/counselling/join", element: <InviteLandingRoute /> },
  { path: "/practice/join/:invitationId", element: <InviteLandingRoute /> },
  { path: "/sign-in", element: <p>Sign-in page</p> },
];

describe("An invite link opened signed out", () => {
  it("says who invites, to what, what Mutual is, and offers an account first, both ways keeping the code", async () => {
    const calls = stubFetch({ "POST /api/invites/preview": { status: 200, body: { kind: "partner", inviter: { name: "Alex" }, practice: null } } });
    renderRoutes(routes, "/partner/join#ABCDE-12345");
    expect(await screen.findByRole("heading", { level: 1, name: "Alex invites you to Mutual" })).toBeInTheDocument();
    expect(screen.getByText(/link your accounts as partners/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "What Mutual is" })).toBeInTheDocument();
    const links = screen.getAllByRole("link").filter((link) => /account/i.test(link.textContent ?? ""));
    expect(links.map((link) => link.textContent)).toEqual(["Create an account", "I have an account"]);
    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/sign-up?next=%2Fpartner%2Fjoin#ABCDE-12345");
    expect(screen.getByRole("link", { name: "I have an account" })).toHaveAttribute("href", "/sign-in?next=%2Fpartner%2Fjoin#ABCDE-12345");
    expect(calls.find((call) => call.path === "/api/invites/preview")?.body).toEqual({ kind: "partner", code: "ABCDE-12345" });
  });

  it("names the counsellor and the practice of a client invite", async () => {
    stubFetch({ "POST /api/invites/preview": { status: 200, body: { kind: "client", inviter: { name: "Nur" }, practice: { name: "Harbour Lane" } } } });
    renderRoutes(routes, "/counselling/join#ABCDE-12345");
    expect(await screen.findByRole("heading", { level: 1, name: "Nur at Harbour Lane invites you to Mutual" })).toBeInTheDocument();
  });

  it("names the practice a colleague is invited to, the invitation's id in the path", async () => {
    const calls = stubFetch({
      "POST /api/invites/preview": { status: 200, body: { kind: "colleague", inviter: { name: "Nur" }, practice: { name: "Harbour Lane" } } },
    });
    renderRoutes(routes, "/practice/join/inv-1");
    expect(await screen.findByRole("heading", { level: 1, name: "Nur invites you to join Harbour Lane on Mutual" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/sign-up?next=%2Fpractice%2Fjoin%2Finv-1");
    expect(calls.find((call) => call.path === "/api/invites/preview")?.body).toEqual({ kind: "colleague", code: "inv-1" });
  });

  it("says plainly that a link is not valid, and nothing more", async () => {
    stubFetch({ "POST /api/invites/preview": { status: 404, body: { error: { code: "INVITE_NOT_VALID", message: "not valid" } } } });
    renderRoutes(routes, "/partner/join#ZZZZZ-ZZZZZ");
    expect(await screen.findByRole("heading", { level: 1, name: "This invite link is not valid" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Create an account" })).not.toBeInTheDocument();
  });

  it("sends someone to sign in first when the link has no code", async () => {
    stubFetch({});
    const { router } = renderRoutes(routes, "/partner/join");
    expect(await screen.findByText("Sign-in page")).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/partner/join")}`);
  });
});
