import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ResetPasswordForm } from "./reset-password-form";

const newPassword = "copper meadow lantern drift";

/** Opens the page as the emailed link does: the token in the fragment of the real address. */
function openLink(hash: string) {
  window.history.replaceState(null, "", `/reset-password${hash}`);
  return renderRoutes(
    [
      { path: "/reset-password", element: <ResetPasswordForm /> },
      { path: "/sign-in", element: <p>Sign-in page</p> },
      { path: "/forgot-password", element: <p>Forgot-password page</p> },
    ],
    "/reset-password",
  );
}

async function choose(password: string, again: string) {
  await userEvent.type(screen.getByLabelText("New password"), password);
  await userEvent.type(screen.getByLabelText("New password again"), again);
  await userEvent.click(screen.getByRole("button", { name: "Save the new password" }));
}

describe("ResetPasswordForm", () => {
  beforeEach(() => window.history.replaceState(null, "", "/"));

  it("reads the token from the fragment, clears it from the address bar, and sends it with the new password", async () => {
    const calls = stubFetch({ "POST /api/auth/reset-password": { status: 200, body: { status: true } } });
    openLink("#tok%2Ben-123");
    expect(window.location.hash).toBe("");
    expect(window.location.pathname).toBe("/reset-password");

    expect(screen.getByLabelText("New password")).toHaveAccessibleDescription(/At least 12 characters/);
    expect(screen.getByLabelText("New password")).toHaveAttribute("autocomplete", "new-password");
    await choose(newPassword, newPassword);
    const message = await screen.findByRole("status");
    expect(message).toHaveTextContent("Your password is changed; every session has been signed out.");
    expect(message.parentElement).toHaveFocus();
    // The reset, once; then the app asks who is signed in now (nobody: every session ended).
    expect(calls.filter((call) => call.method === "POST")).toEqual([
      { method: "POST", path: "/api/auth/reset-password", body: { token: "tok+en-123", newPassword } },
    ]);
    await userEvent.click(screen.getByRole("link", { name: "Sign in with your new password" }));
    expect(screen.getByText("Sign-in page")).toBeInTheDocument();
  });

  it("refuses two different passwords and a short one before sending, with each error tied to its field", async () => {
    const calls = stubFetch({});
    openLink("#token-abc");
    await choose(newPassword, "copper meadow lantern");
    const again = screen.getByLabelText("New password again");
    expect(again).toHaveAccessibleDescription("The two passwords are not the same. Please type the new password again.");
    expect(again).toHaveFocus();

    await userEvent.clear(screen.getByLabelText("New password"));
    await userEvent.clear(again);
    await choose("short pass", "short pass");
    expect(screen.getByLabelText("New password")).toHaveAccessibleDescription(/Use at least 12 characters\./);
    expect(screen.getByLabelText("New password")).toHaveFocus();
    expect(calls).toHaveLength(0);
  });

  it("shows the server's password rule and keeps the form", async () => {
    stubFetch({
      "POST /api/auth/reset-password": { status: 400, body: { code: "PASSWORD_TOO_COMMON", message: "This password is on a list of common passwords." } },
    });
    openLink("#token-abc");
    await choose("qwerty123456", "qwerty123456");
    expect(await screen.findByRole("alert")).toHaveTextContent("common passwords");
    expect(screen.getByLabelText("New password")).toBeInTheDocument();
  });

  it("says an expired or used link no longer works and offers to ask for a new one", async () => {
    stubFetch({ "POST /api/auth/reset-password": { status: 400, body: { code: "INVALID_TOKEN", message: "Invalid token" } } });
    openLink("#expired-token");
    await choose(newPassword, newPassword);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This link no longer works: it may have expired (links work for an hour) or have been used already.");
    expect(alert.parentElement).toHaveFocus();
    expect(screen.queryByLabelText("New password")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("link", { name: "Ask for a new link" }));
    expect(screen.getByText("Forgot-password page")).toBeInTheDocument();
  });

  it("starts over with a newer link opened in the same tab, where only the fragment changes", async () => {
    const calls = stubFetch({
      "POST /api/auth/reset-password": (body) =>
        (body as { token: string }).token === "second-token"
          ? { status: 200, body: { status: true } }
          : { status: 400, body: { code: "INVALID_TOKEN", message: "Invalid token" } },
    });
    openLink("#first-token");
    await choose(newPassword, newPassword);
    expect(await screen.findByRole("alert")).toHaveTextContent("This link no longer works");

    act(() => {
      window.history.pushState(null, "", "/reset-password#second-token");
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(window.location.hash).toBe("");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await choose(newPassword, newPassword);
    expect(await screen.findByRole("status")).toHaveTextContent("Your password is changed");
    const resets = calls.filter((call) => call.path === "/api/auth/reset-password");
    expect(resets.map((call) => (call.body as { token: string }).token)).toEqual(["first-token", "second-token"]);
  });

  it("without a token in the address, explains where the link comes from instead of showing a form", () => {
    const calls = stubFetch({});
    openLink("");
    expect(screen.getByRole("status")).toHaveTextContent("This page needs the link from your password reset email.");
    expect(screen.queryByLabelText("New password")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
    expect(calls).toHaveLength(0);
  });
});
