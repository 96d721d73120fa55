import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { SignUpRoute } from "../../../app/routes/sign-up";

async function signUp() {
  await userEvent.type(screen.getByLabelText("What should we call you?"), "Ana");
  await userEvent.type(screen.getByLabelText("Email address"), "ana@example.test");
  await userEvent.type(screen.getByLabelText("Password"), "orange kettle under stairs");
  await userEvent.click(screen.getByRole("button", { name: "Create account" }));
}

describe("After signing up", () => {
  it("asks the person to check their email, names the address, and can send the link again or go back to change it", async () => {
    const calls = stubFetch({
      "GET /api/me": { status: 401, body: {} },
      "POST /api/auth/sign-up/email": { status: 200, body: { status: true } },
      "POST /api/auth/send-verification-email": { status: 200, body: { status: true } },
    });
    renderRoutes([{ path: "/sign-up", element: <SignUpRoute /> }], "/sign-up?next=%2Fpartner%2Fjoin#CODE-9");
    await signUp();
    // A new page, as far as a screen reader is concerned: focus on its heading.
    expect(await screen.findByRole("heading", { name: "Check your email" })).toHaveFocus();
    expect(screen.getByText(/We have sent an email to ana@example.test/)).toBeInTheDocument();
    expect(screen.getByText(/If this address already has an account/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in?next=%2Fpartner%2Fjoin#CODE-9");

    await userEvent.click(screen.getByRole("button", { name: "Send the link again" }));
    expect(await screen.findByText("If this address is still waiting to be confirmed, a new link is on its way.")).toBeInTheDocument();
    expect(calls.at(-1)).toEqual({
      method: "POST",
      path: "/api/auth/send-verification-email",
      body: { email: "ana@example.test", callbackURL: "/partner/join#CODE-9" },
    });

    await userEvent.click(screen.getByRole("button", { name: "Use a different email address" }));
    expect(await screen.findByRole("heading", { name: "Create your account" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email address")).toHaveValue("ana@example.test");
    expect(screen.getByLabelText("What should we call you?")).toHaveValue("Ana");
  });
});
