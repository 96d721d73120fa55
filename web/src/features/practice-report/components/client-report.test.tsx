import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClientDetailMember, ClientDetailResponse, PracticeDetailResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ClientReport } from "./client-report";
import type { FakeResponse } from "../../../testing/fake-api";

const scores = { CLOSE: 71, SUPPORT: 64, ACCEPT: 58, VOICE: 62, SELF: 66, TIES: 55, RELY: 30, WE: 68, ME: 61, CODEPENDENCY: 22 };

const sharingMember: ClientDetailMember = {
  name: "陈美玲",
  scopes: ["profile", "check-ins"],
  since: "2026-10-01T00:00:00.000Z",
  profile: {
    assessments: [
      { completedAt: "2026-09-28T00:00:00.000Z", isIntake: true, scores: { ...scores, CLOSE: 40 }, pattern: "independent", flags: ["low-intimacy"] },
      { completedAt: "2026-11-20T00:00:00.000Z", isIntake: false, scores, pattern: "interdependent", flags: ["low-support"] },
    ],
    change: {
      intakeAt: "2026-09-28T00:00:00.000Z",
      latestAt: "2026-11-20T00:00:00.000Z",
      scores: [{ key: "CLOSE", before: 40, after: 71, rci: 2.4, classification: "improved" }],
    },
    flagHistory: [
      { id: "low-intimacy", firstSeenAt: "2026-09-28T00:00:00.000Z", lastSeenAt: "2026-09-28T00:00:00.000Z", present: false },
      { id: "low-support", firstSeenAt: "2026-11-20T00:00:00.000Z", lastSeenAt: "2026-11-20T00:00:00.000Z", present: true },
    ],
    latestAnswers: null,
  },
  checkIns: {
    weeks: [{ week: "2026-W47", answers: { spokeUp: 4, feltHeard: 5, backedPartner: 4, feltBacked: 3, friendsFamilyHours: 6, wePulse: 5, mePulse: 4 } }],
    signals: [
      {
        id: "sustained-decline",
        title: "A pulse that has gone down for weeks",
        explanation: "In these check-ins the Me pulse has gone down for several weeks.",
        practice: "friends-family",
      },
    ],
    lastAt: "2026-11-21T00:00:00.000Z",
    overdue: false,
  },
  safetyCheck: null,
  notes: null,
};

const quietMember: ClientDetailMember = {
  name: "Kavitha Rajan",
  scopes: [],
  since: "2026-10-02T00:00:00.000Z",
  profile: null,
  checkIns: null,
  safetyCheck: null,
  notes: null,
};

/** A partner who shares the safety check with the counsellor, whose latest check raised a concern. */
const safetySharer: ClientDetailMember = {
  ...quietMember,
  scopes: ["profile", "safety"],
  profile: {
    ...sharingMember.profile!,
    flagHistory: [{ id: "power-imbalance", firstSeenAt: "2026-11-20T00:00:00.000Z", lastSeenAt: "2026-11-20T00:00:00.000Z", present: true }],
  },
  safetyCheck: { concernNow: true, skippedNow: false, firstConcernAt: "2026-09-28T00:00:00.000Z", lastConcernAt: "2026-11-20T00:00:00.000Z" },
};

const noteSharer: ClientDetailMember = {
  ...sharingMember,
  scopes: ["profile", "check-ins", "notes"],
  notes: {
    since: "2026-06-01T00:00:00.000Z",
    checkInNotes: [{ week: "2026-W47", writtenAt: "2026-11-20T00:00:00.000Z", text: "We talked about the holidays." }],
    reflections: [
      {
        exerciseId: "speak-up-draft-it-first",
        title: "Draft it first",
        practice: "speak-up",
        completedAt: "2026-11-18T00:00:00.000Z",
        text: "Writing it down first helped me stay calm.",
      },
    ],
  },
};

const detail: ClientDetailResponse = {
  clientId: "c1",
  kind: "couple",
  normSource: "provisional",
  mapBand: { we: 5.2, me: 5.8 },
  members: [sharingMember, quietMember],
  coupleReport: null,
};

const practice: PracticeDetailResponse = {
  practice: { id: "p1", name: "Klinik Harmoni", createdAt: "2026-11-24T00:00:00.000Z" },
  myRole: "counsellor",
  twoFactorEnabled: true,
  members: [],
  invitations: null,
};

const show = (answer: FakeResponse<ClientDetailResponse>) => {
  const calls = stubFetch({ "GET /api/practices/p1/clients/c1": answer, "GET /api/practices/p1": { status: 200, body: practice } });
  renderRoutes(
    [{ path: "/practice/:practiceId/clients/:clientId/report", element: <ClientReport practiceId="p1" clientId="c1" /> }],
    "/practice/p1/clients/c1/report",
  );
  return calls;
};

afterEach(() => vi.restoreAllMocks());

describe("ClientReport", () => {
  it("shows the client's names, the practice, the map with its table, scores, change with the norm source, flags and check-ins", async () => {
    show({ status: 200, body: detail });
    expect(await screen.findByText("陈美玲 and Kavitha Rajan")).toBeInTheDocument();
    expect(await screen.findByText("Practice: Klinik Harmoni")).toBeInTheDocument();
    expect(screen.getByText(/^Prepared on /)).toBeInTheDocument();
    // What the paper is, said at the top (the printed margins repeat it on every page).
    expect(screen.getByText("Confidential: for the counsellor and the people named here.")).toBeInTheDocument();
    expect(screen.getByText(/It is not a diagnosis\./)).toBeInTheDocument();
    // The map shades its margin of error, and says so.
    expect(document.querySelectorAll(".we-me-map__band")).toHaveLength(2);
    expect(screen.getByText(/The shaded strips show the margin of error/)).toBeInTheDocument();
    // The map's text alternative: a table with the latest We and Me.
    const mapTable = screen.getByRole("table", { name: "We and Me scores of the latest profile" });
    expect(within(mapTable).getByRole("row", { name: /We/ })).toHaveTextContent("68");
    const areas = screen.getByRole("table", { name: "Latest profile scores (0–100) by area" });
    expect(within(areas).getByRole("row", { name: /Closeness/ })).toHaveTextContent("71");
    expect(screen.getByText(/starting estimates/)).toBeInTheDocument();
    const change = screen.getByRole("table", { name: /陈美玲: intake/ });
    expect(within(change).getByRole("row", { name: /Closeness/ })).toHaveTextContent("A real improvement");
    // Only flags present now.
    expect(screen.getByText(/Support feels thin at the moment/)).toBeInTheDocument();
    expect(screen.queryByText(/Closeness is low/)).toBeNull();
    expect(screen.getByRole("table", { name: "陈美玲: the last weeks' check-ins" })).toHaveTextContent("2026-W47");
    expect(screen.getByText(/In these check-ins the Me pulse has gone down for several weeks/)).toBeInTheDocument();
    // A person who shares nothing: said plainly, nothing else about them.
    expect(screen.getByText(/Kavitha Rajan shares no profile or check-ins at the moment/)).toBeInTheDocument();
    expect(screen.getAllByText("Kavitha Rajan does not share this with you.").length).toBeGreaterThan(0);
  });

  it("prints each person's notes and reflections in their own private part, and says plainly who does not share them", async () => {
    show({ status: 200, body: { ...detail, members: [noteSharer, quietMember] } });
    const mine = await screen.findByRole("region", { name: "陈美玲: for you only" });
    expect(within(mine).getByRole("heading", { level: 4, name: "Check-in notes" })).toBeInTheDocument();
    expect(mine).toHaveTextContent("Week 47 of 2026, written 20 Nov 2026We talked about the holidays.");
    expect(mine).toHaveTextContent("Draft it first (Speak up), 18 Nov 2026Writing it down first helped me stay calm.");
    expect(mine).not.toHaveTextContent("Kavitha Rajan");
    const theirs = screen.getByRole("region", { name: "Kavitha Rajan: for you only" });
    expect(theirs).toHaveTextContent("Kavitha Rajan does not share their notes and reflections with you.");
    expect(theirs).not.toHaveTextContent("holidays");
  });

  it("keeps a partner's safety concern in that partner's private part, never on the pages for both", async () => {
    show({ status: 200, body: { ...detail, members: [sharingMember, safetySharer] } });
    const theirs = await screen.findByRole("region", { name: "Kavitha Rajan: for you only" });
    expect(within(theirs).getByText(/The latest safety check raised a concern/)).toBeInTheDocument();
    expect(within(theirs).getByText(/not for a joint session/)).toBeInTheDocument();
    expect(within(theirs).getByText("Kavitha Rajan also shares with you alone: safety check.")).toBeInTheDocument();
    expect(theirs).toHaveClass("client-report__private");
    // Everything meant for both partners: not a word of it, not even that it is shared.
    const joint = [...document.querySelectorAll(".client-report__section:not(.client-report__private)")].map((section) => section.textContent).join(" ");
    expect(joint).toContain("One partner's voice may carry more weight");
    expect(joint).not.toMatch(/safety/i);
    const points = screen.getByRole("region", { name: "Points to look at together" });
    expect(points).not.toHaveTextContent(/safety/i);
    // The other partner's private part says nothing of it either.
    expect(screen.getByRole("region", { name: "陈美玲: for you only" })).not.toHaveTextContent(/raised a concern/);
  });

  it("says which norms judged the change when they are the practice's own", async () => {
    show({ status: 200, body: { ...detail, normSource: "deployment" } });
    expect(await screen.findByText(/measured on this practice's own clients/)).toBeInTheDocument();
  });

  it("prints with the browser and offers the client's exports as downloads", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    show({ status: 200, body: detail });
    // A font still on its way (a Tamil or Chinese page, decision 079) is waited for before printing.
    let fontsArrive = () => undefined as void;
    const ready = new Promise<void>((resolve) => (fontsArrive = resolve));
    Object.defineProperty(document, "fonts", { value: { ready }, configurable: true });
    await userEvent.click(await screen.findByRole("button", { name: "Print / Save as PDF" }));
    await Promise.resolve();
    expect(print).not.toHaveBeenCalled();
    fontsArrive();
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    Reflect.deleteProperty(document, "fonts");
    expect(screen.getByRole("link", { name: "FHIR file (for health record systems)" })).toHaveAttribute(
      "href",
      "/api/practices/p1/clients/c1/export.fhir.json",
    );
    expect(screen.getByRole("link", { name: "Spreadsheet (CSV)" })).toHaveAttribute("href", "/api/practices/p1/clients/c1/export.csv");
    vi.unstubAllGlobals();
  });

  it("reads the client detail once (each read is a view the client sees)", async () => {
    const calls = show({ status: 200, body: detail });
    await screen.findByText("陈美玲 and Kavitha Rajan");
    expect(calls.filter((call) => call.path === "/api/practices/p1/clients/c1")).toHaveLength(1);
  });

  it("reads afresh on every visit: after the client stopped sharing, the report read before is not shown again", async () => {
    let answer: FakeResponse<ClientDetailResponse> = { status: 200, body: detail };
    const calls = stubFetch({ "GET /api/practices/p1/clients/c1": () => answer, "GET /api/practices/p1": { status: 200, body: practice } });
    const { router } = renderRoutes(
      [
        { path: "/practice/:practiceId/clients/:clientId/report", element: <ClientReport practiceId="p1" clientId="c1" /> },
        { path: "/elsewhere", element: <p>Elsewhere</p> },
      ],
      "/practice/p1/clients/c1/report",
    );
    await screen.findByText("陈美玲 and Kavitha Rajan");
    await act(() => router.navigate("/elsewhere"));
    await screen.findByText("Elsewhere");
    answer = { status: 404, body: { error: { code: "NOT_FOUND", message: "Nothing here." } } };
    await act(() => router.navigate("/practice/p1/clients/c1/report"));
    expect(await screen.findByText(/not one of yours in this practice/)).toBeInTheDocument();
    expect(screen.queryByText("陈美玲 and Kavitha Rajan")).not.toBeInTheDocument();
    expect(calls.filter((call) => call.path === "/api/practices/p1/clients/c1")).toHaveLength(2);
  });

  it("says when the client is not (or no longer) theirs", async () => {
    show({ status: 404, body: { error: { code: "NOT_FOUND", message: "Nothing here." } } });
    expect(await screen.findByText(/not one of yours in this practice/)).toBeInTheDocument();
  });

  it("asks for two-step sign-in first", async () => {
    show({ status: 403, body: { error: { code: "TWO_FACTOR_REQUIRED", message: "x" } } });
    expect(await screen.findByRole("link", { name: "Turn it on now" })).toHaveAttribute("href", "/account/two-factor");
  });
});
