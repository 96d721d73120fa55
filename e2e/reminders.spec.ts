import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { signUpInBrowser } from "./support/profile-by-api";

const password = "copper meadow lantern tide";

test("after a first check-in, a person is asked once about a reminder, turns one on, skips a week and turns it off", async ({ page }) => {
  const email = `e2e-reminder-${Date.now()}@example.test`;
  await signUpInBrowser(page, "Rin", email, password);
  const origin = new URL(page.url()).origin;
  const { noticeVersion } = (await (await page.request.get("/api/consent")).json()) as { noticeVersion: string };
  expect((await page.request.post("/api/consent", { headers: { origin }, data: { noticeVersion, agree: true } })).status()).toBe(200);

  await page.goto("/check-in");
  await page.getByRole("group", { name: "How close and connected do the two of you feel right now?" }).getByLabel("Strong", { exact: true }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  const prompt = page.getByRole("region", { name: "Would a weekly nudge help?" });
  await expect(prompt).toBeVisible();
  await expectNoAxeViolations(page, "check-in saved, reminder question");
  await prompt.getByRole("link", { name: "Set a reminder" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly reminder");
  await expect(page.getByText("Reminders are off.")).toBeVisible();
  await expectNoAxeViolations(page, "reminders, off");
  await page.getByLabel("Send me a weekly reminder").check();
  await page.getByLabel("Day").selectOption({ label: "Wednesday" });
  await page.getByLabel("Time", { exact: true }).fill("19:30");
  await page.getByLabel("Quiet hours: never send between these times").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText(/^Next reminder: Wednesday/)).toBeVisible();
  await expectNoAxeViolations(page, "reminders, on");
  await saveScreenshot(page, "reminders-phone");
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeViolations(page, "reminders, on, desk width");
  await saveScreenshot(page, "reminders-desk");

  await page.getByRole("button", { name: "Skip next week" }).click();
  await expect(page.getByText(/^You skipped a week\. Next reminder: Wednesday/)).toBeVisible();

  await page.getByLabel("Send me a weekly reminder").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Reminders are off.")).toBeVisible();

  // The account page says so, and the question after a check-in is not asked again.
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Weekly reminder" })).toContainText("Off.");
  await page.goto("/check-in");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText(/^Saved\./).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Would a weekly nudge help?" })).toHaveCount(0);
});
