import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { registerSecret } from "./support/secrets";
import { emailsTo } from "./support/sign-up";

// Emails in the reader's language (issue 18, decision 083): someone who signs up on a page in Malay
// gets the sign-up link in Malay, before they have chosen anything, since the page sends its
// language with the request. The e2e server writes each email to its outbox; that is read here.
// The weekly reminder and a counsellor's request in Malay need a clock the test can move, so they
// are proved by the integration tests (reminders, push, client-requests) through a real SMTP
// conversation and a local push service instead.

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
});
