import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HelpRoute } from "../../../app/routes/help";
import { HelpCounsellingRoute } from "../../../app/routes/help-counselling";
import { renderRoutes, stubFetch } from "../../../testing/render";
import type { HelpResource } from "@mutual/core";

const resource = (overrides: Partial<HelpResource>): HelpResource => ({
  id: "x",
  category: "counselling",
  name: "A service",
  description: "Listens.",
  phone: null,
  text: null,
  website: null,
  hours: "Weekdays, 9am to 6pm",
  source: "The service's website",
  verifiedOn: "2026-11-01",
  ...overrides,
});

/** The operator's list, as the server would answer it, with these resources. */
const serve = (...resources: Array<ReturnType<typeof resource>>) =>
  stubFetch({ "GET /api/help/resources": { status: 200, body: { region: "Singapore", updatedOn: "2026-11-01", resources } } });

describe("Help page", () => {
  it("puts the emergency numbers first and lists resources by need with tel: links and their source", async () => {
    serve(
      resource({ id: "couples", name: "Couples Counselling Centre", phone: "6123 4567" }),
      resource({
        id: "sos",
        category: "suicide-prevention",
        name: "Samaritans of Singapore",
        phone: "1767",
        text: "9151 1767",
        hours: "24 hours",
        source: "sos.org.sg",
      }),
    );
    renderRoutes([{ path: "/help", element: <HelpRoute /> }], "/help");
    expect(screen.getByRole("link", { name: "Call 999 (police)" })).toHaveAttribute("href", "tel:999");
    expect(screen.getByRole("link", { name: "Call 995 (ambulance)" })).toHaveAttribute("href", "tel:995");

    const crisis = await screen.findByRole("region", { name: /thinking about ending your life/ });
    expect(within(crisis).getByRole("link", { name: "Call 1767, Samaritans of Singapore" })).toHaveAttribute("href", "tel:1767");
    expect(within(crisis).getByRole("link", { name: "Text or WhatsApp: 9151 1767, Samaritans of Singapore" })).toHaveAttribute("href", "sms:91511767");
    expect(within(crisis).getByText(/Source: sos.org.sg · checked on/)).toBeInTheDocument();
    expect(within(crisis).getByText("When: 24 hours")).toBeInTheDocument();

    // The list after its most urgent part comes just after it (decision 094).
    const counselling = await screen.findByRole("region", { name: /Counselling/ });
    expect(within(counselling).getByRole("link", { name: "Call 6123 4567, Couples Counselling Centre" })).toHaveAttribute("href", "tel:61234567");
    // Most urgent first.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings.indexOf(crisis.querySelector("h2")?.textContent ?? "")).toBeLessThan(headings.indexOf(counselling.querySelector("h2")?.textContent ?? ""));
    expect(screen.getByText(/Quick exit/)).toBeInTheDocument();
    // The private-window advice decision 005 promised, and the way to the calmer counselling page.
    expect(screen.getByText(/private window \(also called incognito\)/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /find a counsellor/ })).toHaveAttribute("href", "/help/counselling");
  });

  it("the counselling page starts with counselling, not crisis lines, which stay one tap away", async () => {
    serve(
      resource({ id: "sos", category: "suicide-prevention", name: "Samaritans of Singapore", phone: "1767" }),
      resource({ id: "e", category: "emergency", name: "Police", phone: "999" }),
      resource({ id: "couples", name: "Couples Counselling Centre", phone: "6123 4567" }),
    );
    renderRoutes([{ path: "/help/counselling", element: <HelpCounsellingRoute /> }], "/help/counselling");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Finding counselling");
    const counselling = await screen.findByRole("region", { name: /Counselling/ });
    expect(within(counselling).getByRole("link", { name: "Call 6123 4567, Couples Counselling Centre" })).toBeInTheDocument();
    // No crisis wording or emergency number on the page itself: one link leads to them.
    expect(screen.queryByText(/ending your life/)).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /999|1767/ })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See urgent help and crisis lines" })).toHaveAttribute("href", "/help");
    expect(screen.getByText(/on your own or as a couple/)).toBeInTheDocument();
    expect(screen.getByText(/private window/)).toBeInTheDocument();
  });

  it("still shows emergency numbers and a crisis line when the list cannot load", async () => {
    stubFetch({ "GET /api/help/resources": { status: 500, body: { error: { code: "INTERNAL", message: "oops" } } } });
    renderRoutes([{ path: "/help", element: <HelpRoute /> }], "/help");
    expect(await screen.findByRole("alert")).toHaveTextContent("emergency numbers above always work");
    expect(screen.getByText(/call 1767/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Call 999 (police)" })).toBeInTheDocument();
  });

  it("takes the emergency numbers from the operator's list when it has them, and does not repeat them below", async () => {
    stubFetch({
      "GET /api/help/resources": {
        status: 200,
        body: {
          region: "Elsewhere",
          updatedOn: "2026-11-01",
          resources: [resource({ id: "e", category: "emergency", name: "Emergency services", phone: "112" }), resource({ id: "c" })],
        },
      },
    });
    renderRoutes([{ path: "/help", element: <HelpRoute /> }], "/help");
    expect(await screen.findByRole("link", { name: "Emergency services: 112" })).toHaveAttribute("href", "tel:112");
    expect(screen.queryByRole("link", { name: "Call 999 (police)" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Emergency" })).not.toBeInTheDocument();
  });
});
