import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderRoutes, renderWithProviders, stubFetch } from "../../../testing/render";
import { sharingAnswers, type SharingFixture } from "../../../testing/sharing";
import { ProfileRoute } from "../../../app/routes/profile";
import { ProfileChangeRoute } from "../../../app/routes/profile-change";
import type { ProfileResponse, ProfileView } from "../../../lib/api/profile-api";
import { WeMeMap } from "../../../components/we-me-map";
import type { ProfileChangeResponse } from "@mutual/core";
import { noAssessmentYet } from "../../../testing/factories";

function profileView(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    assessmentId: "a1",
    completedAt: "2026-11-24T08:00:00.000Z",
    we: 72.4,
    me: 38.2,
    pattern: {
      code: "leaning-co-dependent",
      candidates: ["leaning-co-dependent"],
      band: { we: 5, me: 6 },
      explanation: "Your We score is well above the middle.",
    },
    dimensions: [
      {
        code: "VOICE",
        axis: "me",
        name: "Voice",
        summary: "Saying what you think, value and need.",
        score: 31,
        missingMessage: null,
        explanation: "Mostly from how you answered about keeping quiet.",
        drivers: [
          {
            itemId: "voice-2",
            text: "I stay quiet about my needs to keep the peace.",
            plain: "my needs stay unsaid",
            answerLabel: "Agree",
            direction: "lowered",
          },
        ],
      },
      { code: "CLOSE", axis: "we", name: "Closeness", summary: "Feeling near to your partner.", score: 80, missingMessage: null, explanation: "", drivers: [] },
    ],
    flags: [
      {
        id: "power-imbalance",
        severity: "medium",
        title: "Speaking up is hard",
        explanation: "You said you stay quiet.",
        practice: "speak-up",
        counselling: "individual",
      },
      { id: "safety", severity: "high", title: "Safety", explanation: "private", practice: "friends-family", counselling: "safety-resources" },
    ],
    safety: { showResources: true, holdsBackJointExercises: true, skippedCheck: false },
    suggestedPractices: ["speak-up"],
    normSource: "provisional",
    ...overrides,
  };
}

const currentDone = {
  status: 200,
  body: { inProgress: null, completedCount: 1, lastCompletedAt: "2026-11-24T08:00:00.000Z", retakeAvailableAt: "2099-01-01T00:00:00.000Z" },
};

describe("The We × Me map", () => {
  it("states We, Me and the pattern in words, as the image's name and in a table", () => {
    renderWithProviders(<WeMeMap we={72.4} me={38.2} pattern={profileView().pattern} />);
    const map = screen.getByRole("img");
    expect(map).toHaveAccessibleName(/We × Me map.*Your We score is 72 and your Me score is 38.*leaning co-dependent pattern/);
    const table = screen.getByRole("table", { name: "Your scores on the map" });
    expect(within(table).getByRole("row", { name: /We \(connection\) 72/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Me \(sense of self\) 38/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Pattern leaning co-dependent/ })).toBeInTheDocument();
  });

  it("names both candidate patterns when the point is between them", () => {
    renderWithProviders(
      <WeMeMap
        we={52}
        me={70}
        pattern={{ code: "between-patterns", candidates: ["interdependent", "independent"], band: { we: 5, me: 6 }, explanation: "" }}
      />,
    );
    expect(screen.getByRole("img")).toHaveAccessibleName(/between patterns \(interdependent or independent\)/);
  });
});

describe("The profile page", () => {
  /** The profile page's sentences about who sees what, with this sharing. */
  async function profileSentences(sharing: SharingFixture) {
    const body: ProfileResponse = { profile: profileView(), history: [] };
    stubFetch({ "GET /api/profile": { status: 200, body }, "GET /api/assessments/current": currentDone, ...sharingAnswers(sharing) });
    const view = renderRoutes([{ path: "/profile", element: <ProfileRoute /> }], "/profile");
    const safety = await screen.findByRole("region", { name: "For you only" });
    const scores = (await screen.findByText(/can see your profile scores/)).textContent;
    const safetyLine = (await within(safety).findByText(/can see your safety check/)).textContent;
    const summary = within(safety).getByRole("heading", { name: "What you share right now" }).parentElement?.textContent;
    view.unmount();
    return { scores, safetyLine, summary };
  }

  it("says who can see the scores and the safety check from what is shared now, and follows each change", async () => {
    const alone = await profileSentences({ partnerScopes: [], counsellorScopes: [] });
    expect(alone.scores).toMatch(/^Right now only you can see your profile scores\./);
    expect(alone.safetyLine).toMatch(/^Right now only you can see your safety check\./);
    const partner = await profileSentences({ partnerScopes: ["dimensions"], counsellorScopes: [] });
    expect(partner.scores).toMatch(/^Right now you and Ana \(your partner: the seven scores\) can see your profile scores\./);
    expect(partner.safetyLine).toMatch(/^Right now only you can see your safety check\./);
    expect(partner.summary).toContain("With Ana, your partner: the seven scores.");
    const counsellor = await profileSentences({ partnerScopes: [], counsellorScopes: ["safety"] });
    expect(counsellor.scores).toMatch(/^Right now only you can see your profile scores\./);
    expect(counsellor.safetyLine).toMatch(/^Right now you and Dr Lee \(your counsellor at Clear Path\) can see your safety check\./);
    expect(counsellor.summary).toContain("With Dr Lee, your counsellor at Clear Path: Safety check.");
  });

  it("notes a skipped safety check gently, for the person alone, with the way to help", async () => {
    const body: ProfileResponse = {
      profile: profileView({ flags: [], safety: { showResources: false, holdsBackJointExercises: false, skippedCheck: true } }),
      history: [],
    };
    stubFetch({ "GET /api/profile": { status: 200, body }, "GET /api/assessments/current": currentDone, ...sharingAnswers() });
    renderRoutes([{ path: "/profile", element: <ProfileRoute /> }], "/profile");
    const note = await screen.findByRole("region", { name: "The safety check" });
    expect(within(note).getByText(/You skipped the safety questions\. That is fine/)).toBeInTheDocument();
    expect(within(note).getByRole("link", { name: "See confidential support services" })).toHaveAttribute("href", "/help");
    expect(screen.queryByRole("region", { name: "For you only" })).not.toBeInTheDocument();
  });

  it("shows scores as numbers, the answers behind them, flags with help, and private safety resources", async () => {
    const body: ProfileResponse = {
      profile: profileView(),
      history: [{ assessmentId: "a1", completedAt: "2026-11-24T08:00:00.000Z", we: 72, me: 38, pattern: "leaning-co-dependent" }],
    };
    stubFetch({ "GET /api/profile": { status: 200, body }, "GET /api/assessments/current": currentDone, ...sharingAnswers() });
    renderRoutes([{ path: "/profile", element: <ProfileRoute /> }], "/profile");
    expect(await screen.findByRole("heading", { level: 1, name: "Your profile" })).toBeInTheDocument();
    expect(await screen.findByText("31 out of 100")).toBeInTheDocument();
    // Only the statement's exact words stand in quotation marks, never the paraphrase.
    expect(screen.getByText("To “I stay quiet about my needs to keep the peace.” you answered “Agree”. That lowered the score.")).toBeInTheDocument();
    expect(screen.queryByText(/my needs stay unsaid/)).not.toBeInTheDocument();
    const flags = screen.getByRole("region", { name: "Things worth a closer look" });
    expect(within(flags).getByRole("heading", { name: "Speaking up is hard" })).toBeInTheDocument();
    // A nudge toward counselling lands on the counselling part of help, not on crisis lines.
    expect(within(flags).getByRole("link", { name: "Find counselling" })).toHaveAttribute("href", "/help/counselling");
    expect(within(flags).queryByText("Safety")).not.toBeInTheDocument();
    const safety = screen.getByRole("region", { name: "For you only" });
    expect(within(safety).getByRole("link", { name: "See confidential support services" })).toHaveAttribute("href", "/help");
    // The private box says who can see it, and offers a review of everything shared.
    expect(await within(safety).findByText(/^Right now only you can see your safety check\. A partner can never see your safety check\./)).toBeInTheDocument();
    expect(within(safety).getByRole("heading", { name: "What you share right now" })).toBeInTheDocument();
    expect(within(safety).getByText("Right now you share nothing with anyone.")).toBeInTheDocument();
    expect(within(safety).getByRole("link", { name: "See who has looked at your data" })).toHaveAttribute("href", "/account/data-views");
    expect(screen.getByRole("link", { name: "Open the habits" })).toHaveAttribute("href", "/practices");
    expect(screen.getByText(/You can take the profile again from/)).toBeInTheDocument();
  });

  it("invites a person without a profile to take it", async () => {
    stubFetch({
      "GET /api/profile": { status: 200, body: { profile: null, history: [] } },
      "GET /api/assessments/current": { status: 200, body: noAssessmentYet() },
    });
    renderRoutes([{ path: "/profile", element: <ProfileRoute /> }], "/profile");
    expect(await screen.findByRole("link", { name: "Take the profile" })).toHaveAttribute("href", "/assessment");
  });

  it("offers a retake once it is available", async () => {
    stubFetch({
      ...sharingAnswers(),
      "GET /api/profile": {
        status: 200,
        body: { profile: profileView({ safety: { showResources: false, holdsBackJointExercises: false, skippedCheck: false } }), history: [] },
      },
      "GET /api/assessments/current": {
        status: 200,
        body: { inProgress: null, completedCount: 1, lastCompletedAt: "2026-10-01T00:00:00.000Z", retakeAvailableAt: "2026-10-29T00:00:00.000Z" },
      },
    });
    renderRoutes([{ path: "/profile", element: <ProfileRoute /> }], "/profile");
    expect(await screen.findByRole("link", { name: "Take it again" })).toHaveAttribute("href", "/assessment");
    expect(screen.queryByRole("region", { name: "For you only" })).not.toBeInTheDocument();
  });
});

/** Serves a change between two profiles with these norms and rows, and opens the change view. */
type ChangeRow = Omit<NonNullable<ProfileChangeResponse["change"]>["dimensions"][number], "normLanguage"> & { normLanguage?: string | null };

function renderChange(normSource: "provisional" | "deployment", rows: ChangeRow[], normLanguage: string | null = null) {
  const dimensions = rows.map((row) => ({ ...row, normLanguage: row.normLanguage ?? null }));
  stubFetch({
    "GET /api/profile/change": {
      status: 200,
      body: {
        change: {
          from: { assessmentId: "a0", completedAt: "2026-10-01T00:00:00.000Z" },
          to: { assessmentId: "a1", completedAt: "2026-11-24T00:00:00.000Z" },
          normSource,
          normLanguage,
          dimensions,
        },
      },
    },
  });
  renderRoutes([{ path: "/profile/change", element: <ProfileChangeRoute /> }], "/profile/change");
}

describe("The change view", () => {
  it("says each change in words and is honest about provisional thresholds", async () => {
    renderChange("provisional", [
      { key: "VOICE", normSource: "provisional", before: 31, after: 55, difference: 24, rci: 2.6, classification: "improved" },
      { key: "RELY", normSource: "provisional", before: 60, after: 58, difference: -2, rci: -0.2, classification: "no-reliable-change" },
    ]);
    expect(await screen.findByText(/starting estimates/)).toBeInTheDocument();
    // All rows provisional: said once, not on every row.
    expect(screen.queryByText(/still uses a starting estimate/)).not.toBeInTheDocument();
    const voice = screen.getByRole("heading", { name: "Voice" }).closest("li");
    expect(voice).toHaveTextContent("31");
    expect(voice).toHaveTextContent("+24");
    expect(voice).toHaveTextContent("A real improvement");
    expect(screen.getByRole("heading", { name: "Over-reliance" }).closest("li")).toHaveTextContent("No clear change");
  });

  it("says when the thresholds come from this deployment's own profiles, and which rows still use a starting estimate", async () => {
    renderChange("deployment", [
      { key: "WE", normSource: "provisional", before: 50, after: 52, difference: 2, rci: 0.3, classification: "no-reliable-change" },
      { key: "VOICE", normSource: "deployment", before: 31, after: 55, difference: 24, rci: 2.6, classification: "improved" },
      { key: "TIES", normSource: "provisional", before: 40, after: 41, difference: 1, rci: 0.1, classification: "no-reliable-change" },
    ]);
    expect(await screen.findByText(/among the people who use Mutual here/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Friends and family" }).closest("li")).toHaveTextContent("Not enough complete profiles here yet");
    expect(screen.queryByText(/They will firm up/)).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Voice" }).closest("li")).not.toHaveTextContent("starting estimate");
    expect(screen.getByRole("heading", { name: "We (connection)" }).closest("li")).toHaveTextContent("This score combines several others");
  });

  it("says which scores used the figures of people who answered in the person's language", async () => {
    renderChange(
      "deployment",
      [
        { key: "VOICE", normSource: "deployment", normLanguage: "ta", before: 31, after: 55, difference: 24, rci: 2.6, classification: "improved" },
        { key: "TIES", normSource: "deployment", before: 40, after: 41, difference: 1, rci: 0.1, classification: "no-reliable-change" },
      ],
      "ta",
    );
    expect(await screen.findByText(/measured on people who answered in Tamil, as you did/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Voice" }).closest("li")).toHaveTextContent("Measured on people who answered in Tamil.");
    // A row on the figures shared by everyone says nothing about a language.
    expect(screen.getByRole("heading", { name: "Friends and family" }).closest("li")).not.toHaveTextContent("answered in");
  });
});
