import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { useLocation, useNavigate } from "react-router";
import { RequireSignIn } from "../../../app/require-sign-in";
import { renderRoutes, renderWithProviders, stubFetch } from "../../../testing/render";
import { DeleteAccountForm } from "./delete-account-form";

async function confirmWith(password: string) {
  await userEvent.type(screen.getByLabelText("Password"), password);
  await userEvent.click(screen.getByRole("checkbox"));
}

function AccountPage() {
  const navigate = useNavigate();
  return <DeleteAccountForm twoFactorEnabled={false} onDeleted={() => void navigate("/sign-in?deleted=1", { replace: true })} />;
}

function SignInPage() {
  const location = useLocation();
  return <p>{`at ${location.pathname}${location.search}`}</p>;
}

describe("DeleteAccountForm", () => {
  it("on a page for signed-in people, still ends on the sign-in page that says the account is gone", async () => {
    let deleted = false;
    stubFetch({
      "GET /api/me": () =>
        deleted
          ? { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "x" } } }
          : {
              status: 200,
              body: {
                user: { id: "u1", name: "Sam", email: "sam@example.test", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-24T00:00:00.000Z" },
              },
            },
      "POST /api/auth/delete-user": () => ((deleted = true), { status: 200, body: { success: true } }),
    });
    renderRoutes(
      [
        {
          path: "/account",
          element: (
            <RequireSignIn>
              <AccountPage />
            </RequireSignIn>
          ),
        },
        { path: "/sign-in", element: <SignInPage /> },
      ],
      "/account",
    );
    await screen.findByLabelText("Password");
    await confirmWith("river lantern orbit maple");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account" }));
    expect(await screen.findByText("at /sign-in?deleted=1")).toBeInTheDocument();
  });

  it("sends the password alone when two-step sign-in is off", async () => {
    const calls = stubFetch({ "POST /api/auth/delete-user": { status: 200, body: { success: true } } });
    const onDeleted = vi.fn();
    renderWithProviders(<DeleteAccountForm twoFactorEnabled={false} onDeleted={onDeleted} />);
    expect(screen.queryByLabelText(/Six-digit code/)).toBeNull();
    await confirmWith("river lantern orbit maple");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account" }));
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledOnce());
    expect(calls.filter((call) => call.path === "/api/auth/delete-user").map((call) => call.body)).toEqual([{ password: "river lantern orbit maple" }]);
  });

  it("with two-step sign-in on, asks for a current code too and sends it with the password", async () => {
    const calls = stubFetch({
      "POST /api/auth/delete-user": (body) =>
        (body as { code?: string }).code === "123456"
          ? { status: 200, body: { success: true } }
          : { status: 400, body: { code: "INVALID_TWO_FACTOR_CODE", message: "That code is not right." } },
    });
    const onDeleted = vi.fn();
    renderWithProviders(<DeleteAccountForm twoFactorEnabled onDeleted={onDeleted} />);
    const code = screen.getByLabelText(/Six-digit code/);
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await confirmWith("river lantern orbit maple");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account" }));
    expect(screen.getByText("Enter the six digits the app shows.")).toBeInTheDocument();
    expect(calls.filter((call) => call.path === "/api/auth/delete-user")).toHaveLength(0);

    await userEvent.type(code, "654 321");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code did not work");
    expect(onDeleted).not.toHaveBeenCalled();

    await userEvent.clear(code);
    await userEvent.type(code, "123 456");
    await userEvent.click(screen.getByRole("button", { name: "Delete my account" }));
    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledOnce());
    expect(calls.filter((call) => call.path === "/api/auth/delete-user").at(-1)?.body).toEqual({ password: "river lantern orbit maple", code: "123456" });
  });
});
