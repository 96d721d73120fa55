import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PracticePsychometricsResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { PracticePsychometrics } from "./practice-psychometrics";
import type { FakeResponse } from "../../../testing/fake-api";

const shown = (dimension: PracticePsychometricsResponse["dimensions"][number]["dimension"], n: number, isUsedForChange: boolean) => ({
  dimension,
  n,
  excludedIncomplete: 1,
  isShown: true,
  isUsedForChange,
  alpha: 0.812,
  mean: 61.2,
  sd: 17.4,
  sem: 7.6,
  items: [{ itemId: "close-1", mean: 4.8, sd: 1.2, correctedItemTotal: 0.61, alphaIfDeleted: 0.78 }],
});

const data: PracticePsychometricsResponse = {
  instrument: { id: "interdependence-profile", version: "1" },
  minimumN: 100,
  statisticsMinimumN: 20,
  normSource: "deployment",
  respondents: 120,
  computedAt: "2026-11-24T05:00:00.000Z",
  dimensions: [
    shown("CLOSE", 120, true),
    { dimension: "VOICE", n: 12, excludedIncomplete: 0, isShown: false, isUsedForChange: false, alpha: null, mean: null, sd: null, sem: null, items: [] },
  ],
};

const render = (answer: FakeResponse<PracticePsychometricsResponse>) => {
  stubFetch({ "GET /api/practices/p1/psychometrics": answer });
  renderRoutes([{ path: "/practice/:practiceId/psychometrics", element: <PracticePsychometrics practiceId="p1" /> }], "/practice/p1/psychometrics");
};

describe("PracticePsychometrics", () => {
  it("shows N, alpha and SEM per area, which areas judge real change with the practice's own figures, and withholds small areas", async () => {
    render({ status: 200, body: data });
    expect(await screen.findByText("120 clients' profiles counted.")).toBeInTheDocument();
    expect(screen.getByText(/From 100 complete answers/)).toBeInTheDocument();
    expect(screen.getByText(/only once at least 10 more or fewer clients are counted/)).toBeInTheDocument();
    expect(screen.getByText(/this practice's own figures where an area has enough answers/)).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Reliability by area" });
    const close = within(table).getByRole("row", { name: /Closeness/ });
    expect(close).toHaveTextContent("0.81");
    expect(close).toHaveTextContent("7.6");
    expect(close).toHaveTextContent("Yes");
    const voice = within(table).getByRole("row", { name: /Voice/ });
    expect(voice).toHaveTextContent("Shown from 20");
    expect(voice).toHaveTextContent("Not yet");
    expect(screen.getByRole("table", { name: "Closeness: each question" })).toHaveTextContent("0.61");
    expect(screen.queryByRole("table", { name: "Voice: each question" })).toBeNull();
  });

  it("tells a counsellor the figures are for owners and admins", async () => {
    render({ status: 403, body: { error: { code: "PRACTICE_ROLE_REQUIRED", message: "x" } } });
    expect(await screen.findByText("Only the practice's owners and admins see these figures.")).toBeInTheDocument();
  });

  it("asks for two-step sign-in first", async () => {
    render({ status: 403, body: { error: { code: "TWO_FACTOR_REQUIRED", message: "x" } } });
    expect(await screen.findByRole("link", { name: "Turn it on now" })).toHaveAttribute("href", "/account/two-factor");
  });
});
