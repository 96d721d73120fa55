import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMailer } from "./mailer.js";

describe("[no database] mailer", () => {
  const received: Array<{ to: string[]; raw: string }> = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers through SMTP when SMTP_URL is set", async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "Mutual <no-reply@example.test>",
      dataDir: os.tmpdir(),
      logger: pino({ level: "silent" }),
    });
    await mailer.send({ to: "ana@example.test", subject: "Confirm your email address for Mutual", text: "Open https://mutual.example/verify?token=abc" });
    mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["ana@example.test"]);
    expect(received[0]?.raw).toContain("Subject: Confirm your email address for Mutual");
    expect(received[0]?.raw).toContain("token=abc");
  });

  it("marks the email's language and sends a Tamil subject as an encoded word, its text as UTF-8", async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "Mutual <no-reply@example.test>",
      dataDir: os.tmpdir(),
      logger: pino({ level: "silent" }),
    });
    const subject = "உங்கள் வாராந்திரத் தருணம் தயார்";
    await mailer.send({ to: "kavi@example.test", subject, text: "உங்கள் வாராந்திரத் தருணம் தயார்:\nhttps://mutual.example/check-in", language: "ta" });
    mailer.close();
    const raw = received.at(-1)?.raw ?? "";
    expect(raw).toMatch(/^Content-Language: ta\r$/m);
    const header = /^Subject: ((?:.*\r\n[ \t].*)*.*)\r$/m.exec(raw)?.[1] ?? "";
    // Only ASCII on the wire, as RFC 5322 asks; decoded, the words are the Tamil ones.
    expect(header).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(header)).toBe(true);
    const decoded = [...header.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((word) => Buffer.from(word[1] ?? "", "base64"));
    if (decoded.length > 0) expect(Buffer.concat(decoded).toString("utf8")).toBe(subject);
    expect(raw).toMatch(/charset=utf-8/i);
  });

  it("writes to the outbox and logs only the file name when no SMTP server is configured", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-outbox-"));
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const mailer = createMailer({ smtpUrl: undefined, from: "Mutual <no-reply@example.test>", dataDir, logger });
    await mailer.send({
      to: "ana@example.test",
      subject: "Confirm your email address for Mutual",
      text: "Open https://mutual.example/verify?token=secret-token-123",
    });
    const files = fs.readdirSync(path.join(dataDir, "outbox"));
    expect(files).toHaveLength(1);
    const message = fs.readFileSync(path.join(dataDir, "outbox", files[0] ?? ""), "utf8");
    expect(message).toContain("To: ana@example.test");
    expect(message).toContain("secret-token-123");
    expect(lines.join("")).toContain(files[0]);
    expect(lines.join("")).not.toContain("ana@example.test");
    expect(lines.join("")).not.toContain("secret-token-123");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
