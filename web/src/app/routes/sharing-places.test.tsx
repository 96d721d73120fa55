// Every place that tells a person who can see something says it from what they share now: one
// share changed, the sentence changes with it (decision 036). The sentence itself is tested in
// who-can-see.test.tsx; here, that each page shows the right one and follows the share.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AssessmentRoute } from "./assessment";
import { PracticeRoute } from "./practice";
import { TrendsRoute } from "./trends";
import { renderRoutes, stubFetch } from "../../testing/render";
import { sharingAnswers, type SharingFixture } from "../../testing/sharing";
import { ConsentNotice } from "../../features/consent/components/consent-form";
import { consentGiven, noAssessmentYet } from "../../testing/factories";

vi.mock("../../components/trends/uplot-draw", () => ({ drawChart: () => ({ setWidth: () => undefined, destroy: () => undefined }) }));

const consented = { status: 200, body: consentGiven("2026-12-07") };

/** Renders one page with this sharing and returns the text of its sentence about `what`. */
async function sentenceOn(
  path: string,
  element: React.ReactElement,
  routePath: string,
  pageAnswers: Record<string, unknown>,
  sharing: SharingFixture,
  what: RegExp,
) {
  stubFetch({ ...(pageAnswers as Parameters<typeof stubFetch>[0]), ...sharingAnswers(sharing) });
  const view = renderRoutes([{ path: routePath, element }], path);
  const text = (await screen.findByText(what)).closest("p")?.textContent ?? "";
  view.unmount();
  return text;
}

describe("sentences about who sees what, place by place", () => {
  it("the trends page follows the check-in trends share and the check-ins scope", async () => {
    const answers = { "GET /api/check-ins": { status: 200, body: { weeks: [], signals: [], definition: { id: "w", version: "1", questions: [] } } } };
    const on = (sharing: SharingFixture) => sentenceOn("/trends", <TrendsRoute />, "/trends", answers, sharing, /can see your check-in numbers/);
    expect(await on({ partnerScopes: ["overview", "dimensions", "exercises"], counsellorScopes: ["profile", "safety", "notes"] })).toMatch(
      /^Right now only you can see your check-in numbers\./,
    );
    expect(await on({ partnerScopes: ["check-in-trends"] })).toMatch(/^Right now you and Ana \(your partner\) can see your check-in numbers\./);
    expect(await on({ counsellorScopes: ["check-ins"] })).toMatch(
      /^Right now you and Dr Lee \(your counsellor at Clear Path\) can see your check-in numbers\./,
    );
  });

  it("an exercise's reflection follows the notes scope, and marking it done follows the exercises share", async () => {
    const exercise = {
      id: "journal",
      practice: "speak-up",
      title: "Three-line journal",
      summary: "S.",
      minutes: 10,
      steps: ["One."],
      reflectionPrompt: "What?",
      isJoint: false,
      isSuggested: false,
      suggestionReason: null,
      isHeldBack: false,
      completions: [],
    };
    const answers = {
      "GET /api/exercises": { status: 200, body: { exercises: [exercise] } },
      "GET /api/exercises/journal/completions": { status: 200, body: { completions: [] } },
      "GET /api/consent": consented,
    };
    const on = (sharing: SharingFixture, what: RegExp) => sentenceOn("/practices/journal", <PracticeRoute />, "/practices/:exerciseId", answers, sharing, what);
    expect(await on({ counsellorScopes: ["profile", "check-ins", "safety"] }, /can see what you write about your exercises/)).toMatch(
      /^Right now only you can see what you write about your exercises\. A partner can never see/,
    );
    expect(await on({ counsellorScopes: ["notes"] }, /can see what you write about your exercises/)).toMatch(
      /^Right now you and Dr Lee \(your counsellor at Clear Path\) can see what you write about your exercises\./,
    );
    expect(await on({ partnerScopes: [] }, /can see which exercises you finish/)).toMatch(/^Right now only you can see which exercises you finish\./);
    expect(await on({ partnerScopes: ["exercises"] }, /can see which exercises you finish/)).toMatch(
      /^Right now you and Ana \(your partner\) can see which exercises you finish\./,
    );
  });

  it("the consent notice no longer says sharing is not switched on, and lists what is shared today", async () => {
    const nothing = await sentenceOn("/consent", <ConsentNotice />, "/consent", {}, {}, /share nothing with anyone/);
    expect(nothing).toBe("Right now you share nothing with anyone.");
    expect(screen.queryByText(/not switched on yet/)).not.toBeInTheDocument();
    stubFetch(sharingAnswers({ partnerScopes: ["check-in-trends"], counsellorScopes: ["profile", "notes"] }));
    renderRoutes([{ path: "/consent", element: <ConsentNotice /> }], "/consent");
    const summary = (await screen.findByRole("heading", { name: "What you share right now" })).parentElement!;
    expect(within(summary).getByText(/With Ana, your partner: weekly check-in trends\./)).toBeInTheDocument();
    expect(within(summary).getByText(/With Dr Lee, your counsellor at Clear Path: Profile scores, Notes and reflections\./)).toBeInTheDocument();
    expect(screen.queryByText(/Only you\. Nobody else/)).not.toBeInTheDocument();
  });

  it("the profile's introduction follows the profile scope: a counsellor sees each answer, a partner never does", async () => {
    const answers = { "GET /api/consent": consented, "GET /api/assessments/current": { status: 200, body: noAssessmentYet() } };
    const on = (sharing: SharingFixture) =>
      sentenceOn("/assessment", <AssessmentRoute />, "/assessment", answers, sharing, /can see your answers to these statements/);
    expect(await on({ partnerScopes: ["overview", "dimensions"], counsellorScopes: ["check-ins"] })).toMatch(
      /^Right now only you can see your answers to these statements\. A partner can never see/,
    );
    expect(await on({ counsellorScopes: ["profile"] })).toMatch(
      /^Right now you and Dr Lee \(your counsellor at Clear Path\) can see your answers to these statements\./,
    );
  });
});
