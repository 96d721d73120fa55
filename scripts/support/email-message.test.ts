import { createTransport } from "nodemailer";
import { describe, expect, it } from "vitest";
import { parseEmail } from "./email-message.js";

/** The message exactly as nodemailer writes it to the outbox folder or the wire. */
async function written(subject: string, text: string): Promise<string> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({
    from: "Mutual <no-reply@example.test>",
    to: "kavi@example.test",
    subject,
    text,
    headers: { "Content-Language": "ta" },
  });
  return (info.message as Buffer).toString("utf8");
}

describe("an email read back from the wire", () => {
  it("gives a Tamil subject and body as written, though nodemailer encoded both, so the link in it is found", async () => {
    const subject = "Mutual-க்கு உங்கள் மின்னஞ்சலை உறுதிப்படுத்துங்கள்";
    const body = "இந்த இணைப்பைத் திறந்து, நீங்கள் தேர்ந்தெடுத்த கடவுச்சொல்லை உள்ளிடுங்கள்:\nhttp://localhost:3210/sign-up/confirm?token=abc=def#next\n";
    const raw = await written(subject, body);
    expect(raw).not.toContain("இணைப்பை");
    const message = parseEmail(raw);
    expect(message.subject).toBe(subject);
    expect(message.body).toBe(body);
    expect(message.header("subject")).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(message.head).toContain(`Subject: ${subject}`);
    expect(message.header("content-language")).toBe("ta");
    expect(message.head).toMatch(/^To: kavi@example\.test$/m);
  });

  it("gives an English message, quoted-printable or not, as written", async () => {
    const body = `Open this link and enter the password you chose:\nhttp://localhost:3210/sign-up/confirm?token=${"x".repeat(90)}=y\n`;
    const message = parseEmail(await written("Please confirm your email for Mutual", body));
    expect(message.subject).toBe("Please confirm your email for Mutual");
    expect(message.body).toBe(body);
  });
});
