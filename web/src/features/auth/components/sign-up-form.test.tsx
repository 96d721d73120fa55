import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../../../testing/render";
import { SignUpForm } from "./sign-up-form";

describe("SignUpForm", () => {
  it("says the password needs at least 12 characters, tied to the field for screen readers", () => {
    renderWithProviders(<SignUpForm onSignedUp={() => undefined} />);
    const password = screen.getByLabelText("Password");
    const describedBy = password.getAttribute("aria-describedby") ?? "";
    const hint = document.getElementById(describedBy.split(" ")[0] ?? "");
    expect(hint?.textContent).toMatch(/at least 12 characters/i);
  });

  it("points at each missing field and sends nothing", async () => {
    const calls = stubFetch({});
    renderWithProviders(<SignUpForm onSignedUp={() => undefined} />);
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(screen.getAllByText("Please fill this in.")).toHaveLength(3);
    expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true");
    expect(calls).toHaveLength(0);
  });

  it("refuses an 11-character password before asking the server", async () => {
    const calls = stubFetch({});
    renderWithProviders(<SignUpForm onSignedUp={() => undefined} />);
    await userEvent.type(screen.getByLabelText("What should we call you?"), "Ana");
    await userEvent.type(screen.getByLabelText("Email address"), "ana@example.test");
    await userEvent.type(screen.getByLabelText("Password"), "elevenchars");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(screen.getByText("Use at least 12 characters.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it("shows the server's reason for refusing a common password and keeps what was typed", async () => {
    stubFetch({
      "POST /api/auth/sign-up/email": { status: 400, body: { code: "PASSWORD_TOO_COMMON", message: "This password is on a list of common passwords." } },
    });
    const onSignedUp = vi.fn();
    renderWithProviders(<SignUpForm onSignedUp={onSignedUp} />);
    await userEvent.type(screen.getByLabelText("What should we call you?"), "Ana");
    await userEvent.type(screen.getByLabelText("Email address"), "ana@example.test");
    await userEvent.type(screen.getByLabelText("Password"), "qwerty123456");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("common passwords");
    expect(screen.getByLabelText("Email address")).toHaveValue("ana@example.test");
    expect(onSignedUp).not.toHaveBeenCalled();
  });

  it("lets the password be shown and pasted", async () => {
    renderWithProviders(<SignUpForm onSignedUp={() => undefined} />);
    const password = screen.getByLabelText("Password");
    password.focus();
    await userEvent.paste("a pasted passphrase from a manager");
    expect(password).toHaveValue("a pasted passphrase from a manager");
    expect(password).toHaveAttribute("type", "password");
    await userEvent.click(screen.getByRole("button", { name: "Show password" }));
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "text");
  });

  it("signs up with the page to continue to, and hands over what it sent when the server agrees", async () => {
    const calls = stubFetch({ "POST /api/auth/sign-up/email": { status: 200, body: { status: true } }, "GET /api/me": { status: 401, body: {} } });
    const onSignedUp = vi.fn();
    renderWithProviders(<SignUpForm onSignedUp={onSignedUp} next="/counselling/join#CODE" />);
    await userEvent.type(screen.getByLabelText("What should we call you?"), " Ana ");
    await userEvent.type(screen.getByLabelText("Email address"), "ana@example.test");
    await userEvent.type(screen.getByLabelText("Password"), "orange kettle under stairs");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(onSignedUp).toHaveBeenCalledWith({ name: "Ana", email: "ana@example.test", password: "orange kettle under stairs" }));
    expect(calls[0]).toMatchObject({
      method: "POST",
      body: { name: "Ana", email: "ana@example.test", password: "orange kettle under stairs", callbackURL: "/counselling/join#CODE" },
    });
  });
});
