import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { PracticeRoute } from "../../../app/routes/practice";
import { PracticesRoute } from "../../../app/routes/practices";
import { renderRoutes, stubFetch } from "../../../testing/render";
import type { ExerciseListResponse, ExerciseView } from "@mutual/core";

const exercise = (overrides: Partial<ExerciseView>): ExerciseView => ({
  id: "x",
  practice: "speak-up",
  title: "An exercise",
  summary: "A short summary.",
  minutes: 10,
  steps: ["First step.", "Second step."],
  reflectionPrompt: "What did you notice?",
  isJoint: false,
  isSuggested: false,
  suggestionReason: null,
  isHeldBack: false,
  completions: [],
  ...overrides,
});

const list: ExerciseListResponse = {
  exercises: [
    exercise({ id: "calm-ask", title: "Ask for one small thing", isJoint: true, isHeldBack: true }),
    exercise({ id: "journal", title: "Three-line journal", completions: [{ id: "c1", completedAt: "2026-11-20T10:00:00.000Z", hasReflection: true }] }),
    exercise({
      id: "call-friend",
      practice: "friends-family",
      title: "Call someone you miss",
      isSuggested: true,
      suggestionReason: "Your time with friends and family dropped lately.",
    }),
  ],
};

const routes = [
  { path: "/practices", element: <PracticesRoute /> },
  { path: "/practices/:exerciseId", element: <PracticeRoute /> },
];

describe("Practices", () => {
  it("shows suggestions first with their reason and held-back joint exercises as paused, without naming why", async () => {
    stubFetch({ "GET /api/exercises": { status: 200, body: list } });
    renderRoutes(routes, "/practices");
    const suggested = await screen.findByRole("region", { name: "Suggested for you" });
    expect(within(suggested).getByRole("link", { name: "Call someone you miss" })).toBeInTheDocument();
    expect(within(suggested).getByText("Why: Your time with friends and family dropped lately.")).toBeInTheDocument();

    const speakUp = screen.getByRole("region", { name: "Speak up" });
    const paused = within(speakUp).getByText("Ask for one small thing");
    expect(paused.closest("a")).toBeNull();
    expect(within(paused.closest("li")!).getByText("Paused for now")).toBeInTheDocument();
    expect(within(speakUp).getByText("Done once")).toBeInTheDocument();
    const note = screen.getByText(/set aside exercises that involve a direct conversation/);
    expect(note.textContent).not.toMatch(/safe|safety|violence|abuse/i);
    expect(screen.getByRole("link", { name: "Go to Get help" })).toHaveAttribute("href", "/help");
  });

  it("shows the steps, marks an exercise as done with a private reflection, and lists past completions", async () => {
    let completions: Array<{ id: string; exerciseId: string; completedAt: string; reflection: string | null }> = [
      { id: "c1", exerciseId: "journal", completedAt: "2026-11-20T10:00:00.000Z", reflection: "Felt lighter." },
    ];
    const calls = stubFetch({
      "GET /api/exercises": { status: 200, body: list },
      "GET /api/exercises/journal/completions": () => ({ status: 200, body: { completions } }),
      "POST /api/exercises/journal/completions": (body) => {
        const created = {
          id: "c2",
          exerciseId: "journal",
          completedAt: "2026-11-24T10:00:00.000Z",
          reflection: (body as { reflection?: string }).reflection ?? null,
        };
        completions = [...completions, created];
        return { status: 201, body: created };
      },
    });
    renderRoutes(routes, "/practices/journal");
    expect(await screen.findByRole("heading", { level: 1, name: "Three-line journal" })).toBeInTheDocument();
    expect(screen.getByText("Second step.")).toBeInTheDocument();
    expect(await screen.findByText("Felt lighter.")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Your reflection (optional)"), "Easier than I thought.");
    await userEvent.click(screen.getByRole("button", { name: "Mark as done" }));
    expect(await screen.findByText("Well done. We've noted it.")).toBeInTheDocument();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ reflection: "Easier than I thought." });
    expect(await screen.findByText("Easier than I thought.")).toBeInTheDocument();
  });

  it("offers no way to do a paused exercise", async () => {
    stubFetch({ "GET /api/exercises": { status: 200, body: list }, "GET /api/exercises/calm-ask/completions": { status: 200, body: { completions: [] } } });
    renderRoutes(routes, "/practices/calm-ask");
    expect(await screen.findByText(/paused it for now/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Mark as done" })).not.toBeInTheDocument();
  });
});
