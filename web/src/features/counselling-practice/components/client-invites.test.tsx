import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, renderWithProviders, stubFetch } from "../../../testing/render";
import { ClientInvites } from "./client-invites";
import { PracticeClients } from "./practice-clients";
import type { ClientInvitesResponse, PracticeClientsResponse } from "@mutual/core";

describe("Inviting a client", () => {
  it("makes a couple invite, shows its code and link once with the expiry, and lists and cancels waiting invites", async () => {
    let invites: ClientInvitesResponse["invites"] = [
      { id: "i0", kind: "individual", createdAt: "2026-11-20T10:00:00.000Z", expiresAt: "2026-11-27T10:00:00.000Z" },
    ];
    const calls = stubFetch({
      "GET /api/practices/p1/client-invites": () => ({ status: 200, body: { invites, nextCursor: null } }),
      "POST /api/practices/p1/client-invites": () => {
        invites = [...invites, { id: "i1", kind: "couple", createdAt: "2026-11-24T10:00:00.000Z", expiresAt: "2026-12-01T10:00:00.000Z" }];
        return {
          status: 201,
          body: { id: "i1", code: "ABCDE-12345", kind: "couple", createdAt: "2026-11-24T10:00:00.000Z", expiresAt: "2026-12-01T10:00:00.000Z" },
        };
      },
      "DELETE /api/practices/p1/client-invites/i0": () => {
        invites = invites.filter((invite) => invite.id !== "i0");
        return { status: 204, body: null };
      },
    });
    renderWithProviders(<ClientInvites practiceId="p1" />);
    expect(await screen.findByText(/For one person, made/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: "A couple (each partner accepts for themselves)" }));
    await userEvent.click(screen.getByRole("button", { name: "Make an invite code" }));
    expect(await screen.findByText("ABCDE-12345")).toBeInTheDocument();
    expect(screen.getByText(`${window.location.origin}/counselling/join#ABCDE-12345`)).toBeInTheDocument();
    expect(screen.getByText("It works until 1 Dec 2026.")).toBeInTheDocument();
    expect(screen.getByText(/This code is shown only once/)).toBeInTheDocument();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ kind: "couple" });
    expect(await screen.findByText(/For a couple, made/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Cancel the invite made 20 Nov 2026" }));
    await screen.findByText(/For a couple, made/);
    expect(screen.queryByText(/For one person, made/)).toBeNull();
    expect(calls.some((call) => call.method === "DELETE" && call.path === "/api/practices/p1/client-invites/i0")).toBe(true);
  });

  it("lists waiting invites page by page", async () => {
    const invite = (id: string, day: number): ClientInvitesResponse["invites"][number] => ({
      id,
      kind: "individual",
      createdAt: `2026-11-${day}T10:00:00.000Z`,
      expiresAt: `2026-11-${day + 7}T10:00:00.000Z`,
    });
    stubFetch({
      "GET /api/practices/p1/client-invites": { status: 200, body: { invites: [invite("i1", 10)], nextCursor: "5.i1" } },
      "GET /api/practices/p1/client-invites?cursor=5.i1": { status: 200, body: { invites: [invite("i2", 12)], nextCursor: null } },
    });
    renderWithProviders(<ClientInvites practiceId="p1" />);
    expect(await screen.findByRole("button", { name: "Cancel the invite made 10 Nov 2026" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show more invites" }));
    expect(await screen.findByRole("button", { name: "Cancel the invite made 12 Nov 2026" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Cancel the invite made 10 Nov 2026" })).toBeInTheDocument();
    expect(screen.getByText("Showing 2 invites.")).toHaveFocus();
  });
});

describe("Your clients", () => {
  it("lists each client's people, kind, what they share and since when", async () => {
    stubFetch({
      "GET /api/practices/p1/clients": {
        status: 200,
        body: {
          clients: [
            {
              clientId: "c1",
              kind: "couple",
              members: [
                { name: "Ana", scopes: ["profile"], since: "2026-11-24T10:00:00.000Z" },
                { name: "Ben", scopes: [], since: "2026-11-24T11:00:00.000Z" },
              ],
            },
          ],
          nextCursor: null,
        },
      },
    });
    renderWithProviders(<PracticeClients practiceId="p1" twoFactorEnabled />);
    expect(await screen.findByRole("rowheader", { name: "Ana" })).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /Ana a couple profile scores/ })).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /Ben a couple nothing for now/ })).toBeInTheDocument();
  });

  it("shows the next page on request, from the keyboard, and keeps focus on the list when the last page arrives", async () => {
    const client = (id: string, name: string): PracticeClientsResponse["clients"][number] => ({
      clientId: id,
      kind: "individual",
      members: [{ name, scopes: ["profile"], since: "2026-11-24T10:00:00.000Z" }],
    });
    const calls = stubFetch({
      "GET /api/practices/p1/clients": { status: 200, body: { clients: [client("c1", "Ana")], nextCursor: "100.c1" } },
      "GET /api/practices/p1/clients?cursor=100.c1": { status: 200, body: { clients: [client("c2", "Ben")], nextCursor: null } },
    });
    renderWithProviders(<PracticeClients practiceId="p1" twoFactorEnabled />);
    expect(await screen.findByRole("rowheader", { name: "Ana" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Showing 1 client.");
    screen.getByRole("button", { name: "Show more clients" }).focus();
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByRole("rowheader", { name: "Ben" })).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "Ana" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Show more clients" })).toBeNull();
    expect(screen.getByText("Showing 2 clients.")).toHaveFocus();
    expect(calls.map((call) => call.path)).toEqual(["/api/practices/p1/clients", "/api/practices/p1/clients?cursor=100.c1"]);
  });

  it("says so when the next page cannot be loaded, and offers it again", async () => {
    const client: PracticeClientsResponse["clients"][number] = {
      clientId: "c1",
      kind: "individual",
      members: [{ name: "Ana", scopes: [], since: "2026-11-24T10:00:00.000Z" }],
    };
    stubFetch({ "GET /api/practices/p1/clients": { status: 200, body: { clients: [client], nextCursor: "100.c1" } } });
    renderWithProviders(<PracticeClients practiceId="p1" twoFactorEnabled />);
    await userEvent.click(await screen.findByRole("button", { name: "Show more clients" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not load more clients.");
    expect(screen.getByRole("button", { name: "Show more clients" })).toBeEnabled();
    expect(screen.getByRole("rowheader", { name: "Ana" })).toBeInTheDocument();
  });

  it("says what to do when two-step sign-in is off, and asks for no client", async () => {
    const calls = stubFetch({});
    renderRoutes([{ path: "/", element: <PracticeClients practiceId="p1" twoFactorEnabled={false} /> }], "/");
    expect(await screen.findByText(/Your clients are listed here once two-step sign-in is on/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Turn on two-step sign-in" })).toHaveAttribute("href", "/account/two-factor");
    expect(calls).toEqual([]);
  });
});
