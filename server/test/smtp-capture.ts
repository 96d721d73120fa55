import type { AddressInfo } from "node:net";
import { pino } from "pino";
import os from "node:os";
import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "../src/platform/mailer.js";

export type CapturedEmail = { to: string[]; raw: string; subject: string; text: string; header(name: string): string | undefined };

export type SmtpCapture = {
  received: CapturedEmail[];
  /** A real SMTP mailer (nodemailer) pointed at this server. */
  mailer: Mailer;
  close(): Promise<void>;
};

/** An in-process SMTP server that keeps every message, and a mailer that sends to it over SMTP. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: CapturedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push(
          parse(
            session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: "Mutual <no-reply@example.test>",
    dataDir: os.tmpdir(),
    logger: pino({ level: "silent" }),
  });
  return {
    received,
    mailer,
    async close() {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parse(to: string[], raw: string): CapturedEmail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  // Plain text, 7bit or quoted-printable: undo soft line breaks and =XX escapes.
  const text = /quoted-printable/i.test(headers.get("content-transfer-encoding") ?? "")
    ? body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : body;
  return { to, raw, subject: headers.get("subject") ?? "", text: text.replace(/\r\n/g, "\n"), header: (name) => headers.get(name.toLowerCase()) };
}
