import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { JoinCounselling } from "./join-counselling";
import type { ClientInviteLookupResponse, CounsellingRelationsResponse } from "@mutual/core";

const routes = [
  { path: "/counselling/join", element: <JoinCounselling /> },
  { path: "/counselling", element: <p>Counselling page</p> },
];

const lookupOk = {
  status: 200,
  body: {
    practice: { name: "Riverside" },
    counsellor: { name: "Carl" },
    kind: "individual",
    expiresAt: "2026-12-01T10:00:00.000Z",
  } satisfies ClientInviteLookupResponse,
};
const relations: CounsellingRelationsResponse = {
  relations: [
    {
      clientId: "c1",
      practice: { name: "Riverside" },
      counsellor: { name: "Carl" },
      kind: "individual",
      scopes: ["profile", "check-ins"],
      since: "2026-11-24T10:00:00.000Z",
    },
  ],
};

describe("Joining a counsellor", () => {
  it("reads the code from the link, names the counsellor and practice first, and accepts with profile and check-ins ticked", async () => {
    const calls = stubFetch({ "POST /api/counselling/lookup": lookupOk, "POST /api/counselling/accept": { status: 200, body: relations } });
    const { router } = renderRoutes(routes, "/counselling/join#ABCDE-12345");
    expect(await screen.findByRole("heading", { name: "Carl at Riverside invites you" })).toBeInTheDocument();
    expect(router.state.location.hash).toBe("");
    expect(screen.getByRole("checkbox", { name: "Profile scores" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Weekly check-ins" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Safety check" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Notes and reflections" })).not.toBeChecked();
    // Why sharing the safety check can help, tied to its checkbox.
    expect(screen.getByRole("checkbox", { name: "Safety check" })).toHaveAccessibleDescription(/A counsellor can only help with what they know about/);

    await userEvent.click(screen.getByRole("button", { name: "Accept and share" }));
    expect(await screen.findByText("Counselling page")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?joined=1");
    expect(calls.filter((call) => call.method === "POST")).toEqual([
      { method: "POST", path: "/api/counselling/lookup", body: { code: "ABCDE-12345" } },
      { method: "POST", path: "/api/counselling/accept", body: { code: "ABCDE-12345", scopes: ["profile", "check-ins"] } },
    ]);
  });

  it("takes a typed code, and sends exactly the scopes chosen", async () => {
    const calls = stubFetch({ "POST /api/counselling/lookup": lookupOk, "POST /api/counselling/accept": { status: 200, body: relations } });
    renderRoutes(routes, "/counselling/join");
    await userEvent.type(screen.getByLabelText("Code from your counsellor"), "nope");
    await userEvent.click(screen.getByRole("button", { name: "Check the code" }));
    expect(screen.getByText("That does not look like a code: it has ten letters and digits.")).toBeInTheDocument();
    expect(calls).toEqual([]);
    await userEvent.clear(screen.getByLabelText("Code from your counsellor"));
    await userEvent.type(screen.getByLabelText("Code from your counsellor"), "abcde 12345");
    await userEvent.click(screen.getByRole("button", { name: "Check the code" }));
    await screen.findByRole("heading", { name: "Carl at Riverside invites you" });
    await userEvent.click(screen.getByRole("checkbox", { name: "Safety check" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Profile scores" }));
    await userEvent.click(screen.getByRole("button", { name: "Accept and share" }));
    await screen.findByText("Counselling page");
    expect(calls.at(-1)).toEqual({ method: "POST", path: "/api/counselling/accept", body: { code: "ABCDE-12345", scopes: ["check-ins", "safety"] } });
  });

  it("says plainly when a code does not work, and when a couple invite needs a partner link", async () => {
    stubFetch({ "POST /api/counselling/lookup": { status: 404, body: { error: { code: "INVITE_NOT_FOUND", message: "x" } } } });
    renderRoutes(routes, "/counselling/join#ABCDE-12345");
    expect(await screen.findByRole("alert")).toHaveTextContent("This code does not work.");

    stubFetch({
      "POST /api/counselling/lookup": { status: 200, body: { ...lookupOk.body, kind: "couple" } },
      "POST /api/counselling/accept": { status: 409, body: { error: { code: "NOT_LINKED", message: "x" } } },
    });
    renderRoutes(routes, "/counselling/join#ZZZZZ-12345");
    expect(await screen.findByText("This invite is for you and your partner.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Accept and share" }));
    expect(await screen.findByText(/Link with your partner in Mutual first/)).toBeInTheDocument();
  });
});
