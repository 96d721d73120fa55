import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../../../testing/render";
import { SignInForm } from "./sign-in-form";

async function enterPassword() {
  await userEvent.type(screen.getByLabelText("Email address"), "ana@example.test");
  await userEvent.type(screen.getByLabelText("Password"), "river lantern orbit maple");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInForm with two-step sign-in", () => {
  it("signs in at once when the account has no second step", async () => {
    stubFetch({ "POST /api/auth/sign-in/email": { status: 200, body: { token: "t", user: { id: "u1" } } } });
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await enterPassword();
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
  });

  it("asks for a six-digit code after the password, with the one-time-code hints, and signs in once it is accepted", async () => {
    const calls = stubFetch({
      "POST /api/auth/sign-in/email": { status: 200, body: { twoFactorRedirect: true, twoFactorMethods: ["totp"] } },
      "POST /api/auth/two-factor/verify-totp": (body) =>
        (body as { code: string }).code === "123456"
          ? { status: 200, body: { token: "t" } }
          : { status: 401, body: { code: "INVALID_CODE", message: "Invalid code" } },
    });
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await enterPassword();
    const code = await screen.findByLabelText("Six-digit code");
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    expect(code).toHaveAttribute("inputmode", "numeric");
    await waitFor(() => expect(code).toHaveFocus());

    await userEvent.type(code, "12345");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByText("Enter the six digits the app shows.")).toBeInTheDocument();
    expect(calls.filter((call) => call.path.includes("verify-totp"))).toHaveLength(0);

    await userEvent.clear(code);
    await userEvent.type(code, "654 321");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code did not work");
    expect(onSignedIn).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText("Six-digit code"));
    await userEvent.type(screen.getByLabelText("Six-digit code"), "123 456");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(calls.filter((call) => call.path.includes("verify-totp")).map((call) => call.body)).toEqual([
      { code: "654321", trustDevice: false },
      { code: "123456", trustDevice: false },
    ]);
  });

  it("takes a backup code instead when asked", async () => {
    const calls = stubFetch({
      "POST /api/auth/sign-in/email": { status: 200, body: { twoFactorRedirect: true, twoFactorMethods: ["totp"] } },
      "POST /api/auth/two-factor/verify-backup-code": { status: 200, body: { token: "t" } },
    });
    const onSignedIn = vi.fn();
    renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await enterPassword();
    await userEvent.click(await screen.findByRole("button", { name: "Use a backup code instead" }));
    await userEvent.type(screen.getByLabelText("Backup code"), "AbCdE-12345");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(calls.find((call) => call.path.includes("verify-backup-code"))?.body).toEqual({ code: "AbCdE-12345", trustDevice: false });
  });
});
