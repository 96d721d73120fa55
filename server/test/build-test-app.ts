import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { Writable } from "node:stream";
import { buildApp } from "../src/app.js";
import { loadConfig, type Config } from "../src/config.js";
import type { Database, Dialect } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createLoggerOptions } from "../src/platform/logger.js";
import type { Clock } from "../src/platform/clock.js";
import { keyringOf, type Keyring } from "../src/platform/crypto.js";
import { generateVapidKeys } from "../src/platform/web-push.js";
import type { Mailer, OutgoingEmail } from "../src/platform/mailer.js";
import { createTestDatabase, type TestDatabase } from "./test-databases.js";

export const testPublicUrl = "http://localhost:3000";

/** The auth secret every test app is built with (tests that sign what the app signs need it). */
export const testAuthSecret = "test-secret-that-is-long-enough-for-better-auth-0123456789";

/** A fixed key-encryption key for tests (never a real deployment's). */
/** The test apps' Web Push keys (a fresh pair per test run). */
export const testVapidKeys = generateVapidKeys();

export const testKeyring = keyringOf({ id: "test-k1", key: Buffer.alloc(32, 7) });

export type MemoryMailer = Mailer & { sent: OutgoingEmail[] };

export function createMemoryMailer(): MemoryMailer {
  const sent: OutgoingEmail[] = [];
  return { sent, send: async (email) => void sent.push(email), close: () => undefined };
}

/**
 * Runs `run` against a mail server that never answers, as a stalled SMTP server would: a request
 * that awaited its email would hang until the test times out. `handed` tells how many emails
 * were given to it so far. The memory mailer is back in place afterwards.
 */
export async function withStalledMailServer(mailer: MemoryMailer, run: (handed: () => number) => Promise<void>): Promise<void> {
  const send = mailer.send;
  let handedToMailer = 0;
  mailer.send = () => {
    handedToMailer += 1;
    return new Promise<void>(() => undefined);
  };
  try {
    await run(() => handedToMailer);
  } finally {
    mailer.send = send;
  }
}

const mailers = new WeakMap<FastifyInstance, MemoryMailer>();

/** The memory mailer of an app made by buildTestApp: what it has sent, e.g. a sign-up link. */
export function mailerOf(app: FastifyInstance): MemoryMailer {
  const mailer = mailers.get(app);
  if (!mailer) throw new Error("This app was not made by buildTestApp: it has no memory mailer.");
  return mailer;
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  testDatabase: TestDatabase;
  mailer: MemoryMailer;
  /** Every JSON log line the app wrote (debug and up), for checks that logs hold no secrets. */
  logLines: string[];
  close(): Promise<void>;
};

export type TestAppOptions = {
  env?: Record<string, string>;
  clock?: Clock;
  webDistDir?: string;
  /** Routes a test adds before the app is sealed (e.g. to exercise the error handler). */
  extraRoutes?: (app: FastifyInstance) => void;
  /** Reuse an existing database (a second instance); otherwise a fresh one is made. */
  testDatabase?: TestDatabase;
  /** The key-encryption keys (a rotation); otherwise `testKeyring`. */
  keyring?: Keyring;
};

/** The real app on a fresh, migrated database of the given dialect, with a memory mailer. */
export async function buildTestApp(dialect: Dialect, options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = options.testDatabase === undefined;
  const testDatabase = options.testDatabase ?? (await createTestDatabase(dialect));
  const database = ownsDatabase ? testDatabase.database : testDatabase.reopen();
  await migrateToLatest(database);
  const config: Config = loadConfig({ NODE_ENV: "test", PUBLIC_URL: testPublicUrl, LOG_LEVEL: "debug", ...options.env });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino(createLoggerOptions(config) as object, sink);
  const mailer = createMemoryMailer();
  const app = await buildApp({
    config,
    database,
    logger,
    mailer,
    authSecret: testAuthSecret,
    keyring: options.keyring ?? testKeyring,
    vapidPublicKey: testVapidKeys.publicKey,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  mailers.set(app, mailer);
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    testDatabase,
    mailer,
    logLines,
    async close() {
      await app.close();
      if (ownsDatabase) await testDatabase.destroy();
      else await database.close();
    },
  };
}
