import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ClientDetailMember, ClientDetailResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ClientDetail } from "./client-detail";
import type { FakeResponse } from "../../../testing/fake-api";

vi.mock("../../../components/trends/uplot-draw", () => ({ drawChart: () => ({ setWidth: () => undefined, destroy: () => undefined }) }));

const scores = { CLOSE: 71, SUPPORT: 64, ACCEPT: 58, VOICE: 62, SELF: 66, TIES: 55, RELY: 30, WE: 68, ME: 61, CODEPENDENCY: 22 };
const week = (key: string, wePulse: number) => ({
  week: key,
  answers: { spokeUp: 3, feltHeard: 2, backedPartner: 4, feltBacked: 3, friendsFamilyHours: 6, wePulse, mePulse: 4 },
});

const profileSharer: ClientDetailMember = {
  name: "陈美玲",
  scopes: ["profile"],
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
  checkIns: null,
  safetyCheck: null,
  notes: null,
};

const checkInSharer: ClientDetailMember = {
  name: "Kavitha Rajan",
  scopes: ["check-ins"],
  since: "2026-10-02T00:00:00.000Z",
  profile: null,
  checkIns: { weeks: [week("2026-W45", 5), week("2026-W46", 4), week("2026-W47", 3)], signals: [], lastAt: "2026-11-10T00:00:00.000Z", overdue: true },
  safetyCheck: null,
  notes: null,
};

/** Shares notes: two check-in notes and a reflection, newest first, as the server sends them. */
const noteSharer: ClientDetailMember = {
  ...checkInSharer,
  scopes: ["check-ins", "notes"],
  notes: {
    since: "2026-06-01T00:00:00.000Z",
    checkInNotes: [
      { week: "2026-W47", writtenAt: "2026-11-20T00:00:00.000Z", text: "We talked about the holidays.\nIt went better than last year." },
      { week: "2026-W46", writtenAt: "2026-11-13T00:00:00.000Z", text: "A hard week at work." },
    ],
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
  members: [profileSharer, checkInSharer],
  coupleReport: { missing: [{ reason: "no-shared-profile", name: "Kavitha Rajan" }], dimensions: [], flags: [] },
};

const show = (answer: FakeResponse<ClientDetailResponse>) => {
  const calls = stubFetch({ "GET /api/practices/p1/clients/c1": answer });
  renderRoutes([{ path: "/practice/:practiceId/clients/:clientId", element: <ClientDetail practiceId="p1" clientId="c1" /> }], "/practice/p1/clients/c1");
  return calls;
};

describe("ClientDetail", () => {
  it("shows each statement as the member read it in Tamil beside the counsellor's English, each marked with its language", async () => {
    const tamilClose = "என் துணைவருடன் நான் மனதளவில் நெருக்கமாக உணர்கிறேன்.";
    const answeredInTamil: ClientDetailMember = {
      ...profileSharer,
      name: "Kavitha Rajan",
      profile: {
        ...profileSharer.profile!,
        latestAnswers: {
          completedAt: "2026-11-20T00:00:00.000Z",
          answeredIn: "ta",
          items: [
            {
              itemId: "close-1",
              value: 6,
              answerLabel: "Agree",
              asGiven: { lang: "ta", text: tamilClose, status: "provisional" },
              inYourLanguage: { lang: "en", text: "I feel emotionally close to my partner.", status: "source" },
            },
          ],
        },
      },
    };
    show({ status: 200, body: { ...detail, members: [answeredInTamil] } });
    const member = await screen.findByRole("region", { name: "Kavitha Rajan" });
    expect(within(member).getByText("Kavitha Rajan answered the latest profile in தமிழ்.")).toBeInTheDocument();
    const table = within(member).getByRole("table", { name: "The statements of Kavitha Rajan's latest profile and the answers" });
    const [row] = within(table).getAllByRole("row").slice(1);
    const cells = within(row!).getAllByRole("cell");
    expect(within(cells[0]!).getByText(tamilClose)).toHaveAttribute("lang", "ta");
    expect(cells[0]).toHaveTextContent("(provisional translation)");
    expect(within(cells[1]!).getByText("I feel emotionally close to my partner.")).toHaveAttribute("lang", "en");
    expect(cells[1]).not.toHaveTextContent("provisional");
    expect(cells[2]).toHaveTextContent("Agree");
  });

  it("keeps a safety concern in the member's own private section, apart from the flags, and a pulse decline among the check-in signals", async () => {
    const safetySharer: ClientDetailMember = {
      ...profileSharer,
      scopes: ["profile", "safety"],
      safetyCheck: { concernNow: true, skippedNow: false, firstConcernAt: "2026-09-28T00:00:00.000Z", lastConcernAt: "2026-11-20T00:00:00.000Z" },
    };
    const decline = {
      id: "sustained-decline",
      title: "A pulse that has gone down for weeks",
      explanation: "In these check-ins the We pulse has gone down for several weeks.",
      practice: "support-passions" as const,
    };
    const sliding: ClientDetailMember = { ...checkInSharer, checkIns: { ...checkInSharer.checkIns!, signals: [decline] } };
    show({ status: 200, body: { ...detail, members: [safetySharer, sliding] } });
    const first = await screen.findByRole("region", { name: "陈美玲" });
    const privateSection = within(first).getByRole("region", { name: "Safety check: for you only" });
    expect(privateSection).toHaveTextContent("陈美玲 shares this with you alone. Keep it out of any joint session");
    expect(privateSection).toHaveTextContent(
      "The latest safety check raised a concern. A check first raised one on 28 Sept 2026, and most lately on 20 Nov 2026.",
    );
    // The flag history, which may be talked through with both, holds no word of it.
    expect(within(first).getByRole("heading", { name: "Flag history" }).nextElementSibling).not.toHaveTextContent(/safety/i);
    const second = screen.getByRole("region", { name: "Kavitha Rajan" });
    expect(within(second).getByRole("region", { name: "Safety check: for you only" })).toHaveTextContent(
      "Kavitha Rajan does not share their safety check with you.",
    );
    expect(within(second).getByText("A pulse that has gone down for weeks")).toBeInTheDocument();
    expect(
      within(second).getByText(/In these check-ins the We pulse has gone down for several weeks\. The practice Mutual suggests: Back each other's passions\./),
    ).toBeInTheDocument();
  });

  it("shows each person within what they share, and only that", async () => {
    show({ status: 200, body: detail });
    expect(await screen.findByRole("heading", { name: "陈美玲 and Kavitha Rajan" })).toBeInTheDocument();
    const first = screen.getByRole("region", { name: "陈美玲" });
    expect(first).toHaveTextContent("Shares with you: profile scores.");
    expect(first).toHaveTextContent("Keeps to themselves: check-ins, safety check, notes.");
    expect(first).toHaveTextContent("Pattern: interdependent.");
    expect(first).toHaveTextContent("We 68, Me 61 (0–100).");
    const areas = within(first).getByRole("table", { name: "陈美玲's scores by area, profile by profile (0–100)" });
    expect(within(areas).getByRole("row", { name: /Closeness/ })).toHaveTextContent("4071");
    expect(
      within(areas)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toContain("28 Sept 2026 (intake)");
    const change = within(first).getByRole("table", { name: /陈美玲: intake/ });
    expect(within(change).getByRole("row", { name: /Closeness/ })).toHaveTextContent("A real improvement");
    expect(first).toHaveTextContent("Support feels thin at the moment: first seen 20 Nov 2026, in the latest profile.");
    expect(first).toHaveTextContent(/Closeness is low at the moment: seen from .* not in the latest profile/);
    expect(first).toHaveTextContent("陈美玲 does not share their check-ins with you.");

    const second = screen.getByRole("region", { name: "Kavitha Rajan" });
    expect(second).toHaveTextContent("Kavitha Rajan does not share their profile with you.");
    expect(second).toHaveTextContent("Overdue: no check-in for more than 10 days.");
    expect(within(second).getByRole("heading", { name: "We and Me pulse" })).toBeInTheDocument();
    expect(second).toHaveTextContent("How connected Kavitha Rajan felt");
    expect(within(second).queryByText(/Pattern:/)).toBeNull();
    expect(within(second).queryByRole("table", { name: /scores by area/ })).toBeNull();

    expect(screen.getByText(/starting figures/)).toBeInTheDocument();
    expect(screen.getByText("Waiting for Kavitha Rajan to share a completed profile; the comparison needs both.")).toBeInTheDocument();
  });

  it("shows each person's notes and reflections, newest first, in their words; and says plainly who does not share them", async () => {
    show({ status: 200, body: { ...detail, members: [profileSharer, noteSharer] } });
    const sharing = await screen.findByRole("region", { name: "Kavitha Rajan" });
    expect(within(sharing).getByRole("heading", { level: 3, name: "Notes and reflections" })).toBeInTheDocument();
    expect(sharing).toHaveTextContent("What Kavitha Rajan wrote since 1 Jun 2026, newest first, in their own words.");
    expect(within(sharing).getByRole("heading", { level: 4, name: "Check-in notes" })).toBeInTheDocument();
    const [notes, reflections] = within(sharing).getAllByRole("list");
    const entries = within(notes!).getAllByRole("listitem");
    expect(entries.map((entry) => entry.querySelector(".member-notes__when")?.textContent)).toEqual([
      "Week 47 of 2026, written 20 Nov 2026",
      "Week 46 of 2026, written 13 Nov 2026",
    ]);
    expect(entries[0]).toHaveTextContent("We talked about the holidays. It went better than last year.");
    expect(within(sharing).getByRole("heading", { level: 4, name: "Exercise reflections" })).toBeInTheDocument();
    expect(within(reflections!).getByRole("listitem")).toHaveTextContent("Draft it first (Speak up), 18 Nov 2026Writing it down first helped me stay calm.");

    const keeping = screen.getByRole("region", { name: "陈美玲" });
    expect(within(keeping).getByRole("heading", { level: 3, name: "Notes and reflections" })).toBeInTheDocument();
    expect(keeping).toHaveTextContent("陈美玲 does not share their notes and reflections with you.");
    expect(within(keeping).queryByRole("heading", { name: "Check-in notes" })).toBeNull();
  });

  it("says when a member shares notes but wrote none in the window", async () => {
    show({ status: 200, body: { ...detail, members: [{ ...noteSharer, notes: { since: "2026-06-01T00:00:00.000Z", checkInNotes: [], reflections: [] } }] } });
    const sharing = await screen.findByRole("region", { name: "Kavitha Rajan" });
    expect(sharing).toHaveTextContent("No check-in notes since 1 Jun 2026.");
    expect(sharing).toHaveTextContent("No exercise reflections since 1 Jun 2026.");
  });

  it("says when the second partner has not joined yet, in words rather than a code", async () => {
    show({
      status: 200,
      body: { ...detail, members: [profileSharer], coupleReport: { missing: [{ reason: "partner-not-joined" }], dimensions: [], flags: [] } },
    });
    expect(await screen.findByText("The second partner has not accepted the invite yet. The comparison needs both.")).toBeInTheDocument();
    expect(screen.queryByText(/Waiting for/)).toBeNull();
    expect(screen.queryByText(/partner-not-joined/)).toBeNull();
  });

  it("says when the two are no longer partners, and compares nothing", async () => {
    show({
      status: 200,
      body: { ...detail, members: [profileSharer, profileSharer], coupleReport: { missing: [{ reason: "no-longer-partners" }], dimensions: [], flags: [] } },
    });
    expect(await screen.findByText(/no longer linked as partners in Mutual, so their answers are not compared any more/)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: /compar/i })).toBeNull();
    expect(screen.queryByText(/no-longer-partners/)).toBeNull();
  });

  it("says the view is recorded for the client, and links the printable report, the exports and the dashboard", async () => {
    show({ status: 200, body: detail });
    expect(await screen.findByText(/陈美玲 and Kavitha Rajan can see in their "Who viewed my data"/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Printable report" })).toHaveAttribute("href", "/practice/p1/clients/c1/report");
    expect(screen.getByRole("link", { name: "FHIR file (for health record systems)" })).toHaveAttribute(
      "href",
      "/api/practices/p1/clients/c1/export.fhir.json",
    );
    expect(screen.getByRole("link", { name: "Spreadsheet (CSV)" })).toHaveAttribute("href", "/api/practices/p1/clients/c1/export.csv");
    expect(screen.getByRole("link", { name: "Back to your clients" })).toHaveAttribute("href", "/practice/p1/clients");
  });

  it("compares a couple side by side from what both share", async () => {
    show({
      status: 200,
      body: {
        ...detail,
        coupleReport: {
          missing: [],
          dimensions: [
            { key: "CLOSE", a: 71, b: 45, difference: 26, isDifferentExperience: true },
            { key: "VOICE", a: 62, b: 60, difference: 2, isDifferentExperience: false },
          ],
          flags: [{ id: "couple-low-intimacy", severity: "medium" }],
        },
      },
    });
    const table = await screen.findByRole("table", { name: "Each partner's latest scores by area (0–100)" });
    expect(within(table).getByRole("row", { name: /Closeness/ })).toHaveTextContent("7145+26 Experienced differently");
    expect(within(table).getByRole("row", { name: /Voice/ })).not.toHaveTextContent("Experienced differently");
    expect(screen.getByText("Closeness is low for both (medium)")).toBeInTheDocument();
  });

  it("reads the client detail once (each read is a view the client sees)", async () => {
    const calls = show({ status: 200, body: detail });
    await screen.findByRole("heading", { name: "陈美玲 and Kavitha Rajan" });
    expect(calls.filter((call) => call.path === "/api/practices/p1/clients/c1")).toHaveLength(1);
  });

  it("asks for two-step sign-in first", async () => {
    show({ status: 403, body: { error: { code: "TWO_FACTOR_REQUIRED", message: "x" } } });
    expect(await screen.findByRole("link", { name: "Turn on two-step sign-in" })).toHaveAttribute("href", "/account/two-factor");
  });

  it("says when the client is not (or no longer) theirs", async () => {
    show({ status: 404, body: { error: { code: "NOT_FOUND", message: "x" } } });
    expect(await screen.findByText(/not one of yours in this practice/)).toBeInTheDocument();
  });
});
