import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { systemClock } from "./platform/clock.js";
import { createLoggerOptions } from "./platform/logger.js";
import { createMailer } from "./platform/mailer.js";
import { ensurePrivateDirectory } from "./platform/private-files.js";
import { loadOrCreateSecret } from "./platform/secrets.js";
import { createPushSender, loadOrCreateVapidKeys } from "./platform/web-push.js";
import { keySourceFrom, loadKeyring } from "./modules/data-keys/index.js";
import { limitConnections } from "./http/connection-limits.js";
import { startRetentionSweep } from "./modules/retention/index.js";
import { bringDerivedRowsUpToDate } from "./modules/derived-rows/index.js";
import { startDeploymentNormsJob } from "./modules/deployment-psychometrics/index.js";
import { mergeOutboxHandlers, startOutboxWorker } from "./modules/outbox/index.js";
import { requestOutboxHandlers } from "./modules/client-requests/index.js";
import { counsellingRequestOutboxHandlers } from "./modules/counselling-directory/index.js";
import { createReminderTokens, reminderOutboxHandlers } from "./modules/reminders/index.js";
import { createPushDeliverer } from "./modules/push/index.js";

/** Process entry: configuration, database, migrations, listen, the scheduled jobs (retention sweep, deployment norms, outbox), graceful shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino(createLoggerOptions(config) as object);
  // The data folder holds the database, secrets and outbox: owner only, whatever the umask (decision 030).
  ensurePrivateDirectory(config.dataDir);
  // Migrations get a connection of their own with no time limit: on a large database one may
  // rightly run for minutes, longer than any request should wait (decision 027).
  // Derived rows whose rules changed since they were stored are rebuilt once, by live code, on the
  // same connection (decision 052).
  const migrating = openDatabase(config.database, { timeoutMs: 0 });
  const applied = await migrateToLatest(migrating)
    .then(async (migrations) => {
      await bringDerivedRowsUpToDate(migrating, logger);
      return migrations.results?.filter((result) => result.status === "Success").length ?? 0;
    })
    .finally(() => migrating.close());
  const database = openDatabase(config.database, {
    timeoutMs: config.databaseTimeoutMs,
    onConnectionError: (error) =>
      logger.warn(
        { err: { message: error.message, code: (error as { code?: unknown }).code } },
        "A database connection was lost; the next request opens a new one",
      ),
  });
  logger.info({ dialect: database.dialect, applied }, "Database ready");

  // On PostgreSQL several servers may share the database: a secret or key made by each one
  // would not match the others', so they must be given (decision 028).
  const onPostgres = database.dialect === "postgres";
  const authSecret = loadOrCreateSecret({
    configured: config.authSecret,
    dataDir: config.dataDir,
    fileName: "auth-secret",
    variableName: "AUTH_SECRET",
    logger,
    ...(onPostgres
      ? {
          refuseToCreate:
            "On PostgreSQL, where several servers may share the database, set AUTH_SECRET (the same on every server: openssl rand -base64 48); a secret made by each server would sign people out whenever the next request reached another.",
        }
      : {}),
  });
  const keyring = await loadKeyring(database.db, keySourceFrom(config, database.dialect, logger));
  // Web Push's key pair: a subscription is made for one public key, so every server must sign with the same one.
  const vapidKeys = loadOrCreateVapidKeys({
    configured: config.vapidKeys,
    dataDir: config.dataDir,
    logger,
    ...(onPostgres
      ? {
          refuseToCreate:
            "On PostgreSQL, where several servers may share the database, set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (the same on every server: npx web-push generate-vapid-keys); keys made by each server would not match the devices' subscriptions.",
        }
      : {}),
  });
  const pushSender = createPushSender({ keys: vapidKeys, subject: config.vapidSubject, allowPrivateEndpoints: config.pushAllowPrivateEndpoints });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, logger });
  const webDistDir = fileURLToPath(new URL("../../web/dist", import.meta.url));
  const app = await buildApp({ config, database, logger, mailer, authSecret, keyring, webDistDir, vapidPublicKey: vapidKeys.publicKey });
  limitConnections(app.server, { max: config.maxConnections, perAddress: config.maxConnectionsPerAddress, logger });

  // Started here, not in buildApp: tests build many apps and run the sweep themselves (decision 021).
  // Its first round is at the next period boundary.
  const retentionSweep = startRetentionSweep({ database, logger, clock: systemClock, periodMs: config.retentionSweepMs });
  const deploymentNorms = startDeploymentNormsJob({ database, logger, clock: systemClock, periodMs: config.deploymentNormsMs });
  // Reminders and other notices: written to the outbox with their cause, sent by one instance per round (decision 046).
  const outbox = startOutboxWorker({
    database,
    mailer,
    push: createPushDeliverer({ db: database.db, kek: keyring, sender: pushSender, clock: systemClock }),
    logger,
    clock: systemClock,
    periodMs: config.outboxMs,
    handlers: mergeOutboxHandlers(
      reminderOutboxHandlers({ publicUrl: config.publicUrl, tokens: createReminderTokens(authSecret) }),
      requestOutboxHandlers({ publicUrl: config.publicUrl }),
      counsellingRequestOutboxHandlers({ publicUrl: config.publicUrl }),
    ),
  });
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "Shutting down: finishing requests in flight");
    const forceExit = setTimeout(() => {
      logger.error("Shutdown took too long; exiting");
      process.exit(1);
    }, config.shutdownGraceMs);
    forceExit.unref();
    await Promise.all([retentionSweep.stop(), deploymentNorms.stop(), outbox.stop()]);
    await app.close();
    await database.close();
    logger.info("Stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info({ url: config.publicUrl, port }, "Mutual is running");
  process.stdout.write(`\nMutual is running at ${config.publicUrl} (listening on port ${port})\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Mutual could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
