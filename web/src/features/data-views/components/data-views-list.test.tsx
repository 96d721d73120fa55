import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { DataViewsList } from "./data-views-list";
import type { DataViewsResponse } from "@mutual/core";

const view = (id: string, scope: DataViewsResponse["views"][number]["scope"], viewedAt: string): DataViewsResponse["views"][number] => ({
  id,
  viewer: { name: "Sam", role: "partner" },
  scope,
  viewedAt,
  sittings: [viewedAt],
});

describe("Who viewed my data", () => {
  it("names a counsellor's views, with the counselling scope they saw", async () => {
    stubFetch({
      "GET /api/data-views": {
        status: 200,
        body: {
          views: [
            {
              id: "v9",
              viewer: { name: "Carl", role: "counsellor" },
              scope: "safety",
              viewedAt: "2026-11-24T09:30:00.000Z",
              sittings: ["2026-11-24T09:30:00.000Z"],
            },
          ],
          nextBefore: null,
        },
      },
    });
    renderRoutes([{ path: "/account/data-views", element: <DataViewsList /> }], "/account/data-views");
    const list = await screen.findByRole("list", { name: "Views of your data, newest first" });
    expect(within(list).getByRole("listitem")).toHaveTextContent("Carl (your counsellor at the time) saw your safety check");
  });

  it("lists who saw what and when, newest first, and shows older views on request", async () => {
    const calls = stubFetch({
      "GET /api/data-views": {
        status: 200,
        body: {
          views: [view("v3", "check-in-trends", "2026-11-24T09:30:00.000Z"), view("v2", "overview", "2026-11-23T18:05:00.000Z")],
          nextBefore: "cursor-1",
        },
      },
      "GET /api/data-views?before=cursor-1": { status: 200, body: { views: [view("v1", "exercises", "2026-11-20T08:00:00.000Z")], nextBefore: null } },
    });
    renderRoutes([{ path: "/account/data-views", element: <DataViewsList /> }], "/account/data-views");
    const list = await screen.findByRole("list", { name: "Views of your data, newest first" });
    let items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Sam (your partner at the time) saw your weekly check-in trends");
    expect(items[1]).toHaveTextContent("Sam (your partner at the time) saw your pattern and We and Me scores");
    const time = items[0]!.querySelector("time");
    expect(time).toHaveAttribute("dateTime", "2026-11-24T09:30:00.000Z");
    expect(time?.textContent).toBe(new Intl.DateTimeFormat("en-SG", { dateStyle: "medium", timeStyle: "short" }).format(new Date("2026-11-24T09:30:00.000Z")));

    await userEvent.click(screen.getByRole("button", { name: "Show older" }));
    expect(await screen.findByText("Sam (your partner at the time) saw your completed exercises")).toBeInTheDocument();
    items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(screen.queryByRole("button", { name: "Show older" })).not.toBeInTheDocument();
    expect(calls.map((call) => call.path)).toEqual(["/api/data-views", "/api/data-views?before=cursor-1"]);
  });

  it("says plainly when nobody has viewed anything", async () => {
    stubFetch({ "GET /api/data-views": { status: 200, body: { views: [], nextBefore: null } } });
    renderRoutes([{ path: "/account/data-views", element: <DataViewsList /> }], "/account/data-views");
    expect(await screen.findByText("Nobody else has viewed your data.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Show older" })).not.toBeInTheDocument();
  });

  it("offers to try again when the list cannot load", async () => {
    stubFetch({ "GET /api/data-views": { status: 500, body: { error: { code: "INTERNAL", message: "x" } } } });
    renderRoutes([{ path: "/account/data-views", element: <DataViewsList /> }], "/account/data-views");
    expect(await screen.findByRole("alert")).toHaveTextContent("We could not load this list.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
