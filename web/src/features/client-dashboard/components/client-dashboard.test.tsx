import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DashboardMember, DashboardResponse, DashboardRow } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ClientDashboard } from "./client-dashboard";

const sharing: DashboardMember = {
  name: "陈美玲",
  scopes: ["check-ins", "profile"],
  since: "2026-10-01T00:00:00.000Z",
  profile: {
    latest: { completedAt: "2026-11-20T00:00:00.000Z", we: 68.4, me: 41.2, pattern: "leaning-co-dependent", flags: ["low-support"] },
    change: {
      intakeAt: "2026-09-28T00:00:00.000Z",
      latestAt: "2026-11-20T00:00:00.000Z",
      scores: [
        { key: "CLOSE", before: 40, after: 71, rci: 2.4, classification: "improved" },
        { key: "VOICE", before: 60, after: 70, rci: 2.1, classification: "improved" },
        { key: "SELF", before: 70, after: 41, rci: -2.6, classification: "deteriorated" },
        { key: "TIES", before: 50, after: 52, rci: 0.2, classification: "no-reliable-change" },
      ],
    },
  },
  checkIns: { lastWeek: "2026-W45", lastAt: "2026-11-05T00:00:00.000Z", overdue: true },
};

const quiet: DashboardMember = { name: "Kavitha Rajan", scopes: [], since: "2026-10-02T00:00:00.000Z", profile: null, checkIns: null };

const couple: DashboardRow = {
  clientId: "c1",
  kind: "couple",
  name: "陈美玲 & Kavitha Rajan",
  members: [sharing, quiet],
  overdue: true,
  offTrack: true,
  offTrackReasons: ["deteriorated", "new-flag", "pulse-decline"],
  lastCheckInAt: "2026-11-05T00:00:00.000Z",
};

const single: DashboardRow = {
  clientId: "c2",
  kind: "individual",
  name: "Nurul Huda",
  members: [{ name: "Nurul Huda", scopes: ["profile"], since: "2026-10-03T00:00:00.000Z", profile: { latest: null, change: null }, checkIns: null }],
  overdue: false,
  offTrack: false,
  offTrackReasons: [],
  lastCheckInAt: null,
};

const page = (rows: DashboardRow[], extra: Partial<DashboardResponse> = {}): { status: number; body: DashboardResponse } => ({
  status: 200,
  body: { rows, total: rows.length, totalCapped: false, page: 1, pageSize: 25, normSource: "provisional", ...extra },
});

const base = "/api/practices/p1/dashboard";
const q = (query: string) => `GET ${base}?${query}`;

const show = (answers: Record<string, { status: number; body: unknown }>, path = "/practice/p1/clients") => {
  const calls = stubFetch(answers);
  const rendered = renderRoutes(
    [
      { path: "/practice/:practiceId/clients", element: <ClientDashboard practiceId="p1" /> },
      { path: "/practice/:practiceId/clients/:clientId", element: <p>Detail page</p> },
    ],
    path,
  );
  return { calls, router: rendered.router };
};

describe("ClientDashboard", () => {
  it("shows one row per client, a couple with both names, and every badge and change in words", async () => {
    show({ [q("sort=name&order=asc&page=1&pageSize=25")]: page([couple, single]) });
    const table = await screen.findByRole("table", { name: "Your clients: pattern, real change since intake, check-ins and alerts" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    const row = rows[1]!;
    expect(within(row).getByRole("link", { name: "陈美玲 & Kavitha Rajan" })).toHaveAttribute("href", "/practice/p1/clients/c1");
    expect(row).toHaveTextContent("A couple");
    expect(row).toHaveTextContent("陈美玲: leaning co-dependent");
    expect(row).toHaveTextContent("68");
    expect(row).toHaveTextContent("41");
    expect(row).toHaveTextContent("Support feels thin at the moment");
    expect(row).toHaveTextContent("2 improved, 1 deteriorated, 1 with no reliable change");
    expect(row).toHaveTextContent("Sense of self: deteriorated");
    expect(row).toHaveTextContent("Overdue no check-in for more than 10 days");
    expect(row).toHaveTextContent(
      "Off track a real drop since intake; a new flag since you last opened this client; a We or Me pulse going down for weeks, as of their last check-in",
    );
    // The partner who shares nothing: named, nothing else.
    expect(row).toHaveTextContent("Kavitha Rajan: Not shared");
    const second = rows[2]!;
    expect(second).toHaveTextContent("One person");
    expect(second).toHaveTextContent("No profile yet");
    expect(second).toHaveTextContent("No alerts");
    expect(screen.getByText(/starting figures/)).toBeInTheDocument();
    expect(screen.getByText("2 clients")).toBeInTheDocument();
  });

  it("says when change is judged with the practice's own figures", async () => {
    show({ [q("sort=name&order=asc&page=1&pageSize=25")]: page([single], { normSource: "deployment" }) });
    expect(await screen.findByText("Real change is judged with this practice's own figures.")).toBeInTheDocument();
  });

  it("sorts on the server: a header button asks for the column, then flips the order, and aria-sort follows", async () => {
    const { calls, router } = show({
      [q("sort=name&order=asc&page=1&pageSize=25")]: page([couple, single]),
      [q("sort=we&order=asc&page=1&pageSize=25")]: page([single, couple]),
      [q("sort=we&order=desc&page=1&pageSize=25")]: page([couple, single]),
    });
    const nameHeader = await screen.findByRole("columnheader", { name: /Client/ });
    expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await userEvent.click(screen.getByRole("button", { name: /^We/ }));
    expect(await screen.findByRole("columnheader", { name: /^We/ })).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getByRole("columnheader", { name: /Client/ })).toHaveAttribute("aria-sort", "none");
    expect(router.state.location.search).toBe("?sort=we");
    await userEvent.click(screen.getByRole("button", { name: /^We/ }));
    expect(router.state.location.search).toBe("?sort=we&order=desc");
    await expect.poll(() => screen.getByRole("columnheader", { name: /^We/ }).getAttribute("aria-sort")).toBe("descending");
    expect(calls.map((call) => call.path)).toEqual([
      `${base}?sort=name&order=asc&page=1&pageSize=25`,
      `${base}?sort=we&order=asc&page=1&pageSize=25`,
      `${base}?sort=we&order=desc&page=1&pageSize=25`,
    ]);
  });

  it("filters by flag, overdue and off track through the address, and Back undoes a filter", async () => {
    const { calls, router } = show({
      [q("sort=name&order=asc&page=1&pageSize=25")]: page([couple, single]),
      [q("sort=name&order=asc&flag=low-support&page=1&pageSize=25")]: page([couple]),
      [q("sort=name&order=asc&flag=low-support&overdue=true&page=1&pageSize=25")]: page([couple]),
      [q("sort=name&order=asc&flag=low-support&overdue=true&offTrack=true&page=1&pageSize=25")]: page([]),
    });
    await screen.findByRole("table");
    await userEvent.selectOptions(screen.getByLabelText("With the flag"), "low-support");
    await userEvent.click(screen.getByRole("checkbox", { name: "Overdue for a check-in" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Off track" }));
    expect(await screen.findByText("No clients match these filters.")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?flag=low-support&overdue=true&offTrack=true");
    expect(calls.at(-1)?.path).toBe(`${base}?sort=name&order=asc&flag=low-support&overdue=true&offTrack=true&page=1&pageSize=25`);
    await router.navigate(-1);
    expect(await screen.findByRole("table")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Off track" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Overdue for a check-in" })).toBeChecked();
  });

  it("pages with previous and next, saying which page of how many", async () => {
    const { router } = show({
      [q("sort=name&order=asc&page=1&pageSize=25")]: page([couple], { total: 60 }),
      [q("sort=name&order=asc&page=2&pageSize=25")]: page([single], { total: 60, page: 2 }),
      [q("sort=name&order=asc&page=3&pageSize=25")]: page([single], { total: 60, page: 3 }),
    });
    expect(await screen.findByText("Page 1 of 3")).toBeInTheDocument();
    expect(screen.getByText("60 clients")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("Page 2 of 3")).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Nurul Huda" })).toBeInTheDocument();
    expect(router.state.location.search).toBe("?page=2");
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("Page 3 of 3")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
  });

  it('says "more than" when a filtered count stopped at its cap, and pages on past it', async () => {
    const { router } = show(
      {
        [q("sort=name&order=asc&flag=low-support&page=40&pageSize=25")]: page([couple], { total: 1000, totalCapped: true, page: 40 }),
        [q("sort=name&order=asc&flag=low-support&page=41&pageSize=25")]: page([single], { total: 1010, page: 41 }),
      },
      "/practice/p1/clients?flag=low-support&page=40",
    );
    expect(await screen.findByText("More than 1,000 clients")).toBeInTheDocument();
    expect(screen.getByText("Page 40 of more than 40")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("Page 41 of 41")).toBeInTheDocument();
    expect(screen.getByText("1010 clients")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
    expect(router.state.location.search).toBe("?flag=low-support&page=41");
  });

  it("reads the view from the address it was opened at", async () => {
    const { calls } = show(
      { [q("sort=lastCheckIn&order=desc&overdue=true&page=2&pageSize=25")]: page([single], { total: 30, page: 2 }) },
      "/practice/p1/clients?sort=lastCheckIn&order=desc&overdue=true&page=2",
    );
    expect(await screen.findByText("Page 2 of 2")).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: /Last check-in/ })).toHaveAttribute("aria-sort", "descending");
    expect(calls).toHaveLength(1);
  });

  it("with no clients at all, points to the practice page to invite one", async () => {
    show({ [q("sort=name&order=asc&page=1&pageSize=25")]: page([]) });
    expect(await screen.findByText("No clients yet — invite one from the practice page.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to the practice page" })).toHaveAttribute("href", "/practice/p1");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("asks for two-step sign-in first, showing no client", async () => {
    show({ [q("sort=name&order=asc&page=1&pageSize=25")]: { status: 403, body: { error: { code: "TWO_FACTOR_REQUIRED", message: "x" } } } });
    expect(await screen.findByText("Turn on two-step sign-in before you can see any client's details.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Turn on two-step sign-in" })).toHaveAttribute("href", "/account/two-factor");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says when the list could not be loaded", async () => {
    show({ [q("sort=name&order=asc&page=1&pageSize=25")]: { status: 500, body: { error: { code: "INTERNAL", message: "x" } } } });
    expect(await screen.findByText("Your clients could not be loaded.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
