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
  // Plain text, 7bit, quoted-printable or base64, read as UTF-8 (what nodemailer writes for Chinese or Tamil).
  const encoding = headers.get("content-transfer-encoding") ?? "";
  const text = /quoted-printable/i.test(encoding)
    ? quotedPrintable(body.replace(/=\r\n/g, ""))
    : /base64/i.test(encoding)
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : body;
  return {
    to,
    raw,
    subject: decodeEncodedWords(headers.get("subject") ?? ""),
    text: text.replace(/\r\n/g, "\n"),
    header: (name) => headers.get(name.toLowerCase()),
  };
}

/** Quoted-printable's bytes: each =XX is one byte. */
function quotedPrintableBytes(encoded: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index += 1) {
    const hex = encoded[index] === "=" ? /^[0-9A-F]{2}$/i.exec(encoded.slice(index + 1, index + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      index += 2;
    } else bytes.push(encoded.charCodeAt(index));
  }
  return Buffer.from(bytes);
}

/** Quoted-printable to text, its bytes read as UTF-8. */
const quotedPrintable = (encoded: string) => quotedPrintableBytes(encoded).toString("utf8");

const encodedWord = /=\?[^?]+\?([BbQq])\?([^?]*)\?=/g;

/**
 * A header's RFC 2047 encoded words (=?UTF-8?B?…?= or =?UTF-8?Q?…?=) as text: the space between two
 * of them is not part of it, and a run of them is one run of bytes (a character may straddle two).
 */
function decodeEncodedWords(header: string): string {
  return header.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(encodedWord)].map(([, kind = "", data = ""]) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64") : quotedPrintableBytes(data.replace(/_/g, " ")),
    );
    const trailing = /\s*$/.exec(run)?.[0] ?? "";
    return Buffer.concat(bytes).toString("utf8") + trailing;
  });
}
