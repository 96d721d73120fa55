import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ConsentRoute } from "../../../app/routes/consent";
import { consentNotGiven } from "../../../testing/factories";

const notAgreed = { status: 200, body: consentNotGiven("2026-11-24") };
const routes = [
  { path: "/consent", element: <ConsentRoute /> },
  { path: "/assessment", element: <p>Assessment page</p> },
];

describe("The consent page", () => {
  it("stores nothing until the person ticks the agreement", async () => {
    const calls = stubFetch({ "GET /api/consent": notAgreed });
    renderRoutes(routes, "/consent");
    await userEvent.click(await screen.findByRole("button", { name: "I agree, continue" }));
    expect(screen.getByText("Please tick the box to show that you agree.")).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(0);
  });

  it("records agreement to the version in force and continues to the assessment", async () => {
    const calls = stubFetch({
      "GET /api/consent": notAgreed,
      "POST /api/consent": { status: 200, body: { hasConsented: true, noticeVersion: "2026-11-24", consentedAt: "2026-11-24T09:00:00.000Z" } },
    });
    const { router } = renderRoutes(routes, "/consent");
    expect(await screen.findByRole("heading", { name: "Who sees it" })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(/I agree that Mutual keeps my answers/));
    await userEvent.click(screen.getByRole("button", { name: "I agree, continue" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/assessment"));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ noticeVersion: "2026-11-24", agree: true });
  });
});
