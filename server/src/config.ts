import { z } from "zod";
import path from "node:path";

/**
 * The only reader of process.env. Every variable is validated here, with defaults
 * that let `npm start` run with no configuration at all (SQLite under ./data).
 */

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** Password hashes run at once unless the operator says otherwise (decision 041: the memory of a burst of sign-ins). */
const PASSWORD_HASHES_AT_ONCE_DEFAULT = 1;

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;
const isBase64Key = (value: string) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32;
/** An optional whole number of seconds, minutes or hours within bounds, with a message that says which. */
function wholeNumberOf(unit: "second" | "minute" | "hour", min: number, max: number, example: number, maxInWords: string) {
  const units = (count: number) => `${count} ${unit}${count === 1 ? "" : "s"}`;
  return optionalText.pipe(
    z
      .string()
      .regex(new RegExp(`^\\d{1,${String(max).length}}$`), {
        error: `must be a whole number of ${unit}s from ${min} to ${max} (${maxInWords}), such as ${example}`,
      })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: `must be at least ${units(min)}` })
          .max(max, { error: `must be at most ${units(max)} (${maxInWords})` }),
      )
      .optional(),
  );
}

/** base64url of exactly `bytes` bytes (a VAPID key). */
const isBase64UrlOf = (bytes: number) => (value: string) => /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, "base64url").length === bytes;

const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().trim().min(1).default("localhost"),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://mutual.example.org" }).optional()),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  // libpq's own variable: the database user when DATABASE_URL names none.
  PGUSER: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|file:|sqlite:)/, {
        error: "must start with postgres://, postgresql://, file: or sqlite:",
      })
      .optional(),
  ),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(", ")}` }).default("info"),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, { error: "must be at least 32 characters (try: openssl rand -base64 48)" }).optional()),
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
  MAIL_FROM: z.string().trim().min(3).default("Mutual <no-reply@localhost>"),
  CLIENT_IP_HEADER: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+$/i, { error: "must be a header name such as x-forwarded-for" })
      .transform((name) => name.toLowerCase())
      .optional(),
  ),
  QUICK_EXIT_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://www.google.com/"),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  RETENTION_SWEEP_SECONDS: wholeNumberOf("second", 1, 86_400, 600, "a day"),
  DEPLOYMENT_NORMS_SECONDS: wholeNumberOf("second", 60, 86_400, 3600, "a day"),
  OUTBOX_SECONDS: wholeNumberOf("second", 5, 3_600, 60, "an hour"),
  // Session limits (decision 032).
  SESSION_IDLE_MINUTES: wholeNumberOf("minute", 5, 43_200, 10_080, "30 days"),
  PRACTICE_SESSION_IDLE_MINUTES: wholeNumberOf("minute", 5, 1_440, 30, "a day"),
  SESSION_LIFETIME_HOURS: wholeNumberOf("hour", 1, 2_160, 720, "90 days"),
  ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine(isBase64Key, {
        error: "must be 32 random bytes in base64 (try: openssl rand -base64 32)",
      })
      .optional(),
  ),
  ENCRYPTION_KEY_ID: z.string().trim().regex(keyIdPattern, { error: "must be 1–32 letters, digits, - or _" }).default("k1"),
  ENCRYPTION_PREVIOUS_KEYS: optionalText.pipe(
    z
      .string()
      .transform((value, context) => {
        const keys: Array<{ id: string; key: Buffer }> = [];
        for (const entry of value
          .split(",")
          .map((part) => part.trim())
          .filter((part) => part !== "")) {
          const separator = entry.indexOf(":");
          const id = entry.slice(0, separator);
          const key = entry.slice(separator + 1);
          if (separator < 1 || !keyIdPattern.test(id) || !isBase64Key(key)) {
            context.addIssue({
              code: "custom",
              message: "must be id:key pairs separated by commas, each key 32 bytes in base64 (the keys being rotated out, decision 028)",
            });
            return z.NEVER;
          }
          keys.push({ id, key: Buffer.from(key, "base64") });
        }
        return keys;
      })
      .optional(),
  ),
  DATABASE_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds from 500 to 120000" })
    .int()
    .min(500, { error: "must be at least 500 ms" })
    .max(120_000, { error: "must be at most 120000 ms" })
    .default(2500),
  MAX_CONNECTIONS: z.coerce.number().int().min(16, { error: "must be at least 16" }).max(100_000).default(512),
  PASSWORD_HASHES_AT_ONCE: z.coerce
    .number({ error: "must be a whole number from 1 to 4" })
    .int({ error: "must be a whole number from 1 to 4" })
    .min(1, { error: "must be at least 1" })
    .max(4, { error: "must be at most 4 (Node's thread pool runs no more)" })
    .default(PASSWORD_HASHES_AT_ONCE_DEFAULT),
  MAX_CONNECTIONS_PER_ADDRESS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, { error: "must be a whole number (0 turns the limit off)" })
      .transform(Number)
      .optional(),
  ),
  HELP_RESOURCES_PATH: optionalText,
  // Web Push's VAPID key pair (decision 060): both or neither; neither means generated into DATA_DIR.
  VAPID_PUBLIC_KEY: optionalText.pipe(
    z.string().refine(isBase64UrlOf(65), { error: "must be a P-256 public key, 65 bytes in base64url (try: npx web-push generate-vapid-keys)" }).optional(),
  ),
  VAPID_PRIVATE_KEY: optionalText.pipe(
    z.string().refine(isBase64UrlOf(32), { error: "must be a P-256 private key, 32 bytes in base64url (try: npx web-push generate-vapid-keys)" }).optional(),
  ),
  VAPID_SUBJECT: optionalText.pipe(
    z
      .string()
      .refine((value) => /^mailto:[^\s@]+@[^\s@]+$/.test(value) || (URL.canParse(value) && new URL(value).protocol === "https:"), {
        error: "must be a mailto: address or an https URL where push services can reach the operator",
      })
      .optional(),
  ),
  // Push endpoints on this machine or a private network are refused (decision 072) unless this is "true".
  PUSH_ALLOW_PRIVATE_ENDPOINTS: optionalText.pipe(z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional()),
  SECURITY_CONTACT: optionalText.pipe(
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((contact) => contact.trim())
          .filter((contact) => contact !== ""),
      )
      .pipe(
        z
          .array(
            z.string().transform((contact, context) => {
              const uri = toContactUri(contact);
              if (uri !== undefined) return uri;
              context.addIssue({
                code: "custom",
                message: `"${contact}" must be an email address or a mailto:, https: or tel: URI (several separated by commas)`,
              });
              return z.NEVER;
            }),
          )
          .min(1),
      )
      .optional(),
  ),
});

const bareEmail = /^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/;

/** One security contact as the URI security.txt needs (RFC 9116): a bare address becomes mailto:. */
function toContactUri(contact: string): string | undefined {
  if (bareEmail.test(contact)) return `mailto:${contact}`;
  if (/^mailto:[^\s@]+@[^\s@]+$/.test(contact) || /^tel:\+?[0-9-]+$/.test(contact)) return contact;
  return URL.canParse(contact) && new URL(contact).protocol === "https:" ? contact : undefined;
}

export type DatabaseConfig =
  | { dialect: "sqlite"; file: string }
  /** `user`: PGUSER, for a URL that names no user (libpq's rule; node-postgres would read $USER). */
  | { dialect: "postgres"; connectionString: string; user?: string | undefined };

export type Config = {
  env: "production" | "development" | "test";
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  logLevel: (typeof logLevels)[number];
  /** Undefined means: generate one into the data directory on first run. */
  authSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  clientIpHeader: string | undefined;
  quickExitUrl: string;
  shutdownGraceMs: number;
  /** How often one instance deletes rows past their retention (docs/privacy.md; decision 021). */
  retentionSweepMs: number;
  /** How often one instance recomputes the deployment's own norms for reliable change (decision 022). */
  deploymentNormsMs: number;
  /** How often one instance writes due reminders into the outbox and sends what is due (decision 046). */
  outboxMs: number;
  /** When sessions end: idle timeouts (shorter for practice members) and the absolute lifetime (decision 032). */
  sessionLimits: { idleMs: number; practiceIdleMs: number; lifetimeMs: number };
  /** Key-encryption key (32 bytes); undefined means: generate one into the data directory on first run. */
  encryptionKey: Buffer | undefined;
  /** Stored with every wrapped data key, so a rotated key can be told apart. */
  encryptionKeyId: string;
  /** Keys being rotated out: they open data keys still wrapped by them, and wrap nothing new (decision 028). */
  previousEncryptionKeys: Array<{ id: string; key: Buffer }>;
  /** PostgreSQL: the longest wait for one statement's answer; a connection gets a little less (decision 027). */
  databaseTimeoutMs: number;
  /** Open connections the server accepts at once; more are closed at once (decision 027). */
  maxConnections: number;
  /** Password hashes and checks (32 MiB each) run at once; the rest wait in turn (decision 041). */
  passwordHashesAtOnce: number;
  /** Open connections from one socket address; 0 means no such limit (the default behind a proxy). */
  maxConnectionsPerAddress: number;
  /** The operator's help resources file; undefined means the shipped Singapore defaults. */
  helpResourcesPath: string | undefined;
  /** Where to report a vulnerability in this deployment (security.txt Contact lines, as URIs). */
  securityContacts: string[];
  /** Web Push's VAPID keys (base64url); undefined means: generate them into the data directory on first run (decision 060). */
  vapidKeys: { publicKey: string; privateKey: string } | undefined;
  /** Who push services may write to about this server's notices: VAPID_SUBJECT, else the first security contact. */
  vapidSubject: string;
  /** Whether push may go to an endpoint on this machine or a private network (PUSH_ALLOW_PRIVATE_ENDPOINTS; decision 072). */
  pushAllowPrivateEndpoints: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment into a Config, or throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const values = parsed.data;
  if ((values.VAPID_PUBLIC_KEY === undefined) !== (values.VAPID_PRIVATE_KEY === undefined)) {
    throw new ConfigError(["VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both (one key pair) or neither"]);
  }
  const dataDir = path.resolve(values.DATA_DIR);
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, "");
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    publicUrl,
    dataDir,
    database: parseDatabaseUrl(values.DATABASE_URL, dataDir, values.PGUSER),
    logLevel: values.LOG_LEVEL,
    authSecret: values.AUTH_SECRET,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    clientIpHeader: values.CLIENT_IP_HEADER,
    quickExitUrl: values.QUICK_EXIT_URL,
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    retentionSweepMs: (values.RETENTION_SWEEP_SECONDS ?? 600) * 1000,
    deploymentNormsMs: (values.DEPLOYMENT_NORMS_SECONDS ?? 3600) * 1000,
    outboxMs: (values.OUTBOX_SECONDS ?? 60) * 1000,
    sessionLimits: {
      idleMs: (values.SESSION_IDLE_MINUTES ?? 10_080) * 60_000,
      practiceIdleMs: (values.PRACTICE_SESSION_IDLE_MINUTES ?? 30) * 60_000,
      lifetimeMs: (values.SESSION_LIFETIME_HOURS ?? 720) * 3_600_000,
    },
    encryptionKey: values.ENCRYPTION_KEY === undefined ? undefined : Buffer.from(values.ENCRYPTION_KEY, "base64"),
    encryptionKeyId: values.ENCRYPTION_KEY_ID,
    previousEncryptionKeys: values.ENCRYPTION_PREVIOUS_KEYS ?? [],
    databaseTimeoutMs: values.DATABASE_TIMEOUT_MS,
    maxConnections: values.MAX_CONNECTIONS,
    passwordHashesAtOnce: values.PASSWORD_HASHES_AT_ONCE,
    // Behind a proxy every connection comes from the proxy's address, so a per-address limit would
    // limit everyone together; without one, one client cannot take every connection.
    maxConnectionsPerAddress: values.MAX_CONNECTIONS_PER_ADDRESS ?? (values.CLIENT_IP_HEADER === undefined ? 64 : 0),
    helpResourcesPath: values.HELP_RESOURCES_PATH === undefined ? undefined : path.resolve(values.HELP_RESOURCES_PATH),
    // The conventional mailbox (RFC 2142) at the deployment's own domain, until the operator names one.
    securityContacts: values.SECURITY_CONTACT ?? [`mailto:security@${new URL(publicUrl).hostname}`],
    vapidKeys:
      values.VAPID_PUBLIC_KEY !== undefined && values.VAPID_PRIVATE_KEY !== undefined
        ? { publicKey: values.VAPID_PUBLIC_KEY, privateKey: values.VAPID_PRIVATE_KEY }
        : undefined,
    vapidSubject:
      values.VAPID_SUBJECT ??
      (values.SECURITY_CONTACT ?? []).find((contact) => contact.startsWith("mailto:") || contact.startsWith("https:")) ??
      `mailto:security@${new URL(publicUrl).hostname}`,
    pushAllowPrivateEndpoints: values.PUSH_ALLOW_PRIVATE_ENDPOINTS === "true",
  };
}

function parseDatabaseUrl(url: string | undefined, dataDir: string, pgUser: string | undefined): DatabaseConfig {
  if (url === undefined) return { dialect: "sqlite", file: path.join(dataDir, "mutual.sqlite") };
  if (url.startsWith("postgres")) return { dialect: "postgres", connectionString: url, user: pgUser };
  const file = url.replace(/^(file|sqlite):(\/\/)?/, "");
  return { dialect: "sqlite", file: file === ":memory:" ? file : path.resolve(file) };
}
