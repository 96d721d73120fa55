import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "../lib/api-client";
import { renderWithProviders } from "../testing/render";
import { LoadError } from "./load-error";
import { PasswordStepForm } from "./password-step-form";

describe("LoadError", () => {
  it("says what failed and tries again when asked, showing that it is working", async () => {
    const refetch = vi.fn();
    const { rerender } = renderWithProviders(
      <LoadError message="Your check-ins did not load." retryLabel="Try again" query={{ refetch, isFetching: false }} />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Your check-ins did not load.");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(refetch).toHaveBeenCalledTimes(1);
    rerender(<LoadError message="Your check-ins did not load." retryLabel="Try again" query={{ refetch, isFetching: true }} />);
    expect(screen.getByRole("button", { name: /Try again/ })).toHaveAttribute("aria-busy", "true");
  });
});

describe("PasswordStepForm", () => {
  it("asks for the password before sending anything, then sends it and clears the field when told", async () => {
    const send = vi.fn((_password: string, clear: () => void) => clear());
    renderWithProviders(<PasswordStepForm intro="Type your password to go on." submitLabel="Continue" send={send} pending={false} error={null} />);
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(send).not.toHaveBeenCalled();
    const field = screen.getByLabelText(/current password/i);
    expect(field).toHaveAccessibleDescription(/./);
    await userEvent.type(field, "correct horse");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(send).toHaveBeenCalledWith("correct horse", expect.any(Function));
    expect(field).toHaveValue("");
  });

  it("shows the server's refusal in the account's words", () => {
    renderWithProviders(
      <PasswordStepForm
        intro="Type your password to go on."
        submitLabel="Continue"
        send={vi.fn()}
        pending={false}
        error={new ApiRequestError(400, "INVALID_PASSWORD", "Invalid password")}
      />,
    );
    expect(screen.getByRole("alert")).not.toHaveTextContent("INVALID_PASSWORD");
    expect(screen.getByRole("alert").textContent).not.toBe("");
  });
});
