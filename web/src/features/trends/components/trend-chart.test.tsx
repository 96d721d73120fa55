import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { TrendsPanel } from "./trends-panel";

// Canvas drawing is for the browser; here the chart module records what it was asked to draw.
const drawChart = vi.hoisted(() =>
  vi.fn((_target: HTMLElement, _input: { series: Array<{ label: string }> }) => ({ setWidth: () => undefined, destroy: () => undefined })),
);
vi.mock("../../../components/trends/uplot-draw", () => ({ drawChart }));

/** Stands in for the browser's IntersectionObserver: the test says when an element nears the screen. */
class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  disconnect() {
    this.targets.clear();
  }
  static scrollTo(target: Element) {
    for (const observer of FakeIntersectionObserver.all) if (observer.targets.has(target)) observer.callback([{ isIntersecting: true, target }]);
  }
}

const answers = { spokeUp: 2, feltHeard: 3, backedPartner: 3, feltBacked: 2, friendsFamilyHours: 6, wePulse: 5, mePulse: 4 };
const definition = { id: "mutual-weekly-check-in", version: "1.0.0", questions: [] };

function stubThreeWeeks() {
  stubFetch({
    "GET /api/check-ins": {
      status: 200,
      body: {
        weeks: ["2026-W46", "2026-W47", "2026-W48"].map((week) => ({ week, answers, hasNote: false })),
        signals: [],
        definition,
      },
    },
  });
}

beforeEach(() => {
  FakeIntersectionObserver.all = [];
  drawChart.mockClear();
  vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
});

afterEach(() => {
  // Unmount while the stand-ins are still there: the charts cancel what they scheduled with them.
  cleanup();
  vi.unstubAllGlobals();
});

describe("TrendChart", () => {
  it("draws each chart only once it nears the screen", async () => {
    stubThreeWeeks();
    renderRoutes([{ path: "/trends", element: <TrendsPanel /> }], "/trends");
    const pulse = await screen.findByRole("region", { name: "We and Me pulse" });
    const ties = screen.getByRole("region", { name: "Time with friends and family" });
    // Time enough for any work scheduled for an idle moment to run: still nothing is drawn.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(drawChart).not.toHaveBeenCalled();
    expect(within(pulse).getByText("Drawing the chart…")).toBeInTheDocument();

    // The canvas hosts are hidden from assistive technology, so they are found by their class.
    const pulseHost = pulse.querySelector(".trend__chart");
    const tiesHost = ties.querySelector(".trend__chart");
    act(() => FakeIntersectionObserver.scrollTo(pulseHost!));
    await waitFor(() => expect(within(pulse).queryByText("Drawing the chart…")).toBeNull());
    expect(drawChart).toHaveBeenCalledTimes(1);
    expect(drawChart.mock.calls[0]?.[0]).toBe(pulseHost);
    expect(drawChart.mock.calls[0]?.[1].series.map((line) => line.label)).toEqual(["We pulse", "Me pulse"]);
    expect(within(ties).getByText("Drawing the chart…")).toBeInTheDocument();

    // Scrolling on to the last chart draws that one next, not the ones in between.
    act(() => FakeIntersectionObserver.scrollTo(tiesHost!));
    await waitFor(() => expect(drawChart).toHaveBeenCalledTimes(2));
    expect(drawChart.mock.calls[1]?.[0]).toBe(tiesHost);
    expect(within(ties).queryByText("Drawing the chart…")).toBeNull();
  });

  it("builds a closed table as soon as the person opens it, without waiting for an idle moment", async () => {
    // A browser that never has an idle moment: only opening the table can build it.
    vi.stubGlobal("requestIdleCallback", () => 1);
    vi.stubGlobal("cancelIdleCallback", () => undefined);
    stubThreeWeeks();
    renderRoutes([{ path: "/trends", element: <TrendsPanel /> }], "/trends");
    const pulse = await screen.findByRole("region", { name: "We and Me pulse" });
    expect(within(pulse).queryByRole("table")).toBeNull();

    await userEvent.click(within(pulse).getByText("Show the numbers as a table"));
    const table = await within(pulse).findByRole("table", { name: "We and Me pulse" });
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Week of 9 Nov", "Week of 16 Nov", "Week of 23 Nov"]);
  });
});
