import { expect, test } from "./support/fixtures";
import { signUpInBrowser } from "./support/profile-by-api";

const password = "meadow copper lantern drift";

test("a push shows only a neutral title and opens a page of ours; a request's notice and the weekly one stay side by side", async ({ page, context }) => {
  await signUpInBrowser(page, "Ravi", `e2e-push-${Date.now()}@example.test`, password);
  const origin = new URL(page.url()).origin;
  await context.grantPermissions(["notifications"], { origin });
  expect(await page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active !== null)")).toBe(true);

  // Chromium's DevTools protocol delivers a push to the worker as a push service would.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((registration) => registration.scopeURL.startsWith(origin) && !registration.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  const deliver = async (data: string) => cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId: await registrationId, data });
  const shown = async () =>
    (await page.evaluate(
      "navigator.serviceWorker.ready.then((registration) => registration.getNotifications()).then((notices) => notices.map((notice) => ({ title: notice.title, data: notice.data })))",
    )) as Array<{ title: string; data: unknown }>;
  const onScreen = async () => (await shown()).map((notice) => `${notice.title} → ${JSON.stringify(notice.data)}`).sort();
  await deliver(JSON.stringify({ title: "Your weekly moment is ready", url: "/check-in" }));
  await deliver(JSON.stringify({ title: "Something is waiting for you", url: "/" }));
  await expect.poll(onScreen).toEqual(['Something is waiting for you → {"path":"/"}', 'Your weekly moment is ready → {"path":"/check-in"}']);
  // A newer notice with the same link replaces the older one (the weekly one, the request's reminder).
  await deliver(JSON.stringify({ title: "Your weekly moment is ready", url: "/check-in" }));
  await deliver(JSON.stringify({ title: "A reminder: something is waiting for you", url: "/" }));
  await expect.poll(onScreen).toEqual(['A reminder: something is waiting for you → {"path":"/"}', 'Your weekly moment is ready → {"path":"/check-in"}']);
  // What is not ours says no more than the neutral title, and opens only a page of ours.
  await deliver("not json at all");
  await deliver(JSON.stringify({ title: "x".repeat(61), url: "https://elsewhere.example/" }));
  await expect.poll(onScreen).toEqual(['Your weekly moment is ready → {"path":"/"}', 'Your weekly moment is ready → {"path":"/check-in"}']);
});
