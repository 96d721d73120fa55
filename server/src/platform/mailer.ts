import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type nodemailerModule from "nodemailer";
import type { Transporter } from "nodemailer";
import type { FastifyBaseLogger } from "fastify";
import type { Language } from "@mutual/core";
import { ensurePrivateDirectory } from "./private-files.js";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058); never anything about the person. */
  headers?: Record<string, string>;
  /** The language the words are in: sent as Content-Language, so a mail reader can show and read it aloud rightly. */
  language?: Language;
};

/** What nodemailer sends for one email: the text and its headers, Content-Language among them when the language is known. */
function messageOf(from: string, email: OutgoingEmail) {
  const headers = { ...email.headers, ...(email.language ? { "Content-Language": email.language } : {}) };
  return { from, to: email.to, subject: email.subject, text: email.text, ...(Object.keys(headers).length > 0 ? { headers } : {}) };
}

/** Sends email. No email ever carries a person's answers, notes or scores. */
export type Mailer = {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
};

export type MailerOptions = {
  smtpUrl: string | undefined;
  from: string;
  /** Where the default transport writes messages: <dataDir>/outbox. */
  dataDir: string;
  logger: FastifyBaseLogger;
};

/**
 * SMTP when SMTP_URL is set. Otherwise the console transport: the message is written to
 * data/outbox/*.eml and the log says where, so a self-hoster can open the link while
 * the log itself never holds an address or a token.
 */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? createSmtpMailer(options.smtpUrl, options.from) : createConsoleMailer(options);
}

/**
 * nodemailer is loaded on the first email, not at start-up: an idle server sends none,
 * and the library is a sizeable share of an idle process's memory.
 */
function lazyTransport<T extends Transporter>(create: (nodemailer: typeof nodemailerModule) => T) {
  let transport: Promise<T> | undefined;
  return {
    get: () => (transport ??= import("nodemailer").then((module) => create(module.default))),
    close: () => void transport?.then((opened) => opened.close()),
  };
}

function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport(smtpUrl));
  return {
    async send(email) {
      await (await transport.get()).sendMail(messageOf(from, email));
    },
    close: transport.close,
  };
}

function createConsoleMailer({ from, dataDir, logger }: MailerOptions): Mailer {
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }));
  const outbox = path.join(dataDir, "outbox");
  return {
    async send(email) {
      const info = await (await transport.get()).sendMail(messageOf(from, email));
      ensurePrivateDirectory(outbox);
      const file = path.join(outbox, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`);
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
      logger.info({ subject: email.subject, file }, "Email written to the outbox (no SMTP_URL configured)");
    },
    close: transport.close,
  };
}
