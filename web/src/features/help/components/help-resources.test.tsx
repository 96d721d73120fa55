import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HelpRoute } from "../../../app/routes/help";
import { renderWithProviders, stubFetch } from "../../../testing/render";

const resource = (overrides: Record<string, unknown>) => ({
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

describe("Help page", () => {
  it("puts the emergency numbers first and lists resources by need with tel: links and their source", async () => {
    stubFetch({
      "GET /api/help/resources": {
        status: 200,
        body: {
          region: "Singapore",
          updatedOn: "2026-11-01",
          resources: [
            resource({ id: "couples", name: "Couples Counselling Centre", phone: "6123 4567" }),
            resource({ id: "sos", category: "suicide-prevention", name: "Samaritans of Singapore", phone: "1767", text: "9151 1767", hours: "24 hours", source: "sos.org.sg" }),
          ],
        },
      },
    });
    renderWithProviders(<HelpRoute />);
    expect(screen.getByRole("link", { name: "Call 999 (police)" })).toHaveAttribute("href", "tel:999");
    expect(screen.getByRole("link", { name: "Call 995 (ambulance)" })).toHaveAttribute("href", "tel:995");

    const crisis = await screen.findByRole("region", { name: /thinking about ending your life/ });
    expect(within(crisis).getByRole("link", { name: "Call 1767, Samaritans of Singapore" })).toHaveAttribute("href", "tel:1767");
    expect(within(crisis).getByRole("link", { name: "Text or WhatsApp: 9151 1767, Samaritans of Singapore" })).toHaveAttribute("href", "sms:91511767");
    expect(within(crisis).getByText(/Source: sos.org.sg · checked on/)).toBeInTheDocument();
    expect(within(crisis).getByText("When: 24 hours")).toBeInTheDocument();

    const counselling = screen.getByRole("region", { name: /Counselling/ });
    expect(within(counselling).getByRole("link", { name: "Call 6123 4567, Couples Counselling Centre" })).toHaveAttribute("href", "tel:61234567");
    // Most urgent first.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings.indexOf(crisis.querySelector("h2")?.textContent ?? "")).toBeLessThan(headings.indexOf(counselling.querySelector("h2")?.textContent ?? ""));
    expect(screen.getByText(/Quick exit/)).toBeInTheDocument();
  });

  it("still shows emergency numbers and a crisis line when the list cannot load", async () => {
    stubFetch({ "GET /api/help/resources": { status: 500, body: { error: { code: "INTERNAL", message: "oops" } } } });
    renderWithProviders(<HelpRoute />);
    expect(await screen.findByRole("alert")).toHaveTextContent("emergency numbers above always work");
    expect(screen.getByText(/call 1767/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Call 999 (police)" })).toBeInTheDocument();
  });

  it("takes the emergency numbers from the operator's list when it has them, and does not repeat them below", async () => {
    stubFetch({
      "GET /api/help/resources": {
        status: 200,
        body: { region: "Elsewhere", updatedOn: "2026-11-01", resources: [resource({ id: "e", category: "emergency", name: "Emergency services", phone: "112" }), resource({ id: "c" })] },
      },
    });
    renderWithProviders(<HelpRoute />);
    expect(await screen.findByRole("link", { name: "Emergency services: 112" })).toHaveAttribute("href", "tel:112");
    expect(screen.queryByRole("link", { name: "Call 999 (police)" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Emergency" })).not.toBeInTheDocument();
  });
});
