import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PracticeDetailResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { PracticeDetail } from "./practice-detail";

const base: PracticeDetailResponse = {
  practice: { id: "p1", name: "Riverside", createdAt: "2026-11-24T00:00:00.000Z" },
  myRole: "counsellor",
  twoFactorEnabled: false,
  members: [
    { memberId: "m1", name: "Olga", role: "owner", isMe: false },
    { memberId: "m2", name: "Carl", role: "counsellor", isMe: true },
  ],
  invitations: null,
};

const show = (detail: PracticeDetailResponse) => {
  stubFetch({ "GET /api/practices/p1": { status: 200, body: detail } });
  return renderRoutes([{ path: "/practice/:practiceId", element: <PracticeDetail practiceId="p1" /> }], "/practice/p1");
};

describe("PracticeDetail", () => {
  it("tells a counsellor without two-step sign-in to turn it on, with a link, and shows no management", async () => {
    show(base);
    expect(await screen.findByText("Turn on two-step sign-in before you can see any client's details.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Turn it on now" })).toHaveAttribute("href", "/account/two-factor");
    expect(screen.getByText("Your role here: Counsellor.")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Invite a colleague" })).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "Email" })).toBeNull();
  });

  it("shows no prompt once two-step sign-in is on", async () => {
    show({ ...base, twoFactorEnabled: true });
    expect(await screen.findByText("Your role here: Counsellor.")).toBeInTheDocument();
    expect(screen.queryByText(/Turn on two-step sign-in/)).toBeNull();
  });

  it("lets an owner see emails, pending invitations, invite, and change or remove other members", async () => {
    show({
      ...base,
      myRole: "owner",
      twoFactorEnabled: true,
      members: [
        { memberId: "m1", name: "Olga", role: "owner", isMe: true, email: "olga@example.test" },
        { memberId: "m2", name: "Carl", role: "counsellor", isMe: false, email: "carl@example.test" },
      ],
      invitations: [{ id: "i1", email: "dora@example.test", role: "admin", expiresAt: "2026-12-01T00:00:00.000Z" }],
    });
    const table = await screen.findByRole("table");
    expect(within(table).getByText("carl@example.test")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Role of Carl" })).toHaveValue("counsellor");
    expect(screen.getByRole("button", { name: "Remove Carl" })).toBeInTheDocument();
    // Nobody changes the owner's role or removes them here.
    expect(screen.queryByRole("combobox", { name: "Role of Olga" })).toBeNull();
    expect(screen.getByRole("button", { name: "Cancel the invitation to dora@example.test" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Invite a colleague" })).toBeInTheDocument();
  });

  it("links the practice's figures for owners and admins, and a counsellor's scores download once two-step sign-in is on", async () => {
    show({ ...base, myRole: "admin", twoFactorEnabled: true });
    expect(await screen.findByRole("link", { name: "How well the questions work with this practice's clients" })).toHaveAttribute(
      "href",
      "/practice/p1/psychometrics",
    );
    expect(screen.getByRole("link", { name: "Download your clients' profile scores (CSV)" })).toHaveAttribute("href", "/api/practices/p1/export.csv");
    expect(screen.getByRole("link", { name: "Open your clients' dashboard" })).toHaveAttribute("href", "/practice/p1/clients");
  });

  it("shows a counsellor no figures link, and no download without two-step sign-in", async () => {
    show(base);
    expect(await screen.findByText("Your role here: Counsellor.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /How the questionnaire works/ })).toBeNull();
    expect(screen.queryByRole("link", { name: /Download your clients/ })).toBeNull();
    expect(screen.queryByRole("link", { name: /dashboard/ })).toBeNull();
  });

  it("says the practice cannot be found for a non-member", async () => {
    stubFetch({ "GET /api/practices/p1": { status: 404, body: { error: { code: "NOT_FOUND", message: "Nothing here." } } } });
    renderRoutes([{ path: "/practice/:practiceId", element: <PracticeDetail practiceId="p1" /> }], "/practice/p1");
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not find this practice");
  });
});
