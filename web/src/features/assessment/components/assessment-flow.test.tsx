import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { sharingAnswers } from "../../../testing/sharing";
import type { CurrentAssessment, InProgressAssessment } from "../../../lib/api/assessment-api";
import { AssessmentRoute } from "../../../app/routes/assessment";
import { consentGiven, consentNotGiven } from "../../../testing/factories";
import { INTERDEPENDENCE_PROFILE_V1, labelScalePoint, localizeItem } from "@mutual/core";

const scale = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Somewhat disagree" },
  { value: 4, label: "Neither agree nor disagree" },
  { value: 5, label: "Somewhat agree" },
  { value: 6, label: "Agree" },
  { value: 7, label: "Strongly agree" },
];

function inProgress(answers: Record<string, number> = {}): InProgressAssessment {
  return {
    id: "a1",
    startedAt: "2026-11-24T00:00:00.000Z",
    sections: [
      {
        id: "profile",
        items: [
          { id: "close-1", text: "I feel emotionally close to my partner." },
          { id: "voice-1", text: "I tell my partner what I think, even when we disagree." },
          { id: "ties-1", text: "I spend good time with friends or family most weeks." },
        ],
      },
      { id: "safety-check", items: [{ id: "safe-1", text: "I am afraid of how my partner might react to me." }] },
    ],
    answers,
    answeredCount: Object.keys(answers).length,
    totalCount: 4,
    scale,
    language: "en",
    translationStatus: "source",
  };
}

function current(answers?: Record<string, number>): CurrentAssessment {
  return { inProgress: inProgress(answers), completedCount: 0, lastCompletedAt: null, retakeAvailableAt: null };
}

const consented = { status: 200, body: consentGiven("2026-11-24") };
const routes = [
  { path: "/assessment", element: <AssessmentRoute /> },
  { path: "/consent", element: <p>Consent page</p> },
  { path: "/profile", element: <p>Profile page</p> },
];

describe("The assessment flow", () => {
  it("sends a person who has not agreed to the notice to it first", async () => {
    const calls = stubFetch({ "GET /api/consent": { status: 200, body: consentNotGiven("2026-11-24") } });
    const { router } = renderRoutes(routes, "/assessment");
    expect(await screen.findByText("Consent page")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?next=%2Fassessment");
    expect(calls.some((call) => call.path.startsWith("/api/assessments"))).toBe(false);
  });

  it("shows the statement and its choices as the server gave them in Tamil, marked with their language", async () => {
    const profile = INTERDEPENDENCE_PROFILE_V1;
    const inTamil = (itemId: string) => ({
      id: itemId,
      text: localizeItem(
        profile,
        profile.items.find((entry) => entry.id === itemId)!,
        "ta",
      ).text,
    });
    const tamil: InProgressAssessment = {
      ...inProgress(),
      sections: [
        { id: "profile", items: [inTamil("close-1"), inTamil("voice-1"), inTamil("ties-1")] },
        { id: "safety-check", items: [inTamil("safe-1")] },
      ],
      scale: profile.scale.points.map((point) => ({ value: point.value, label: labelScalePoint(profile, point.value, "ta") })),
      language: "ta",
      translationStatus: "provisional",
    };
    stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: { inProgress: tamil, completedCount: 0, lastCompletedAt: null, retakeAvailableAt: null } },
    });
    renderRoutes(routes, "/assessment");
    const statement = inTamil("close-1").text;
    const group = await screen.findByRole("group", { name: statement });
    expect(within(group).getByText(statement)).toHaveAttribute("lang", "ta");
    const agree = labelScalePoint(profile, 7, "ta");
    expect(within(group).getByRole("radio", { name: agree })).toBeInTheDocument();
    expect(within(group).getByText(agree)).toHaveAttribute("lang", "ta");
  });

  it("resumes at the first unanswered statement", async () => {
    stubFetch({ "GET /api/consent": consented, "GET /api/assessments/current": { status: 200, body: current({ "close-1": 6 }) } });
    renderRoutes(routes, "/assessment");
    expect(await screen.findByRole("group", { name: "I tell my partner what I think, even when we disagree." })).toBeInTheDocument();
    expect(screen.getByText("Statement 2 of 4")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Answered so far" })).toHaveAttribute("value", "1");
  });

  it("saves a choice made with the arrow keys at once, and goes back to show earlier answers", async () => {
    const calls = stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: current() },
      "PUT /api/assessments/a1/answers/close-1": { status: 200, body: { answeredCount: 1, totalCount: 4 } },
    });
    renderRoutes(routes, "/assessment");
    const group = await screen.findByRole("group", { name: "I feel emotionally close to my partner." });
    expect(group).toBeInTheDocument();
    // The page puts the focus on its title when it arrives; from there Tab lands on the first
    // option of a group with no choice yet, and arrows then choose.
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveFocus());
    screen.getByRole("radio", { name: "Strongly disagree" }).focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    await waitFor(() => expect(screen.getByRole("radio", { name: "Somewhat disagree" })).toBeChecked());
    await waitFor(() =>
      expect(calls.filter((call) => call.method === "PUT").at(-1)).toMatchObject({ path: "/api/assessments/a1/answers/close-1", body: { value: 3 } }),
    );
    expect(await screen.findByText("Saved")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("group", { name: "I tell my partner what I think, even when we disagree." })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Skip for now" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("radio", { name: "Somewhat disagree" })).toBeChecked();
  });

  it("moves on when an answer is tapped, if the person chose that, but never on arrow keys; Back stays", async () => {
    stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: current() },
      "PUT /api/assessments/a1/answers/close-1": { status: 200, body: { answeredCount: 1, totalCount: 4 } },
      "PUT /api/assessments/a1/answers/voice-1": { status: 200, body: { answeredCount: 2, totalCount: 4 } },
    });
    window.localStorage.removeItem("mutual.assessment.autoAdvance");
    renderRoutes(routes, "/assessment");
    await screen.findByRole("group", { name: "I feel emotionally close to my partner." });
    await userEvent.click(screen.getByLabelText("Go to the next statement when I tap an answer"));
    // Arrow keys choose as they pass: the statement stays.
    screen.getByRole("radio", { name: "Strongly disagree" }).focus();
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getByRole("radio", { name: "Disagree" })).toBeChecked());
    expect(screen.getByRole("group", { name: "I feel emotionally close to my partner." })).toBeInTheDocument();
    // A tap moves on, and the next statement has focus.
    await userEvent.click(screen.getByRole("radio", { name: "Agree" }));
    const next = await screen.findByRole("group", { name: "I tell my partner what I think, even when we disagree." });
    await waitFor(() => expect(within(next).getByText("I tell my partner what I think, even when we disagree.")).toHaveFocus());
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("radio", { name: "Agree" })).toBeChecked();
    expect(window.localStorage.getItem("mutual.assessment.autoAdvance")).toBe("on");
    window.localStorage.removeItem("mutual.assessment.autoAdvance");
  });

  it("keeps a choice when saving fails and saves it on retry", async () => {
    let fail = true;
    const calls = stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: current() },
      "PUT /api/assessments/a1/answers/close-1": () =>
        fail ? { status: 503, body: { error: { code: "UNAVAILABLE", message: "down" } } } : { status: 200, body: { answeredCount: 1, totalCount: 4 } },
    });
    renderRoutes(routes, "/assessment");
    await userEvent.click(await screen.findByRole("radio", { name: "Agree" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not saved yet");
    expect(screen.getByRole("radio", { name: "Agree" })).toBeChecked();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Try saving again" }));
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "PUT").map((call) => call.body)).toEqual([{ value: 6 }, { value: 6 }]);
  });

  it("says who can see the safety answers before the safety check and beside each question, then submits and opens the profile", async () => {
    const calls = stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: current({ "close-1": 6, "voice-1": 5, "ties-1": 4 }) },
      "PUT /api/assessments/a1/answers/safe-1": { status: 200, body: { answeredCount: 4, totalCount: 4 } },
      "POST /api/assessments/a1/submit": { status: 200, body: { assessmentId: "a1" } },
      ...sharingAnswers({ partnerScopes: ["overview"], counsellorScopes: ["profile"] }),
    });
    const { router } = renderRoutes(routes, "/assessment");
    expect(await screen.findByRole("heading", { name: "A private safety check" })).toBeInTheDocument();
    expect(await screen.findByText(/^Right now only you can see your safety check\. A partner can never see your safety check\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByText(/^Right now only you can see your safety check\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: "Strongly disagree" }));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { name: "Ready to see your profile?" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "See my profile" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/profile"));
    expect(calls.some((call) => call.method === "POST" && call.path === "/api/assessments/a1/submit")).toBe(true);
  });

  it("with the safety check shared with a counsellor, no sentence calls the safety answers private to the person", async () => {
    stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: current({ "close-1": 6, "voice-1": 5, "ties-1": 4 }) },
      ...sharingAnswers({ counsellorScopes: ["safety"] }),
    });
    renderRoutes(routes, "/assessment");
    expect(await screen.findByRole("heading", { name: "A private safety check" })).toBeInTheDocument();
    expect(await screen.findByText(/^Right now you and Dr Lee \(your counsellor at Clear Path\) can see your safety check\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByText(/^Right now you and Dr Lee \(your counsellor at Clear Path\) can see your safety check\./)).toBeInTheDocument();
    expect(screen.queryByText(/only you/i)).not.toBeInTheDocument();
  });

  it("starts over only after the person confirms", async () => {
    let discarded = false;
    const calls = stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": () => ({ status: 200, body: discarded ? { ...current(), inProgress: null } : current({ "close-1": 6 }) }),
      "DELETE /api/assessments/a1": () => {
        discarded = true;
        return { status: 204, body: null };
      },
    });
    renderRoutes(routes, "/assessment");
    await userEvent.click(await screen.findByRole("button", { name: "Start over" }));
    expect(screen.getByRole("heading", { name: "Start over?" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Keep my answers" }));
    expect(calls.some((call) => call.method === "DELETE")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Start over" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete my answers" }));
    expect(await screen.findByRole("button", { name: "Start the profile" })).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/api/assessments/a1"]);
  });

  it("on a shared device, says when the answers were started and how many there are, and lets someone else discard them", async () => {
    let discarded = false;
    const calls = stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": () => ({ status: 200, body: discarded ? { ...current(), inProgress: null } : current({ "close-1": 6 }) }),
      "DELETE /api/assessments/a1": () => {
        discarded = true;
        return { status: 204, body: null };
      },
    });
    renderRoutes(routes, "/assessment");
    const started = new Intl.DateTimeFormat("en-SG", { dateStyle: "long", timeStyle: "short" }).format(new Date("2026-11-24T00:00:00.000Z"));
    expect(await screen.findByText(`Welcome back. This profile was started on ${started}, and 1 of 4 statements are answered.`)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Not you? Discard these answers and start over" }));
    expect(screen.getByRole("heading", { name: "Start over?" })).toHaveFocus();
    expect(calls.some((call) => call.method === "DELETE")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete my answers" }));
    expect(await screen.findByRole("button", { name: "Start the profile" })).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/api/assessments/a1"]);
  });

  it("shows no resume notice on a fresh start", async () => {
    stubFetch({ "GET /api/consent": consented, "GET /api/assessments/current": { status: 200, body: current() } });
    renderRoutes(routes, "/assessment");
    await screen.findByText("Statement 1 of 4");
    expect(screen.queryByText(/Welcome back/)).not.toBeInTheDocument();
  });

  it("names the parts that need more answers when the server says the profile is incomplete", async () => {
    stubFetch({
      "GET /api/consent": consented,
      "GET /api/assessments/current": { status: 200, body: current({ "close-1": 6, "safe-1": 1 }) },
      "POST /api/assessments/a1/submit": {
        status: 422,
        body: {
          error: {
            code: "INCOMPLETE",
            message: "More answers needed.",
            fields: [
              { path: "VOICE", message: "x" },
              { path: "TIES", message: "y" },
            ],
          },
        },
      },
    });
    renderRoutes(routes, "/assessment");
    await userEvent.click(await screen.findByRole("button", { name: "Skip for now" }));
    await userEvent.click(screen.getByRole("button", { name: "Skip for now" }));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Statements skipped: 2. You can answer them now, or go ahead without them.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "See my profile" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("These parts need a few more answers: Voice and Friends and family.");
    await userEvent.click(screen.getByRole("button", { name: "Answer statement 2: I tell my partner what I think, even when we disagree." }));
    expect(screen.getByRole("group", { name: "I tell my partner what I think, even when we disagree." })).toBeInTheDocument();
  });
});
