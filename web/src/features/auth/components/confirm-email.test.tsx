import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ConfirmEmail } from "./confirm-email";
import { aPerson } from "../../../testing/factories";

const user = aPerson();

/** Opens the page as the emailed link does: the token and next page in the fragment of the real address. */
function openLink(fragment: string) {
  window.history.replaceState(null, "", `/confirm-email${fragment}`);
  return renderRoutes(
    [
      { path: "/confirm-email", element: <ConfirmEmail /> },
      { path: "/", element: <p>Home page</p> },
      { path: "/counselling/join", element: <p>Join page</p> },
      { path: "/sign-in", element: <p>Sign-in page</p> },
      { path: "/sign-up", element: <p>Sign-up page</p> },
    ],
    "/confirm-email",
  );
}

const linkTo = (next: string, email?: string) => `#${new URLSearchParams({ token: "tok+en.1", next, ...(email ? { email } : {}) }).toString()}`;

/** The server as it is: the token with the right password confirms and signs in; anything else is one refusal. */
function stubServer(options: { signedInAs?: typeof user; twoFactor?: boolean } = {}) {
  let me: typeof user | null = options.signedInAs ?? null;
  const calls = stubFetch({
    "POST /api/auth/confirm-email": (body) => {
      if ((body as { password: string }).password !== "my own passphrase") {
        return { status: 401, body: { code: "CONFIRMATION_REFUSED", message: "The password does not match this link, or the link no longer works." } };
      }
      if (options.twoFactor) return { status: 200, body: { twoFactorRedirect: true } };
      me = user;
      return { status: 200, body: { token: "s", user } };
    },
    "GET /api/me": () => (me ? { status: 200, body: { user: me } } : { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Please sign in." } } }),
  });
  return calls;
}

describe("ConfirmEmail", () => {
  beforeEach(() => window.history.replaceState(null, "", "/"));

  it("takes the token out of the address bar, asks for the password chosen, sends both only when asked, and goes on to the page the person was headed to", async () => {
    const calls = stubServer();
    const { router } = openLink(linkTo("/counselling/join#CODE-1", "noor@x.test"));
    expect(window.location.hash).toBe("");
    expect(screen.getByText("Enter the password you chose to finish creating your account.")).toBeInTheDocument();
    expect(screen.getByText("Email address: noor@x.test")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Forgot your password?" })).toHaveAttribute("href", "/forgot-password");
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(0);

    // An empty password is not sent.
    await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Please fill this in.");
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(0);

    await userEvent.type(screen.getByLabelText("Password"), "my own passphrase");
    await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
    expect(await screen.findByText("Join page")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/counselling/join");
    expect(router.state.location.hash).toBe("#CODE-1");
    expect(calls.find((call) => call.method === "POST")).toEqual({
      method: "POST",
      path: "/api/auth/confirm-email",
      body: { token: "tok+en.1", password: "my own passphrase" },
    });
  });

  it("a password that does not match stays on the page, which says a new password makes the account theirs if someone else started it", async () => {
    stubServer();
    openLink(linkTo("/", "noor@x.test"));
    await userEvent.type(screen.getByLabelText("Password"), "the password I think I chose");
    await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("That password does not match this link");
    expect(alert).toHaveTextContent("Did someone else start an account with your address? Then choose a new password");
    expect(screen.queryByText("Home page")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Forgot your password?" })).toHaveAttribute("href", "/forgot-password");
    // The link may have expired instead: a new one can be asked for from here.
    await userEvent.click(screen.getByRole("button", { name: "Email me a new link instead" }));
    expect(screen.getByRole("button", { name: "Email me a new link" })).toBeInTheDocument();
  });

  it("asks someone with two-step sign-in for their code before going on", async () => {
    stubServer({ twoFactor: true });
    openLink(linkTo("/counselling/join#CODE-1", "noor@x.test"));
    await userEvent.type(screen.getByLabelText("Password"), "my own passphrase");
    await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
    expect(await screen.findByRole("textbox", { name: /code/i })).toBeInTheDocument();
    expect(screen.queryByText("Join page")).not.toBeInTheDocument();
  });

  it("does not carry on as someone already signed in on this browser: it asks for the password all the same", async () => {
    const calls = stubServer({ signedInAs: { ...user, id: "u9", name: "Someone else", email: "other@x.test" } });
    openLink(linkTo("/counselling/join#CODE-1", "noor@x.test"));
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
    expect(screen.queryByText("Join page")).not.toBeInTheDocument();
    // The page decided without asking who is signed in.
    expect(calls.filter((call) => call.path === "/api/me")).toHaveLength(0);
  });

  it("says a damaged link no longer works, and sends a new one to the address given", async () => {
    const calls = stubFetch({
      "POST /api/auth/confirm-email": { status: 400, body: { error: { code: "INVALID_CONFIRMATION", message: "Send the token" } } },
      "POST /api/auth/send-verification-email": { status: 200, body: { status: true } },
    });
    openLink(linkTo("/counselling/join#CODE-1"));
    await userEvent.type(screen.getByLabelText("Password"), "my own passphrase");
    await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This link no longer works");
    await userEvent.click(screen.getByRole("button", { name: "Email me a new link" }));
    expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription("Please fill this in.");
    await userEvent.type(screen.getByLabelText("Email address"), "noor@x.test");
    await userEvent.click(screen.getByRole("button", { name: "Email me a new link" }));
    expect(await screen.findByText("If this address is still waiting to be confirmed, a new link is on its way.")).toBeInTheDocument();
    expect(calls.at(-1)).toEqual({
      method: "POST",
      path: "/api/auth/send-verification-email",
      body: { email: "noor@x.test", callbackURL: "/counselling/join#CODE-1" },
    });
  });

  it("without a link, says what the page is for and offers a new link or a new start", async () => {
    stubFetch({});
    openLink("");
    expect(screen.getByRole("status")).toHaveTextContent("This page needs the link from the email");
    expect(screen.getByRole("button", { name: "Email me a new link" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create an account again" })).toHaveAttribute("href", "/sign-up");
  });

  it("never continues to another site, whatever the link says", async () => {
    for (const next of ["//evil.example/join", "/\\evil.example", "/\t/evil.example", "https://evil.example/"]) {
      window.history.replaceState(null, "", "/");
      stubServer();
      const { router, unmount } = openLink(linkTo(next, "noor@x.test"));
      await userEvent.type(screen.getByLabelText("Password"), "my own passphrase");
      await userEvent.click(screen.getByRole("button", { name: "Finish and continue" }));
      expect(await screen.findByText("Home page")).toBeInTheDocument();
      expect(router.state.location.pathname).toBe("/");
      unmount();
    }
  });
});
