import type { AddressInfo } from "node:net";
import { pino } from "pino";
import os from "node:os";
import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "../src/platform/mailer.js";
import { parseEmail } from "../../scripts/support/email-message.js";

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

/** What the server received, read back as text (scripts/support/email-message.ts: encoded words, base64 and quoted-printable undone). */
function parse(to: string[], raw: string): CapturedEmail {
  const message = parseEmail(raw);
  return { to, raw, subject: message.subject, text: message.body, header: message.header };
}
