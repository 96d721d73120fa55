import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { focusManager } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CoupleReportResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { CoupleReport } from "./couple-report";

const thresholds = { differentExperience: 20, voiceGap: 25, bothLowClose: 40, crossPerceptionGap: 20 };

function readyReport(): CoupleReportResponse {
  return {
    partner: { name: "Sam" },
    isReady: true,
    missing: { myShare: false, partnerShare: false, myProfile: false, partnerProfile: false },
    shared: { mine: ["overview", "dimensions"], partners: ["overview", "dimensions"] },
    map: { mine: { we: 72, me: 40, pattern: "leaning-co-dependent" }, partners: { we: 61, me: 77, pattern: "interdependent" } },
    dimensions: [
      { code: "CLOSE", name: "Closeness", mine: 80, partners: 74, difference: -6, isDifferentExperience: false },
      { code: "VOICE", name: "Voice", mine: 35, partners: 70, difference: 35, isDifferentExperience: true },
    ],
    crossPerception: {
      iBackPartner: { giverSays: 80, receiverFeels: 50, gap: -30, isGap: true },
      partnerBacksMe: { giverSays: 60, receiverFeels: 62, gap: 2, isGap: false },
    },
    flags: [
      {
        id: "couple-power-imbalance",
        severity: "medium",
        title: "One voice may carry more weight",
        explanation: "Your Voice scores are far apart.",
        practice: "speak-up",
        counselling: "own-or-together",
      },
      {
        id: "couple-low-intimacy",
        severity: "high",
        title: "Closeness feels thin for you both",
        explanation: "You both report feeling distant.",
        practice: "support-passions",
        counselling: "relationship",
      },
    ],
    thresholds,
  };
}

const routes = [{ path: "/partner/report", element: <CoupleReport /> }];

afterEach(() => focusManager.setFocused(undefined));

describe("The couple report", () => {
  it("opens with framing before any number", async () => {
    stubFetch({ "GET /api/couple/report": { status: 200, body: readyReport() } });
    renderRoutes(routes, "/partner/report");
    const table = await screen.findByRole("table", { name: "Side by side" });
    const framing = screen.getByRole("region", { name: "Before you read on" });
    expect(framing).toHaveTextContent(/can sting/);
    expect(framing).toHaveTextContent(/counsellor/);
    expect(framing).toHaveTextContent(/RELATE/);
    // The framing comes first in the page, before the map and the table.
    expect(framing.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(framing.compareDocumentPosition(screen.getByRole("img", { name: /We × Me map/ })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("puts both points on one map and each score side by side, marking different experiences with a question", async () => {
    stubFetch({ "GET /api/couple/report": { status: 200, body: readyReport() } });
    renderRoutes(routes, "/partner/report");
    const map = await screen.findByRole("region", { name: "Where you each stand" });
    expect(within(map).getByText("You: We score 72, Me score 40 (out of 100); pattern: leaning co-dependent.")).toBeInTheDocument();
    expect(within(map).getByText("Sam: We score 61, Me score 77 (out of 100); pattern: interdependent.")).toBeInTheDocument();

    // The scores below the map come just after it (decision 094).
    const table = await screen.findByRole("table", { name: "Side by side" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Score", "You", "Sam", "Difference"]);
    const [closeness, voice] = within(table).getAllByRole("row").slice(1);
    expect(closeness).toHaveTextContent("Closeness8074-6");
    expect(closeness).not.toHaveTextContent("One of the biggest differences");
    expect(voice).toHaveTextContent("Voice");
    expect(voice).toHaveTextContent("One of the biggest differences");
    expect(voice).toHaveTextContent("+35");
    expect(screen.getByText(/differ by 20 points or more/)).toBeInTheDocument();
    expect(screen.getByText(/Is there something you have held back from saying/)).toBeInTheDocument();
    expect(screen.queryByText(/small moment lately when you felt close/)).not.toBeInTheDocument();
  });

  it("opens the three largest differences, largest first, each with its question, and folds the rest and the full table", async () => {
    const report = readyReport();
    const row = (code: CoupleReportResponse["dimensions"][number]["code"], name: string, mine: number, partners: number) => ({
      code,
      name,
      mine,
      partners,
      difference: partners - mine,
      isDifferentExperience: true,
    });
    report.dimensions = [
      row("CLOSE", "Closeness", 80, 55),
      row("SUPPORT", "Support", 40, 90),
      row("ACCEPT", "Acceptance", 70, 45),
      row("VOICE", "Voice", 35, 70),
      row("SELF", "Self", 60, 30),
    ];
    stubFetch({ "GET /api/couple/report": { status: 200, body: report } });
    renderRoutes(routes, "/partner/report");
    const section = await screen.findByRole("region", { name: "Side by side" });
    const open = within(section)
      .getAllByRole("heading", { level: 4 })
      .filter((heading) => heading.closest("details") === null);
    expect(open.map((heading) => heading.textContent)).toEqual(["Support", "Voice", "Self"]);
    expect(within(section).getByText("You: 40. Sam: 90.")).toBeVisible();
    const more = within(section).getByText("2 more differences to talk about");
    expect(more.closest("details")).not.toHaveAttribute("open");
    expect(within(section).getByText("All areas, side by side").closest("details")).not.toHaveAttribute("open");
    await userEvent.click(more);
    expect(more.closest("details")).toHaveAttribute("open");
  });

  it("shows backing in both directions and the couple flags with counselling and help", async () => {
    stubFetch({ "GET /api/couple/report": { status: 200, body: readyReport() } });
    renderRoutes(routes, "/partner/report");
    const cross = await screen.findByRole("region", { name: "Backing each other" });
    expect(within(cross).getByText("How much you say you back Sam: 80. How backed Sam feels: 50.")).toBeInTheDocument();
    expect(within(cross).getByText("A gap of 30 points: worth talking about.")).toBeInTheDocument();
    expect(within(cross).getByText("How much Sam says they back you: 60. How backed you feel: 62.")).toBeInTheDocument();

    const flags = screen.getByRole("region", { name: "For the two of you" });
    const voice = within(flags).getByRole("heading", { name: "One voice may carry more weight" }).closest("li")!;
    // Both partners read this: it leaves the kind of counselling open instead of sending them to couples work.
    expect(
      within(voice).getByText("A counsellor can help with this, on your own or together. You choose what feels right and safe for you."),
    ).toBeInTheDocument();
    expect(within(voice).queryByText(/Couples counselling/)).not.toBeInTheDocument();
    expect(within(voice).getByRole("link", { name: "Find counselling" })).toHaveAttribute("href", "/help/counselling");
    expect(within(voice).getByRole("link", { name: /Speak up/ })).toHaveAttribute("href", "/practices#practice-speak-up");
    const closeness = within(flags).getByRole("heading", { name: "Closeness feels thin for you both" }).closest("li")!;
    expect(within(closeness).getByText(/Couples counselling could help/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Find a counsellor" })).toHaveAttribute("href", "/help/counselling");
  });

  it("waits, saying what is missing, until both share a profile", async () => {
    const waiting: CoupleReportResponse = {
      ...readyReport(),
      isReady: false,
      missing: { myShare: false, partnerShare: true, myProfile: true, partnerProfile: false },
      shared: { mine: ["overview"], partners: [] },
      map: { mine: null, partners: null },
      dimensions: [],
      crossPerception: { iBackPartner: null, partnerBacksMe: null },
      flags: [],
    };
    stubFetch({ "GET /api/couple/report": { status: 200, body: waiting } });
    renderRoutes(routes, "/partner/report");
    const card = await screen.findByRole("region", { name: "The report is not ready yet" });
    expect(card).toHaveTextContent("Sam is not sharing their profile scores with you yet.");
    expect(card).toHaveTextContent("You have not taken the profile yet.");
    expect(within(card).getByRole("link", { name: "Take the profile" })).toHaveAttribute("href", "/assessment");
    expect(card).not.toHaveTextContent("You are not sharing");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Before you read on" })).toBeInTheDocument();
  });

  it("takes what is missing from the server, which sends none of the partner's scores meanwhile", async () => {
    const waiting: CoupleReportResponse = {
      ...readyReport(),
      isReady: false,
      // Sam shares and has a profile, but I share nothing: no scores of Sam's arrive, and that is not "Sam has no profile".
      missing: { myShare: true, partnerShare: false, myProfile: false, partnerProfile: false },
      shared: { mine: [], partners: ["overview"] },
      map: { mine: null, partners: null },
      dimensions: [],
      crossPerception: { iBackPartner: null, partnerBacksMe: null },
      flags: [],
    };
    stubFetch({ "GET /api/couple/report": { status: 200, body: waiting } });
    renderRoutes(routes, "/partner/report");
    const card = await screen.findByRole("region", { name: "The report is not ready yet" });
    expect(
      within(card)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["You are not sharing your profile scores with Sam yet. Choose what you share"]);
    expect(card).not.toHaveTextContent("has not taken the profile");
  });

  it("lists a flag that appears twice (a support gap each way) twice, with distinct keys", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const gap = { id: "support-perception-gap", severity: "low", practice: "support-passions", counselling: "none" } as const;
    const report: CoupleReportResponse = {
      ...readyReport(),
      flags: [
        { ...gap, title: "Backing seen differently", explanation: "You rate the backing you give at 80, while Sam feels 50." },
        { ...gap, title: "Backing seen differently", explanation: "Sam rates the backing they give at 60, while you feel 30." },
      ],
    };
    stubFetch({ "GET /api/couple/report": { status: 200, body: report } });
    renderRoutes(routes, "/partner/report");
    const flags = await screen.findByRole("region", { name: "For the two of you" });
    expect(within(flags).getAllByRole("heading", { name: "Backing seen differently" })).toHaveLength(2);
    expect(errors.mock.calls.flat().join(" ")).not.toMatch(/same key/);
    errors.mockRestore();
  });

  it("is not read again when the window regains focus: every read is a view in the partner's record", async () => {
    const calls = stubFetch({ "GET /api/couple/report": { status: 200, body: readyReport() } });
    renderRoutes(routes, "/partner/report");
    await screen.findByRole("table", { name: "Side by side" });
    const reads = () => calls.filter((call) => call.path === "/api/couple/report").length;
    expect(reads()).toBe(1);
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads()).toBe(1);
  });

  it("says so when there is no partner link", async () => {
    stubFetch({ "GET /api/couple/report": { status: 404, body: { error: { code: "NOT_LINKED", message: "x" } } } });
    renderRoutes(routes, "/partner/report");
    expect(await screen.findByText("You are not linked with a partner right now.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to your partner page" })).toHaveAttribute("href", "/partner");
  });
});
