import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CheckInDefinition, CheckInWeek, OpenRequest } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { PulseCard, RequestsCard } from "./progress-cards";

const week = (key: string, wePulse: number | null, mePulse: number | null): CheckInWeek => ({
  week: key,
  answers: { spokeUp: null, feltHeard: null, backedPartner: null, feltBacked: null, friendsFamilyHours: null, wePulse, mePulse },
  hasNote: false,
});
/** The card reads weeks only; a definition without questions keeps the fixture to what the contract asks. */
const definition: CheckInDefinition = { id: "weekly-check-in", version: "1", questions: [] };

describe("the home page's pulse card", () => {
  it("draws the last weeks, gives the same numbers as a table, and says which way the We pulse went", async () => {
    stubFetch({
      "GET /api/check-ins": {
        status: 200,
        body: { weeks: [week("2026-W45", 3, 5), week("2026-W46", 3, 5), week("2026-W48", 5, 5), week("2026-W49", 6, 4)], signals: [], definition },
      },
    });
    renderRoutes([{ path: "/", element: <PulseCard /> }], "/");
    expect(await screen.findByRole("img", { name: /We and Me pulse over your last 4 check-ins/ })).toBeInTheDocument();
    expect(screen.getByText("Your We pulse has gone up over your last few check-ins.")).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    // A header row and five weeks: the skipped week shows as one.
    expect(rows).toHaveLength(6);
    expect(within(rows[3]!).getAllByText("skipped")).toHaveLength(2);
  });

  it("says what will come before there is anything to draw", async () => {
    stubFetch({ "GET /api/check-ins": { status: 200, body: { weeks: [], signals: [], definition } } });
    renderRoutes([{ path: "/", element: <PulseCard /> }], "/");
    expect(await screen.findByText("Your We and Me pulse will show here after your first check-in.")).toBeInTheDocument();
  });
});

describe("the counsellor's open requests", () => {
  it("show with the way to do each and a way to say no", async () => {
    let open: OpenRequest[] = [
      { id: "r1", kind: "check-in", counsellorName: "Dana", createdAt: "2026-12-01T00:00:00.000Z", expiresAt: "2026-12-05T00:00:00.000Z" },
    ];
    const calls = stubFetch({
      "GET /api/requests": () => ({ status: 200, body: { requests: open } }),
      "POST /api/requests/r1/decline": () => ((open = []), { status: 204, body: null }),
    });
    renderRoutes([{ path: "/", element: <RequestsCard /> }], "/");
    expect(await screen.findByText(/Dana asked you to do this week's check-in\./)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Do the check-in" })).toHaveAttribute("href", "/check-in");
    await userEvent.click(screen.getByRole("button", { name: "No, thanks" }));
    await waitFor(() => expect(screen.queryByText(/Dana asked you/)).not.toBeInTheDocument());
    expect(calls.some((call) => call.method === "POST" && call.path === "/api/requests/r1/decline")).toBe(true);
  });
});
