import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { registerSecret } from "./support/secrets";
import { emailsTo } from "./support/sign-up";
import { signUpInBrowser } from "./support/profile-by-api";

// Emails in the reader's language (issue 18, decision 083): someone who signs up on a page in Malay
// gets the sign-up link in Malay, before they have chosen anything, since the page sends its
// language with the request. The e2e server writes each email to its outbox; that is read here.
// The weekly reminder is set for the next minute or two, and the server's outbox (every 5 s here)
// sends it in the language the person reads Mutual in; a counsellor's request in Malay, and the
// reminder's timing across zones and daylight saving, need a clock the test can move, so they are
// proved by the integration tests (reminders, push, client-requests) instead.

const password = "meadow copper lantern drift";

test.describe("a browser that prefers Malay", () => {
  test.use({ locale: "ms-SG" });

  test("signs up on the page in Malay and gets the link in Malay", async ({ page }) => {
    const email = `malay-${randomUUID()}@example.test`;
    registerSecret("an email address", email);
    registerSecret("a password", password);

    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "ms");
    await page.getByLabel("Apakah nama panggilan anda?").fill("Siti");
    await page.getByLabel("Alamat e-mel").fill(email);
    await page.getByLabel("Kata laluan", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Buat akaun" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Semak e-mel anda");

    await expect.poll(() => emailsTo(email).map((message) => message.subject)).toEqual(["Sila sahkan e-mel anda untuk Mutual"]);
    const [message] = emailsTo(email);
    expect(message?.text).toMatch(/^Content-Language: ms$/m);
    expect(message?.text).toContain("Buka pautan ini dan masukkan kata laluan yang anda pilih:");
  });
  test("gets the weekly reminder in Malay, in the language the page was read in", async ({ page }) => {
    test.setTimeout(240_000);
    const email = `malay-reminder-${randomUUID()}@example.test`;
    registerSecret("an email address", email);
    registerSecret("a password", password);
    await signUpInBrowser(page, "Aminah", email, password, "ms");
    // The person never chose a language: the one the page followed (the browser's) is stored for them.
    await expect.poll(async () => ((await (await page.request.get("/api/preferences")).json()) as { language: string | null }).language).toBe("ms");

    // A reminder for two minutes from now, Singapore time.
    const zone = "Asia/Singapore";
    const due = new Date(Date.now() + 2 * 60_000);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(due)
        .map((part) => [part.type, part.value]),
    );
    const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "") + 1;
    const settings = { enabled: true, weekday, time: `${parts.hour}:${parts.minute}`, timeZone: zone, channel: "email", quietHours: null };
    const saved = await page.request.put("/api/reminders", { headers: { origin: new URL(page.url()).origin }, data: settings });
    expect(saved.status()).toBe(200);

    const subject = "Saat mingguan anda sudah sedia";
    await expect.poll(() => emailsTo(email).map((message) => message.subject), { timeout: 200_000, intervals: [5_000] }).toContain(subject);
    const reminder = emailsTo(email).find((message) => message.subject === subject);
    expect(reminder?.text).toMatch(/^Content-Language: ms$/m);
    expect(reminder?.text).toContain("Untuk menukar atau menghentikan e-mel ini:");
    // Neutral on a lock screen or in a shared inbox, in Malay too: no word of a partner or a score.
    expect(reminder?.text).not.toMatch(/pasangan|skor|kaunselor/i);
  });
});
