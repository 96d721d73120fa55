import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../testing/render";
import { afterSignInPath, safeNextPath } from "../lib/next-path";
import { RequireSignIn } from "./require-sign-in";
import { SignInRoute } from "./routes/sign-in";
import { SignUpRoute } from "./routes/sign-up";
import { ConfirmEmailRoute } from "./routes/confirm-email";
import { aPerson } from "../testing/factories";

const user = aPerson({ id: "u2", name: "Sam", email: "sam@x.test", emailVerified: false });

function JoinProbe() {
  return <p>Join page</p>;
}

const routes = [
  {
    path: "/partner/join",
    element: (
      <RequireSignIn>
        <JoinProbe />
      </RequireSignIn>
    ),
  },
  { path: "/sign-in", element: <SignInRoute /> },
  { path: "/sign-up", element: <SignUpRoute /> },
  { path: "/confirm-email", element: <ConfirmEmailRoute /> },
];

/** /api/me answers 401 until someone signs in; signing up and confirming the address sign nobody in. */
function stubAuth() {
  let signedIn = false;
  return stubFetch({
    "GET /api/me": () =>
      signedIn ? { status: 200, body: { user } } : { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Please sign in." } } },
    "POST /api/auth/sign-in/email": () => {
      signedIn = true;
      return { status: 200, body: { user } };
    },
    "POST /api/auth/sign-up/email": { status: 200, body: { status: true } },
    "POST /api/auth/confirm-email": () => {
      signedIn = true;
      return { status: 200, body: { token: "s", user } };
    },
  });
}

describe("Signing in on the way to a page", () => {
  it("keeps the page's query and its hash, the hash outside the query", async () => {
    stubAuth();
    const { router } = renderRoutes(routes, "/partner/join?from=mail#ABCDE-12345");
    await screen.findByRole("heading", { name: "Sign in" });
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/partner/join?from=mail")}`);
    expect(router.state.location.hash).toBe("#ABCDE-12345");
  });

  it("brings a person who signs in back to the join page with the code", async () => {
    stubAuth();
    const { router } = renderRoutes(routes, "/partner/join#ABCDE-12345");
    await userEvent.type(await screen.findByRole("textbox", { name: "Email address" }), "sam@x.test");
    await userEvent.type(screen.getByLabelText("Password"), "a long enough password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Join page")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/partner/join");
    expect(router.state.location.hash).toBe("#ABCDE-12345");
  });

  it("brings a person who creates an account instead back to the join page with the code, through the emailed link", async () => {
    const calls = stubAuth();
    const { router } = renderRoutes(routes, "/partner/join#ABCDE-12345");
    await userEvent.click(await screen.findByRole("link", { name: "Create an account" }));
    await screen.findByRole("heading", { name: "Create your account" });
    expect(router.state.location.hash).toBe("#ABCDE-12345");

    await userEvent.type(screen.getByRole("textbox", { name: /What should we call you/ }), "Sam");
    await userEvent.type(screen.getByRole("textbox", { name: "Email address" }), "sam@x.test");
    await userEvent.type(screen.getByLabelText(/^Password/), "correct horse battery staple");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    await screen.findByRole("heading", { name: "Check your email" });
    expect(screen.getByText(/We have sent an email to sam@x.test/)).toBeInTheDocument();
    // The page to come back to, code and all, goes with the sign-up into the emailed link.
    expect(calls.find((call) => call.path === "/api/auth/sign-up/email")?.body).toMatchObject({ callbackURL: "/partner/join#ABCDE-12345" });

    // The link, as the server builds it: the token and the page to continue to in the fragment.
    window.history.replaceState(
      null,
      "",
      `/confirm-email#${new URLSearchParams({ token: "tok-1", next: "/partner/join#ABCDE-12345", email: "sam@x.test" }).toString()}`,
    );
    await router.navigate("/confirm-email");
    // The link is confirmed with the password chosen, which signs in, and goes straight on (never
    // through the sign-in page on the way).
    await userEvent.type(await screen.findByLabelText("Password"), "correct horse battery staple");
    const visited: string[] = [];
    const stopWatching = router.subscribe((state) => visited.push(state.location.pathname));
    await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
    expect(await screen.findByText("Join page")).toBeInTheDocument();
    stopWatching();
    expect(visited).not.toContain("/sign-in");
    expect(router.state.location.pathname).toBe("/partner/join");
    expect(router.state.location.hash).toBe("#ABCDE-12345");
    expect(calls.find((call) => call.path === "/api/auth/confirm-email")?.body).toEqual({ token: "tok-1", password: "correct horse battery staple" });
  });

  it("never follows a next that leaves the site", () => {
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath("/\t/evil.example")).toBe("/");
    expect(safeNextPath("/ /evil.example")).toBe("/");
    expect(afterSignInPath("https://evil.example", "#ABCDE-12345")).toBe("/#ABCDE-12345");
    expect(afterSignInPath("/partner/join", "#ABCDE-12345")).toBe("/partner/join#ABCDE-12345");
    expect(afterSignInPath(null, "")).toBe("/");
  });
});

describe("Landing after signing in without a page to return to", () => {
  const landingRoutes = [
    { path: "/sign-in", element: <SignInRoute /> },
    { path: "/", element: <p>Partner home</p> },
    { path: "/practice/:practiceId/clients", element: <p>Clients dashboard</p> },
  ];

  async function signIn() {
    await userEvent.type(await screen.findByRole("textbox", { name: "Email address" }), "sam@x.test");
    await userEvent.type(screen.getByLabelText("Password"), "a long enough password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  }

  it("takes a counsellor to their clients", async () => {
    let signedIn = false;
    stubFetch({
      "GET /api/me": () =>
        signedIn ? { status: 200, body: { user } } : { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Please sign in." } } },
      "POST /api/auth/sign-in/email": () => {
        signedIn = true;
        return { status: 200, body: { user } };
      },
      "GET /api/practices": {
        status: 200,
        body: { twoFactorEnabled: true, practices: [{ id: "p1", name: "Harbour", role: "counsellor", joinedAt: "2026-01-01T00:00:00.000Z" }] },
      },
    });
    const { router } = renderRoutes(landingRoutes, "/sign-in");
    await signIn();
    expect(await screen.findByText("Clients dashboard")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/practice/p1/clients");
  });

  it("takes a partner to their journey on the home page", async () => {
    let signedIn = false;
    stubFetch({
      "GET /api/me": () =>
        signedIn ? { status: 200, body: { user } } : { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Please sign in." } } },
      "POST /api/auth/sign-in/email": () => {
        signedIn = true;
        return { status: 200, body: { user } };
      },
      "GET /api/practices": { status: 200, body: { twoFactorEnabled: false, practices: [] } },
    });
    const { router } = renderRoutes(landingRoutes, "/sign-in");
    await signIn();
    expect(await screen.findByText("Partner home")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
  });
});
