import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { JourneyCard } from "./journey-card";
import { consentGiven, consentNotGiven } from "../../../testing/factories";

const routes = [{ path: "/", element: <JourneyCard /> }];

describe("The home page's next step", () => {
  it("starts with the consent notice", async () => {
    const calls = stubFetch({ "GET /api/consent": { status: 200, body: consentNotGiven("2026-11-24") } });
    renderRoutes(routes, "/");
    expect(await screen.findByRole("link", { name: "Read how your answers are kept" })).toHaveAttribute("href", "/consent");
    expect(calls.map((call) => call.path)).toEqual(["/api/consent"]);
  });

  it("offers to continue a profile in progress", async () => {
    stubFetch({
      "GET /api/consent": { status: 200, body: consentGiven("2026-11-24") },
      "GET /api/assessments/current": {
        status: 200,
        body: {
          inProgress: {
            id: "a1",
            startedAt: "2026-11-24T00:00:00.000Z",
            sections: [],
            answers: { "close-1": 5, "voice-1": 4 },
            answeredCount: 2,
            totalCount: 41,
            scale: [],
            language: "en",
            translationStatus: "source",
          },
          completedCount: 0,
          lastCompletedAt: null,
          retakeAvailableAt: null,
        },
      },
    });
    renderRoutes(routes, "/");
    expect(await screen.findByText("You have answered 2 of 41. You will pick up where you stopped.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Continue" })).toHaveAttribute("href", "/assessment");
  });
});
