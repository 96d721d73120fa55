import { expect, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { signUpInBrowser } from "./support/profile-by-api";

const password = "harbour lantern willow stone";

test("the app can be installed, and a check-in made with no connection is sent once it is back, exactly once", async ({ page, context }) => {
  const email = `e2e-offline-${Date.now()}@example.test`;
  await signUpInBrowser(page, "Noor", email, password);
  const origin = new URL(page.url()).origin;

  // Installability: a manifest with a name, standalone display, a start URL and 192/512 icons, and a worker in control.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await page.request.get(manifestHref ?? "")).json()) as {
    name: string;
    display: string;
    start_url: string;
    icons: Array<{ sizes: string; purpose: string }>;
  };
  expect(manifest).toMatchObject({ name: "Mutual", display: "standalone", start_url: "/" });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  expect(await page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active !== null)")).toBe(true);
  // The worker never answers for the API: its answers stay private and unkept.
  expect((await page.request.get("/api/me")).headers()["cache-control"]).toContain("no-store");

  const { noticeVersion } = (await (await page.request.get("/api/consent")).json()) as { noticeVersion: string };
  expect((await page.request.post("/api/consent", { headers: { origin }, data: { noticeVersion, agree: true } })).status()).toBe(200);
  await page.goto("/check-in");
  await expect(page.getByRole("button", { name: "Save check-in" })).toBeVisible();

  await context.setOffline(true);
  await page.getByRole("group", { name: "How close and connected do the two of you feel right now?" }).getByLabel("Strong", { exact: true }).check();
  await page.getByLabel("A note (optional)").fill("Not kept while offline.");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText(/^You are offline\. Your answers are kept on this device/)).toBeVisible();
  await expect(page.getByText(/Your note is not kept on the device/)).toBeVisible();
  await expectNoAxeViolations(page, "check-in kept offline");

  await context.setOffline(false);
  await expect(page.getByText("You are back online. Your answers have been sent and saved.")).toBeVisible();
  const list = (await (await page.request.get("/api/check-ins")).json()) as { weeks: Array<{ answers: { wePulse: number | null } }> };
  expect(list.weeks).toHaveLength(1);
  expect(list.weeks[0]?.answers.wePulse).not.toBeNull();

  // Opened again with no connection, the app still starts from what the worker kept.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("#root")).not.toBeEmpty();
  await context.setOffline(false);
});

test("an installed app opened with no connection, before any page of this visit, shows its shell and says it is offline", async ({ page, context }) => {
  const email = `e2e-cold-${Date.now()}@example.test`;
  await signUpInBrowser(page, "Wren", email, password);
  const origin = new URL(page.url()).origin;
  const { noticeVersion } = (await (await page.request.get("/api/consent")).json()) as { noticeVersion: string };
  expect((await page.request.post("/api/consent", { headers: { origin }, data: { noticeVersion, agree: true } })).status()).toBe(200);
  // The first visit installs the worker, which keeps the app's files.
  expect(await page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active !== null)")).toBe(true);
  await page.close();

  // A cold start: no page of the app open, and no connection.
  await context.setOffline(true);
  for (const path of ["/", "/check-in"]) {
    const opened = await context.newPage();
    await opened.goto(path);
    // The app's own frame, from the kept shell, not the browser's error page.
    await expect(opened.getByRole("link", { name: "Get help now" }).first()).toBeVisible();
    await expect(opened.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(opened.getByText(/Nothing you saved is lost/)).toBeVisible();
    await expectNoAxeViolations(opened, `offline cold start at ${path}`);
    await opened.close();
  }

  // Once the connection is back, the same page carries on by itself.
  const again = await context.newPage();
  await again.goto("/check-in");
  await expect(again.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await context.setOffline(false);
  await expect(again.getByRole("button", { name: "Save check-in" })).toBeVisible();
  await expect(again.getByRole("heading", { level: 1, name: "You are offline" })).toBeHidden();
});
