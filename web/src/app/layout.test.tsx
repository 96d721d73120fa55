import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
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

describe("Layout", () => {
  it.each(["/sign-in", "/help", "/somewhere-unknown"])("offers help and a quick exit on %s", async (path) => {
    stubFetch({ "GET /api/me": { status: 401, body: {} } });
    renderRoutes(routes, path);
    expect(await screen.findByRole("link", { name: "Get help now" })).toHaveAttribute("href", "/help");
    expect(screen.getByRole("button", { name: "Quick exit: leave this site now" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to main content" })).toHaveAttribute("href", "#main");
    expect(screen.getByRole("main")).toBeInTheDocument();
  });

  it("shows sign-in links to a visitor and the account link to a signed-in person", async () => {
    stubFetch({ "GET /api/me": { status: 200, body: { user: aPerson({ name: "Ana", email: "a@x.test" }) } } });
    renderRoutes(routes, "/help");
    expect(await screen.findByRole("link", { name: "Account" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Partner" })).toHaveAttribute("href", "/partner");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Sign in" })).not.toBeInTheDocument();
  });
});
