import { randomUUID } from "node:crypto";
import { expect, newPersonContext, test } from "./support/fixtures";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { registerSecret } from "./support/secrets";
import { confirmWithPassword, emailsTo, signUpLinkFor } from "./support/sign-up";
import { submitSignIn } from "./support/sign-in";
import { signOutFromMenu } from "./support/navigation";

const password = "meadow copper lantern drift";

// Sign-up answers alike whether or not the address has an account, and finishes by the emailed
// link (decision 020).

test("a new person creates an account through the emailed link, which works once", async ({ page }) => {
  const email = `signup-${randomUUID()}@example.test`;
  registerSecret("an email address", email);
  registerSecret("a password", password);

  await page.goto("/sign-up");
  await page.getByLabel("What should we call you?").fill("Ines");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByText(`We have sent an email to ${email}. Open the link in it to finish creating your account.`)).toBeVisible();
  await expectNoAxeViolations(page, "sign-up, check your email");
  await saveScreenshot(page, "sign-up-check-email");
  // Nobody is signed in yet.
  expect((await page.request.get("/api/me")).status()).toBe(401);

  // Asking again sends a second link; the newest is the one to use.
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByText("If this address is still waiting to be confirmed, a new link is on its way.")).toBeVisible();
  await expect.poll(() => emailsTo(email).length).toBe(2);

  const link = await signUpLinkFor(email);
  expect(new URL(link).pathname).toBe("/confirm-email");
  expect(new URL(link).search).toBe("");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish creating your account");
  // The token has left the address bar.
  expect(new URL(page.url()).hash).toBe("");
  await expectNoAxeViolations(page, "sign-up link page");
  await saveScreenshot(page, "sign-up-confirm");
  // The page asks for the password chosen, the address shown from the link; a wrong one confirms nothing.
  await expect(page.getByText(`Email address: ${email}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("not the password I chose");
  await page.getByRole("button", { name: "Finish and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("That password does not match this link");
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await expectNoAxeViolations(page, "sign-up link, password refused");
  await saveScreenshot(page, "sign-up-password-refused");
  await confirmWithPassword(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Ines");

  // Opened again after signing out, the link with the password is just a sign-in.
  await signOutFromMenu(page);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto(link);
  await confirmWithPassword(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Ines");
});

test("a damaged link says it no longer works and offers a new one", async ({ page }) => {
  const email = `damaged-${randomUUID()}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("What should we call you?").fill("Oli");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const link = await signUpLinkFor(email);

  // A damaged token is answered as a wrong password is; the page offers a new link from there.
  await page.goto(link.replace(/token=([^&]+)/, (_whole, token: string) => `token=${token.slice(0, -6)}AAAAAA`));
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Finish and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("or the link no longer works");
  await page.getByRole("button", { name: "Email me a new link instead" }).click();
  await expectNoAxeViolations(page, "sign-up link, ask for a new one");
  await saveScreenshot(page, "sign-up-link-dead");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByText("If this address is still waiting to be confirmed, a new link is on its way.")).toBeVisible();
  await expect.poll(() => emailsTo(email).length).toBe(2);
  await page.goto(await signUpLinkFor(email));
  await confirmWithPassword(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Oli");
});

test("signing up with an address that has an account looks the same, signs nobody in, and tells the owner", async ({ page }) => {
  const email = `taken-${randomUUID()}@example.test`;
  registerSecret("an email address", email);
  const signUpAs = async (name: string, address: string) => {
    await page.goto("/sign-up");
    await page.getByLabel("What should we call you?").fill(name);
    await page.getByLabel("Email address").fill(address);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    return page.locator("main").innerText();
  };
  await signUpAs("Owner", email);
  await page.goto(await signUpLinkFor(email));
  await confirmWithPassword(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Owner");
  await signOutFromMenu(page);
  await expect(page.getByText("You have signed out.")).toBeVisible();

  const stranger = `fresh-${randomUUID()}@example.test`;
  const forNew = await signUpAs("Someone", stranger);
  const forTaken = await signUpAs("Someone", email);
  expect(forTaken).toBe(forNew.replace(stranger, email));
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await expect.poll(() => emailsTo(email).at(-1)?.subject).toBe("Someone tried to sign up to Mutual with your email");
  expect(emailsTo(email).at(-1)?.text).not.toContain("/confirm-email");
});

test("an address someone else started a sign-up with: the owner's password on the link confirms nothing, and a new password makes the account the owner's", async ({
  page,
  browser,
}) => {
  const email = `squatted-${randomUUID()}@example.test`;
  const squatterPassword = "someone else's chosen passphrase";
  const newPassword = "harbour pebble quiet violet";
  registerSecret("an email address", email);
  registerSecret("a password", squatterPassword);
  registerSecret("a password", newPassword);

  // Someone else starts a sign-up with the address, in another browser.
  const squatter = await newPersonContext(browser);
  const squatterPage = await squatter.newPage();
  await squatterPage.goto("/sign-up");
  await squatterPage.getByLabel("What should we call you?").fill("Squatter");
  await squatterPage.getByLabel("Email address").fill(email);
  await squatterPage.getByLabel("Password", { exact: true }).fill(squatterPassword);
  await squatterPage.getByRole("button", { name: "Create account" }).click();
  await expect(squatterPage.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  // The owner signs up later, is answered as anyone is, asks for the link again and opens it with their own password.
  await page.goto("/sign-up");
  await page.getByLabel("What should we call you?").fill("Rin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const sentBefore = emailsTo(email).length;
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect.poll(() => emailsTo(email).length).toBeGreaterThan(sentBefore);
  await page.goto(await signUpLinkFor(email));
  await confirmWithPassword(page, email, password);
  // The password is the squatter's: nothing is confirmed, nobody is signed in, and the page leads to a reset.
  await expect(page.getByRole("alert")).toContainText("Did someone else start an account with your address? Then choose a new password");
  expect((await page.request.get("/api/me")).status()).toBe(401);

  // The address is still unconfirmed, so the squatter's password opens nothing either.
  await squatterPage.goto("/sign-in");
  await submitSignIn(squatterPage, email, squatterPassword);
  await expect(squatterPage.getByRole("alert")).toHaveText(/^That email and password do not match an account\./);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  const resetLink = async () => {
    const message = emailsTo(email).find((sent) => sent.subject === "Set a new password for Mutual");
    return message ? /^(http\S+\/reset-password#\S+)$/m.exec(message.text)?.[1] : undefined;
  };
  await expect.poll(resetLink).toBeTruthy();
  const link = (await resetLink()) ?? "";
  registerSecret("a password reset token", decodeURIComponent(link.split("#")[1] ?? ""));
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password is changed; every session has been signed out.");

  // The squatter's password no longer works; the owner's new one does.
  expect((await squatterPage.request.get("/api/me")).status()).toBe(401);
  await squatterPage.goto("/sign-in");
  await submitSignIn(squatterPage, email, squatterPassword);
  await expect(squatterPage.getByRole("alert")).toHaveText(/^That email and password do not match an account\./);
  await squatter.close();

  await page.goto("/sign-in");
  await submitSignIn(page, email, newPassword);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Squatter");
});
