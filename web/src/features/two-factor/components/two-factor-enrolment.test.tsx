import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../../../testing/render";
import { TwoFactorEnrolment } from "./two-factor-enrolment";

const totpURI = "otpauth://totp/Mutual:ana%40example.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Mutual&digits=6&period=30";
const backupCodes = ["aaaaa-11111", "bbbbb-22222", "ccccc-33333"];

describe("TwoFactorEnrolment", () => {
  it("goes password → QR code with the key as text → a first code → backup codes shown once", async () => {
    const calls = stubFetch({
      "POST /api/auth/two-factor/enable": (body) =>
        (body as { password: string }).password === "right password here"
          ? { status: 200, body: { totpURI, backupCodes } }
          : { status: 400, body: { code: "INVALID_PASSWORD", message: "Invalid password" } },
      "POST /api/auth/two-factor/verify-totp": { status: 200, body: { token: "t" } },
    });
    const onDone = vi.fn();
    renderWithProviders(<TwoFactorEnrolment onDone={onDone} />);

    await userEvent.type(screen.getByLabelText("Current password"), "wrong password");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText("Current password"));
    await userEvent.type(screen.getByLabelText("Current password"), "right password here");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));

    expect(await screen.findByRole("heading", { name: "Add Mutual to the app that makes your codes" })).toBeInTheDocument();
    // The key for typing by hand, in groups of four.
    expect(screen.getByText("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP")).toBeInTheDocument();
    // On a phone, one tap hands the key to the code app.
    expect(screen.getByRole("link", { name: "On this phone? Open the key in your code app." })).toHaveAttribute("href", totpURI);
    // The QR code is drawn once the library has loaded.
    await vi.waitFor(() => expect(document.querySelector("svg.qr-code path")).not.toBeNull());

    const code = screen.getByLabelText("The six-digit code the app now shows");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await userEvent.type(code, "123456");
    await userEvent.click(screen.getByRole("button", { name: "Turn it on" }));

    expect(await screen.findByRole("heading", { name: "Your backup codes" })).toBeInTheDocument();
    for (const backup of backupCodes) expect(screen.getByText(backup)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy the codes" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Download as a text file" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "I have saved my backup codes" }));
    expect(onDone).toHaveBeenCalledOnce();
    expect(calls.map((call) => `${call.method} ${call.path}`).filter((call) => call.includes("two-factor"))).toEqual([
      "POST /api/auth/two-factor/enable",
      "POST /api/auth/two-factor/enable",
      "POST /api/auth/two-factor/verify-totp",
    ]);
  });

  it("copies the backup codes, or says to copy them by hand when the browser does not allow it", async () => {
    stubFetch({
      "POST /api/auth/two-factor/enable": { status: 200, body: { totpURI, backupCodes } },
      "POST /api/auth/two-factor/verify-totp": { status: 200, body: {} },
    });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderWithProviders(<TwoFactorEnrolment onDone={() => undefined} />);
    await userEvent.type(screen.getByLabelText("Current password"), "right password here");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    await userEvent.type(await screen.findByLabelText("The six-digit code the app now shows"), "123456");
    await userEvent.click(screen.getByRole("button", { name: "Turn it on" }));
    await userEvent.click(await screen.findByRole("button", { name: "Copy the codes" }));
    expect(writeText).toHaveBeenCalledWith(backupCodes.join("\n"));
    expect(await screen.findByText("Copied.")).toBeInTheDocument();
    Reflect.deleteProperty(navigator, "clipboard");
  });
});
