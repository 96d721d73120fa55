import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../testing/render";
import { HomeCards } from "./home-cards";
import { consentGiven, noAssessmentYet } from "../../testing/factories";

const consented = { status: 200, body: consentGiven("2026-11-24") };
const nothingTaken = { status: 200, body: noAssessmentYet() };
const checkInDone = { week: "2026-W48", timeZone: "UTC", checkIn: { week: "2026-W48" } };

/** Holds the consent answer back until `release` is called, to see the page between requests. */
function holdConsent() {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const calls = stubFetch({ "GET /api/consent": consented, "GET /api/assessments/current": nothingTaken });
  const answered = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === "string" ? input : input.toString();
    if (path.startsWith("/api/check-ins/current")) {
      calls.push({ method: "GET", path, body: undefined });
      return new Response(JSON.stringify(checkInDone), { status: 200, headers: { "content-type": "application/json" } });
    }
    if (path === "/api/consent") await held;
    return answered(input, init);
  }) as typeof fetch;
  return { calls, release };
}

describe("The signed-in home page's cards", () => {
  it("asks for the check-in beside the journey, and shows its card only once the journey card has its final size", async () => {
    const { calls, release } = holdConsent();
    renderRoutes([{ path: "/", element: <HomeCards /> }], "/");

    await waitFor(() => expect(calls.some((call) => call.path.startsWith("/api/check-ins/current"))).toBe(true));
    expect(screen.getByRole("status")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "This week's check-in" })).not.toBeInTheDocument();

    release();
    expect(await screen.findByRole("link", { name: "Take the profile" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "This week's check-in" })).toBeInTheDocument();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings.at(-1)).toBe("This week's check-in");
  });

  it("keeps the footer waiting until every card's first answer is in", async () => {
    const { release } = holdConsent();
    // This week's check-in answers last, after the journey is known.
    let releaseCheckIn = () => {};
    const checkInHeld = new Promise<void>((resolve) => (releaseCheckIn = resolve));
    const answered = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith("/api/check-ins/current")) await checkInHeld;
      return answered(input, init);
    }) as typeof fetch;
    const { container } = renderRoutes([{ path: "/", element: <HomeCards /> }], "/");
    // The marker beside which styles.css hides the footer (.site-main:has(.loading) + .site-footer).
    const footerWaits = () => container.querySelector(".loading") !== null;
    await waitFor(() => expect(footerWaits()).toBe(true));

    release();
    expect(await screen.findByRole("link", { name: "Take the profile" })).toBeInTheDocument();
    expect(footerWaits()).toBe(true);
    releaseCheckIn();
    await waitFor(() => expect(footerWaits()).toBe(false));
  });

  it("asks each card's question once on arrival, not once to start early and again when the card appears", async () => {
    const { calls, release } = holdConsent();
    renderRoutes([{ path: "/", element: <HomeCards /> }], "/");
    release();
    expect(await screen.findByRole("heading", { name: "This week's check-in" })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector(".loading")).toBeNull());
    const asked = calls.filter((call) => call.method === "GET").map((call) => call.path.split("?")[0]);
    const twice = asked.filter((path, index) => asked.indexOf(path) !== index);
    expect(asked).toContain("/api/check-ins/current");
    expect(twice).toEqual([]);
  });
});
