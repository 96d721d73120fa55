// npm run demo: seeds a demo person in the configured database, through the real API,
// so anyone can see Mutual with some history in a minute. Safe to run again: the demo
// person is deleted (with everything of theirs) and made anew. Refuses when other people have
// accounts in the database (a real deployment), unless given --force.
import { pino } from "pino";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import { openDatabase } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { keySourceFrom, loadKeyring } from "../server/src/modules/data-keys/index.js";
import { loadOrCreateSecret } from "../server/src/platform/secrets.js";
import type { Mailer, OutgoingEmail } from "../server/src/platform/mailer.js";
import { DEMO_EMAIL, DEMO_PARTNER_EMAIL, DEMO_PASSPHRASE, refuseIfOtherPeoplePresent, seedDemoPerson } from "./demo-seed.js";

// Nothing leaves the machine: the demo people's sign-up links are kept here and followed.
const sentEmails: OutgoingEmail[] = [];
const keepingMailer: Mailer = { send: async (email) => void sentEmails.push(email), close: () => undefined };

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: "warn" });
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  try {
    await refuseIfOtherPeoplePresent(database.db, { force: process.argv.includes("--force") });
  } catch (error) {
    await database.close();
    throw error;
  }
  const authSecret = loadOrCreateSecret({
    configured: config.authSecret,
    dataDir: config.dataDir,
    fileName: "auth-secret",
    variableName: "AUTH_SECRET",
    logger,
  });
  const keyring = await loadKeyring(database.db, keySourceFrom(config, database.dialect, logger));

  // The services read time from this clock, so the history can be written week by week.
  // Sessions are Better Auth's and keep real time; a clock in the past leaves them valid.
  let now = Date.now();
  const clock = { now: () => new Date(now) };
  const app = await buildApp({ config, database, logger, mailer: keepingMailer, authSecret, keyring, clock });
  await app.ready();
  try {
    await seedDemoPerson(app, { publicUrl: config.publicUrl, sentEmails, setNow: (ms) => void (now = ms) });
    process.stdout.write(
      [
        "",
        "Demo person ready: two profiles five weeks apart, twelve weekly check-ins, a few practised exercises,",
        "and a linked partner; both share their scores, so the couple report has something to show.",
        "",
        `  Open:        ${config.publicUrl}  (start the server with: npm start)`,
        `  Email:       ${DEMO_EMAIL}`,
        `  Passphrase:  ${DEMO_PASSPHRASE}`,
        `  Partner:     ${DEMO_PARTNER_EMAIL} (same passphrase; try them in a second browser)`,
        "",
        "Run npm run demo again at any time to reset the demo people.",
        "",
      ].join("\n"),
    );
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo could not be seeded: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
