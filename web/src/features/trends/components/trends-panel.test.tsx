import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { TrendsPanel } from "./trends-panel";
import { weekStartMs } from "../../../components/trends/weeks";

// Canvas drawing is for the browser (covered by e2e); here the chart module is a stand-in.
vi.mock("../../../components/trends/uplot-draw", () => ({ drawChart: () => ({ setWidth: () => undefined, destroy: () => undefined }) }));

const answers = (overrides: Record<string, number | null>) => ({
  spokeUp: 2,
  feltHeard: 3,
  backedPartner: 3,
  feltBacked: 2,
  friendsFamilyHours: 6,
  wePulse: 5,
  mePulse: 4,
  ...overrides,
});

const definition = { id: "mutual-weekly-check-in", version: "1.0.0", questions: [] };

describe("TrendsPanel", () => {
  it("starts the ISO week on its Monday", () => {
    expect(new Date(weekStartMs("2026-W48")!).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(new Date(weekStartMs("2021-W01")!).toISOString()).toBe("2021-01-04T00:00:00.000Z");
    expect(weekStartMs("2026-48")).toBeNull();
  });

  it("offers each chart's numbers as a table with one row per week, and explains a signal with a practice link", async () => {
    stubFetch({
      "GET /api/check-ins": {
        status: 200,
        body: {
          weeks: [
            { week: "2026-W45", answers: answers({ wePulse: 6 }), hasNote: false },
            { week: "2026-W46", answers: answers({ friendsFamilyHours: null }), hasNote: true },
            { week: "2026-W48", answers: answers({ wePulse: 3, friendsFamilyHours: 1.5 }), hasNote: false },
          ],
          signals: [
            {
              id: "social-withdrawal",
              title: "Less time with your people",
              explanation: "Lately about 1.5 hours a week, against 6 before.",
              practice: "friends-family",
            },
          ],
          definition,
        },
      },
    });
    renderRoutes([{ path: "/trends", element: <TrendsPanel /> }], "/trends");
    const pulse = await screen.findByRole("region", { name: "We and Me pulse" });
    // Beside a chart, the table is built just after the page shows.
    const table = await within(pulse).findByRole("table", { name: "We and Me pulse" });
    const rowHeaders = within(table)
      .getAllByRole("rowheader")
      .map((cell) => cell.textContent);
    expect(rowHeaders).toEqual(["Week of 2 Nov", "Week of 9 Nov", "Week of 23 Nov"]);
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("6 of 7");
    expect(within(pulse).getByText(/We pulse: 6 of 7 in the week of 2 Nov, 3 of 7 in the week of 23 Nov\./)).toBeInTheDocument();

    const ties = screen.getByRole("region", { name: "Time with friends and family" });
    expect((await within(ties).findAllByRole("row"))[2]).toHaveTextContent("not answered");

    const signals = screen.getByRole("region", { name: "Something worth noticing" });
    expect(within(signals).getByText("Less time with your people")).toBeInTheDocument();
    expect(within(signals).getByRole("link", { name: /Keep your people close/ })).toHaveAttribute("href", "/practices#practice-friends-family");
  });

  it("invites a first check-in when there is none", async () => {
    stubFetch({ "GET /api/check-ins": { status: 200, body: { weeks: [], signals: [], definition } } });
    renderRoutes([{ path: "/trends", element: <TrendsPanel /> }], "/trends");
    expect(await screen.findByRole("link", { name: "Do this week's check-in" })).toHaveAttribute("href", "/check-in");
  });

  it("says trends come after a few weeks and still lists what there is", async () => {
    stubFetch({
      "GET /api/check-ins": { status: 200, body: { weeks: [{ week: "2026-W48", answers: answers({}), hasNote: false }], signals: [], definition } },
    });
    renderRoutes([{ path: "/trends", element: <TrendsPanel /> }], "/trends");
    expect(await screen.findByText(/Trends appear after a few weeks/)).toBeInTheDocument();
    expect(screen.getAllByRole("table")).toHaveLength(4);
  });
});
