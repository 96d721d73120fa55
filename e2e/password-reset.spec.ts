import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { registerSecret } from "./support/secrets";
import { emailsTo, finishSignUpFromEmail } from "./support/sign-up";
import { submitSignIn } from "./support/sign-in";
import { signOutFromMenu } from "./support/navigation";

const oldPassword = "saffron kettle wander north";
const newPassword = "glacier tulip ember compass";

/** The reset link emailed to an address, once the server has written it (it does not wait for the mailer). */
function resetLinkFor(email: string): string | undefined {
  // The same address also got the sign-up link: only the reset message counts.
  const message = emailsTo(email).find((sent) => sent.subject === "Set a new password for Mutual");
  return message ? /^(http\S+\/reset-password#\S+)$/m.exec(message.text)?.[1] : undefined;
}

test("a person who forgot the password asks for a link, sets a new password with it, and only the new one signs in", async ({ page, baseURL }) => {
  const email = `reset-${randomUUID()}@example.test`;
  const stranger = `nobody-${randomUUID()}@example.test`;
  registerSecret("an email address", email);
  registerSecret("an email address", stranger);
  registerSecret("a password", oldPassword);
  registerSecret("a password", newPassword);

  await page.goto("/sign-up");
  await page.getByLabel("What should we call you?").fill("Noor");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(oldPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUpFromEmail(page, email, oldPassword);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Noor");
  await signOutFromMenu(page);
  await expect(page.getByText("You have signed out.")).toBeVisible();

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription("Please fill this in.");
  await expectNoAxeViolations(page, "forgot password with an error");

  // An address with no account gets exactly the answer an account holder gets.
  await page.getByLabel("Email address").fill(stranger);
  await page.getByRole("button", { name: "Email me a link" }).click();
  const strangerAnswer = await page.getByRole("status").textContent();
  expect(strangerAnswer).toContain("If an account uses this address, we have sent a link to it.");
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toHaveText(strangerAnswer ?? "");
  await expect(page.getByRole("status").locator("..")).toBeFocused();
  await expectNoAxeViolations(page, "forgot password, link sent");
  await saveScreenshot(page, "forgot-password-sent");

  await expect.poll(() => resetLinkFor(email), { message: "the reset email in the outbox" }).toBeTruthy();
  const link = resetLinkFor(email) ?? "";
  expect(link.startsWith(`${baseURL}/reset-password#`)).toBe(true);
  registerSecret("a password reset token", decodeURIComponent(link.split("#")[1] ?? ""));
  expect(resetLinkFor(stranger)).toBeUndefined();

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  // The token leaves the address bar as soon as the page has read it.
  await expect(page).toHaveURL(`${baseURL}/reset-password`);
  await expectNoAxeViolations(page, "reset password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(`${newPassword} x`);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByLabel("New password again")).toHaveAccessibleDescription("The two passwords are not the same. Please type the new password again.");
  await expectNoAxeViolations(page, "reset password with an error");
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password is changed; every session has been signed out.");
  await expectNoAxeViolations(page, "reset password done");
  await saveScreenshot(page, "reset-password-done");

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(oldPassword);
  await page.getByLabel("New password again").fill(oldPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("alert")).toContainText("This link no longer works");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");

  await page.goto("/sign-in");
  await submitSignIn(page, email, oldPassword);
  await expect(page.getByRole("alert")).toHaveText(/^That email and password do not match an account\./);
  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Noor");
});
