import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CounsellorRequestsResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ClientRequestsSection } from "./client-requests-section";

const path = "/api/practices/p1/clients/c1/requests";

describe("asking a client from their page", () => {
  it("sends the kind and how long it stays open, and lists where each request stands", async () => {
    let requests: CounsellorRequestsResponse["requests"] = [];
    const calls = stubFetch({
      [`GET ${path}`]: () => ({ status: 200, body: { requests } }),
      [`POST ${path}`]: () => {
        requests = [{ id: "r1", kind: "profile", memberName: "Ana", status: "open", createdAt: "2026-12-07T00:00:00.000Z", expiresAt: null }];
        return { status: 201, body: { requests } };
      },
    });
    renderRoutes([{ path: "/", element: <ClientRequestsSection practiceId="p1" clientId="c1" /> }], "/");
    expect(await screen.findByText("No requests yet.")).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Take the profile again"));
    await userEvent.selectOptions(screen.getByLabelText("Open for"), "never");
    await userEvent.click(screen.getByRole("button", { name: "Send the request" }));
    expect(await screen.findByText("Take the profile again for Ana: open")).toBeInTheDocument();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ kind: "profile", expiresInDays: null });
  });

  it("says plainly when the client does not share what was asked for", async () => {
    stubFetch({
      [`GET ${path}`]: { status: 200, body: { requests: [] } },
      [`POST ${path}`]: { status: 409, body: { error: { code: "NOT_SHARED", message: "x" } } },
    });
    renderRoutes([{ path: "/", element: <ClientRequestsSection practiceId="p1" clientId="c1" /> }], "/");
    await userEvent.click(await screen.findByRole("button", { name: "Send the request" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Your client does not share that with you, so you cannot ask for it."));
  });
});
