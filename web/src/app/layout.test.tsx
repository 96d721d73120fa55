import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderRoutes, stubFetch } from "../testing/render";
import { Layout } from "./layout";
import { HelpRoute } from "./routes/help";
import { NotFoundRoute } from "./routes/not-found";
import { SignInRoute } from "./routes/sign-in";
import { aPerson } from "../testing/factories";

const routes = [
  {
    element: <Layout />,
    children: [
      { path: "/sign-in", element: <SignInRoute /> },
      { path: "/help", element: <HelpRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

const signedIn = { status: 200, body: { user: aPerson({ name: "Ana", email: "a@x.test" }) } };
const noPractices = { status: 200, body: { twoFactorEnabled: false, practices: [] } };
const onePractice = {
  status: 200,
  body: { twoFactorEnabled: true, practices: [{ id: "p1", name: "Harbour Counselling", role: "counsellor" as const, joinedAt: "2026-01-01T00:00:00.000Z" }] },
};

/** A phone-narrow screen, as lib/narrow-screen.ts asks the browser. */
function onPhone() {
  vi.stubGlobal("matchMedia", (query: string) => ({ matches: true, media: query, addEventListener: () => undefined, removeEventListener: () => undefined }));
}

afterEach(() => vi.unstubAllGlobals());

describe("Layout", () => {
  it.each(["/sign-in", "/help", "/somewhere-unknown"])("offers help and a quick exit on %s", async (path) => {
    stubFetch({ "GET /api/me": { status: 401, body: {} } });
    renderRoutes(routes, path);
    expect(await screen.findByRole("link", { name: "Get help now" })).toHaveAttribute("href", "/help");
    expect(screen.getByRole("button", { name: "Quick exit: leave this site now" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to main content" })).toHaveAttribute("href", "#main");
    expect(screen.getByRole("main")).toBeInTheDocument();
  });

  it("shows sign-in links to a visitor and the partner's journey to a signed-in person", async () => {
    stubFetch({ "GET /api/me": signedIn, "GET /api/practices": noPractices });
    renderRoutes(routes, "/help");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Account" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Partner" })).toHaveAttribute("href", "/partner");
    expect(within(nav).getByRole("link", { name: "Habits" })).toHaveAttribute("href", "/practices");
    expect(within(nav).getByRole("link", { name: "Find a counsellor" })).toHaveAttribute("href", "/directory");
    expect(within(nav).getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Clients" })).not.toBeInTheDocument();
  });

  it("gives a counsellor their clients and their practice first", async () => {
    stubFetch({ "GET /api/me": signedIn, "GET /api/practices": onePractice });
    renderRoutes(routes, "/help");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(await within(nav).findByRole("link", { name: "Clients" })).toHaveAttribute("href", "/practice/p1/clients");
    expect(within(nav).getByRole("link", { name: "Practice" })).toHaveAttribute("href", "/practice/p1");
    expect(within(nav).getAllByRole("link")[0]).toHaveTextContent("Clients");
  });

  it("on a phone, shows four tabs and a More list with the rest and Sign out, closed again by Escape", async () => {
    onPhone();
    stubFetch({ "GET /api/me": signedIn, "GET /api/practices": noPractices });
    renderRoutes(routes, "/help");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    const more = await within(nav).findByRole("button", { name: "More" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Home", "Check-in", "Profile", "Trends"]);
    expect(more).toHaveAttribute("aria-expanded", "false");

    await userEvent.click(more);
    expect(more).toHaveAttribute("aria-expanded", "true");
    const list = document.getElementById(more.getAttribute("aria-controls") ?? "");
    expect(list).toBeVisible();
    expect(
      within(list!)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Habits", "Partner", "Find a counsellor", "Account"]);
    expect(within(list!).getByRole("button", { name: "Sign out" })).toBeInTheDocument();

    await userEvent.keyboard("{Escape}");
    expect(more).toHaveAttribute("aria-expanded", "false");
    expect(more).toHaveFocus();
  });

  it("on a phone, marks the current page in the tab bar", async () => {
    onPhone();
    stubFetch({ "GET /api/me": { status: 401, body: {} } });
    renderRoutes(routes, "/sign-in");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Sign in" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).queryByRole("button", { name: "More" })).not.toBeInTheDocument();
  });
});
