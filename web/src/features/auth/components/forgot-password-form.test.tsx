import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ForgotPasswordForm } from "./forgot-password-form";

const sent = "If an account uses this address, we have sent a link to it.";

function renderForm() {
  return renderRoutes(
    [
      { path: "/forgot-password", element: <ForgotPasswordForm /> },
      { path: "/sign-in", element: <p>Sign-in page</p> },
    ],
    "/forgot-password",
  );
}

async function ask(email: string) {
  await userEvent.type(screen.getByLabelText("Email address"), email);
  await userEvent.click(screen.getByRole("button", { name: "Email me a link" }));
}

describe("ForgotPasswordForm", () => {
  it("answers every address with the same confirmation, moves focus to it and offers the way back", async () => {
    const pages: string[] = [];
    for (const email of ["ana@example.test", "nobody-here@example.test"]) {
      const calls = stubFetch({
        "POST /api/auth/request-password-reset": {
          status: 200,
          body: { status: true, message: "If this email exists in our system, check your email for the reset link" },
        },
      });
      const { container, unmount } = renderForm();
      await ask(email);
      const message = await screen.findByRole("status");
      expect(message).toHaveTextContent(sent);
      expect(message).toHaveTextContent("works once, for an hour");
      expect(message.parentElement).toHaveFocus();
      expect(screen.queryByLabelText("Email address")).not.toBeInTheDocument();
      expect(calls).toEqual([{ method: "POST", path: "/api/auth/request-password-reset", body: { email } }]);
      pages.push(container.textContent);
      unmount();
    }
    expect(pages[0]).toBe(pages[1]);
    expect(pages[0]).not.toContain("@");

    renderForm();
    await userEvent.click(screen.getByRole("link", { name: "Back to sign in" }));
    expect(screen.getByText("Sign-in page")).toBeInTheDocument();
  });

  it("asks for an email address before sending, with the error tied to the field", async () => {
    const calls = stubFetch({});
    renderForm();
    await userEvent.click(screen.getByRole("button", { name: "Email me a link" }));
    const field = screen.getByLabelText("Email address");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("Please fill this in.");
    expect(field).toHaveFocus();

    await ask("ana.example.test");
    expect(field).toHaveAccessibleDescription("Enter an email address like name@example.com.");
    expect(calls).toHaveLength(0);
  });

  it("shows that it is working while the request is on its way", async () => {
    let answer: (response: Response) => void = () => undefined;
    globalThis.fetch = (() => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch;
    renderForm();
    await ask("ana@example.test");
    const button = await screen.findByRole("button", { name: "Please wait…" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-busy", "true");
    answer(new Response("{}", { status: 200, headers: { "content-type": "application/json" } }));
    expect(await screen.findByRole("status")).toHaveTextContent(sent);
  });

  it("says in words when too many links were asked for, and keeps the address", async () => {
    stubFetch({ "POST /api/auth/request-password-reset": { status: 429, body: { message: "Too many requests. Please try again later." } } });
    renderForm();
    await ask("ana@example.test");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("too many requests for now. Please wait a minute and try again.");
    expect(alert.parentElement).toHaveFocus();
    expect(screen.getByLabelText("Email address")).toHaveValue("ana@example.test");
    expect(screen.queryByText(sent)).not.toBeInTheDocument();
  });
});
