import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { PartnerCheckIns, PartnerExercises } from "./partner-views";
import type { TrendSignalView } from "@mutual/core";

vi.mock("../../../components/trends/uplot-draw", () => ({ drawChart: () => ({ setWidth: () => undefined, destroy: () => undefined }) }));

const answers = { spokeUp: 2, feltHeard: 3, backedPartner: 3, feltBacked: 2, friendsFamilyHours: 6, wePulse: 5, mePulse: 4 };

describe("A partner's shared views", () => {
  it("shows the partner's check-ins with the trends tables, in words about the partner", async () => {
    stubFetch({
      "GET /api/couple/partner/check-ins": {
        status: 200,
        body: {
          partner: { name: "Sam" },
          weeks: [
            { week: "2026-W47", answers },
            { week: "2026-W48", answers: { ...answers, wePulse: 6 } },
          ],
          signals: [],
        },
      },
    });
    renderRoutes([{ path: "/p", element: <PartnerCheckIns /> }], "/p");
    expect(await screen.findByText(/The numbers Sam chose in their weekly check-ins/)).toBeInTheDocument();
    expect(screen.getByText(/How connected Sam felt/)).toBeInTheDocument();
    expect(screen.getAllByRole("table")).toHaveLength(4);
    expect(screen.getByRole("columnheader", { name: "Encouraged you" })).toBeInTheDocument();
  });

  it("shows the partner's trend signals in words about them, with what may help", async () => {
    const decline: TrendSignalView = {
      id: "sustained-decline",
      title: "A pulse that has gone down for weeks",
      explanation: "In these check-ins the We pulse has gone down for several weeks, by about 0.40 points a week. It is now below where it used to be.",
      practice: "support-passions",
    };
    stubFetch({
      "GET /api/couple/partner/check-ins": {
        status: 200,
        body: {
          partner: { name: "Sam" },
          weeks: [
            { week: "2026-W47", answers },
            { week: "2026-W48", answers: { ...answers, wePulse: 3 } },
          ],
          signals: [decline],
        },
      },
    });
    renderRoutes([{ path: "/p", element: <PartnerCheckIns /> }], "/p");
    const signals = await screen.findByRole("region", { name: "Something worth noticing" });
    expect(within(signals).getByRole("heading", { name: "A pulse that has gone down for weeks" })).toBeInTheDocument();
    expect(within(signals).getByText(/One of Sam's pulses has slipped little by little/)).toBeInTheDocument();
    expect(within(signals).getByText(decline.explanation)).toBeInTheDocument();
    expect(within(signals).getByRole("link", { name: /Back each other's passions/ })).toHaveAttribute("href", "/practices#practice-support-passions");
    expect(signals).not.toHaveTextContent(/\byour (We|Me) pulse|your own numbers/i);
  });

  it.each([
    [403, "NOT_SHARED", "This is not shared with you right now."],
    [404, "NOT_LINKED", "You are not linked with a partner right now."],
  ])("explains %s %s on the check-ins view", async (status, code, message) => {
    stubFetch({ "GET /api/couple/partner/check-ins": { status, body: { error: { code, message: "x" } } } });
    renderRoutes([{ path: "/p", element: <PartnerCheckIns /> }], "/p");
    expect(await screen.findByText(new RegExp(message))).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to your partner page" })).toHaveAttribute("href", "/partner");
  });

  it("lists the partner's completed exercises, newest first, without reflections", async () => {
    stubFetch({
      "GET /api/couple/partner/exercises": {
        status: 200,
        body: {
          partner: { name: "Sam" },
          completed: [
            { exerciseId: "e1", title: "The weekly wish", practice: "speak-up", completedAt: "2026-11-10T10:00:00.000Z" },
            { exerciseId: "e2", title: "Cheer a passion", practice: "support-passions", completedAt: "2026-11-20T10:00:00.000Z" },
          ],
        },
      },
    });
    renderRoutes([{ path: "/p", element: <PartnerExercises /> }], "/p");
    const titles = await screen.findAllByRole("heading", { level: 2 });
    expect(titles.map((title) => title.textContent)).toEqual(["Cheer a passion", "The weekly wish"]);
    expect(screen.getByText("Completed on 20 November 2026")).toBeInTheDocument();
  });

  it("explains NOT_SHARED on the exercises view", async () => {
    stubFetch({ "GET /api/couple/partner/exercises": { status: 403, body: { error: { code: "NOT_SHARED", message: "x" } } } });
    renderRoutes([{ path: "/p", element: <PartnerExercises /> }], "/p");
    expect(await screen.findByText(/This is not shared with you right now/)).toBeInTheDocument();
  });
});
