import { randomUUID } from "node:crypto";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import swagger from "@fastify/swagger";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { fhirBaseOf } from "@mutual/core";
import type { Config } from "./config.js";
import { truncateWriteAheadLog, type Database } from "./db/database.js";
import { authRoutes, createActorResolver, createAuth } from "./auth/index.js";
import { registerErrorHandler, registerNotFoundHandler } from "./http/error-handler.js";
import { registerFetchMetadataCheck } from "./http/fetch-metadata.js";
import { registerJsonBodyParser } from "./http/json-body.js";
import { registerRouteAccess } from "./http/route-access.js";
import { registerSameOriginCheck } from "./http/same-origin.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { registerWebApp } from "./http/web-app.js";
import { healthRoutes } from "./modules/health/index.js";
import { securityTxtRoutes } from "./modules/security-txt/index.js";
import { meRoutes } from "./modules/me/index.js";
import { refreshClientSummariesOfPerson } from "./modules/client-summary/index.js";
import { checkInRoutes } from "./modules/check-in/index.js";
import { destroyDataKeyBeforeAccountDeletion } from "./modules/data-keys/index.js";
import { helpRoutes } from "./modules/help/index.js";
import { invitePreviewRoutes } from "./modules/invite-preview/index.js";
import { exercisesRoutes } from "./modules/exercises/index.js";
import { consentRoutes } from "./modules/consent/index.js";
import { preferencesRoutes } from "./modules/preferences/index.js";
import { createReminderTokens, remindersRoutes, unsubscribeRoutes } from "./modules/reminders/index.js";
import { pushRoutes } from "./modules/push/index.js";
import { generateVapidKeys } from "./platform/web-push.js";
import { assessmentRoutes, profileRoutes } from "./modules/assessment/index.js";
import { exportRoutes } from "./modules/export/index.js";
import { coupleRoutes, endCoupleBeforeAccountDeletion } from "./modules/couple/index.js";
import { dataViewsRoutes } from "./modules/data-views/index.js";
import { handOverPracticesBeforeAccountDeletion, practiceRoutes } from "./modules/practice/index.js";
import { counsellingRoutes, endRelationsOnLeavingPractice, leaveCounsellingBeforeAccountDeletion, practiceClientsRoutes } from "./modules/counselling/index.js";
import { createInviteCodeHasher } from "./platform/invite-codes.js";
import { dashboardRoutes } from "./modules/dashboard/index.js";
import { practicePsychometricsRoutes } from "./modules/practice-psychometrics/index.js";
import { clientExportsRoutes } from "./modules/client-exports/index.js";
import { clientRequestsRoutes } from "./modules/client-requests/index.js";
import { counsellingRequestsRoutes, directoryRoutes, intakeRoutes, unassignOnLeavingPractice } from "./modules/counselling-directory/index.js";
import { systemClock, type Clock } from "./platform/clock.js";
import type { Mailer } from "./platform/mailer.js";
import type { Keyring } from "./platform/crypto.js";

export type AppDeps = {
  config: Config;
  database: Database;
  logger: FastifyBaseLogger;
  mailer: Mailer;
  authSecret: string;
  /** The key-encryption keys that wrap each person's data key (check-in notes, reflections; decision 028). */
  keyring: Keyring;
  clock?: Clock;
  /** The built web app; omitted in API-only tests. */
  webDistDir?: string;
  /** Web Push's public VAPID key (decision 060); omitted by scripts that send no push: a throwaway key then. */
  vapidPublicKey?: string;
};

/** How long a connection may take over each part of a request (decision 027; docs/operations.md). */
export const connectionTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, idleSocketMs: 60_000 } as const;

/** Requests carry check-ins and answers, never files: a small body limit keeps abuse cheap. */
const bodyLimitBytes = 64 * 1024;

/**
 * Builds the whole HTTP app from its dependencies, registering every plugin and module
 * explicitly and in order. main.ts listens on it; tests drive it with inject().
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: bodyLimitBytes,
    // Request ids are ours: a client-chosen id could be used to confuse the logs.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // A client that sends slowly is cut off (decision 027): headers within 10 s, the whole
    // request within 30 s, an idle kept-alive connection closed after 5 s, a silent socket after
    // 60 s. Node checks every second rather than every 30, so the bounds hold to the second.
    requestTimeout: connectionTimeouts.requestMs,
    keepAliveTimeout: connectionTimeouts.keepAliveMs,
    connectionTimeout: connectionTimeouts.idleSocketMs,
    http: { headersTimeout: connectionTimeouts.headersMs, requestTimeout: connectionTimeouts.requestMs, connectionsCheckingInterval: 1000 },
    // One log line per request (the onResponse hook below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: any other body type is refused with 415, which also stops
  // plain cross-site form posts before they reach a handler.
  app.removeContentTypeParser("text/plain");
  registerJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = deps.clock ?? systemClock;
  const isHttps = config.publicUrl.startsWith("https://");
  const auth = createAuth({
    database,
    publicUrl: config.publicUrl,
    secret: deps.authSecret,
    mailer: deps.mailer,
    logger: deps.logger,
    clock,
    sessionLimits: config.sessionLimits,
    passwordHashesAtOnce: config.passwordHashesAtOnce,
    // A deleted person's couple ends for their partner, each client they belong to loses them (a
    // client left with nobody goes, with its pending invite), and each practice they leave keeps
    // an owner (or goes, if they were its last member), before the cascade removes their rows.
    beforeDeleteUser: async (userId) => {
      await endCoupleBeforeAccountDeletion({ db: database.db, clock }, userId);
      await leaveCounsellingBeforeAccountDeletion({ db: database.db, clock }, userId);
      await handOverPracticesBeforeAccountDeletion({ db: database.db }, userId);
      // Overwritten before its row goes, so no sealed note of theirs opens again (decision 030).
      await destroyDataKeyBeforeAccountDeletion(database.db, userId);
    },
    // The deleted rows leave the write-ahead log too, not only the database file (decision 030).
    afterDeleteUser: async () => {
      if (!(await truncateWriteAheadLog(database)))
        deps.logger.warn("The write-ahead log could not be emptied after an account deletion; the next deletion or restart will");
    },
    // Someone removed from a practice, or leaving it, stops being their clients' counsellor there.
    // Requests for counselling assigned to them go back to the practice's intake list.
    afterLeavingPractice: async (practiceId, userId) => {
      await endRelationsOnLeavingPractice({ db: database.db, clock }, practiceId, userId);
      await unassignOnLeavingPractice({ db: database.db, clock }, practiceId, userId);
    },
    // A counsellor's dashboard sorts by the names kept in its summary rows (decision 018).
    afterUserUpdate: (userId) => database.db.transaction().execute((trx) => refreshClientSummariesOfPerson(trx, userId)),
  });

  // First, so every plugin registered below inherits the one error handler.
  registerErrorHandler(app);
  registerSecurityHeaders(app, { isHttps });
  // Before anything that reads the session: another site's request to the API reaches nothing.
  registerFetchMetadataCheck(app);
  registerSameOriginCheck(app, { publicUrl: config.publicUrl });
  registerRouteAccess(app, createActorResolver({ database, secret: deps.authSecret, isHttps, sessionLimits: config.sessionLimits }));
  await app.register(swagger, {
    openapi: { info: { title: "Mutual API", version: "0.1.0" } },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { database });
  await app.register(securityTxtRoutes, { contacts: config.securityContacts, publicUrl: config.publicUrl, clock });
  await app.register(authRoutes, { auth, publicUrl: config.publicUrl, clientIpHeader: config.clientIpHeader, health: database.health });
  await app.register(meRoutes);
  await app.register(helpRoutes, { resourcesPath: config.helpResourcesPath });
  await app.register(checkInRoutes, { db: database.db, kek: deps.keyring, clock });
  await app.register(exercisesRoutes, { db: database.db, kek: deps.keyring, clock });
  await app.register(consentRoutes, { database, clock });
  await app.register(preferencesRoutes, { database, clock });
  const reminderTokens = createReminderTokens(deps.authSecret);
  await app.register(remindersRoutes, { db: database.db, clock, tokens: reminderTokens, publicUrl: config.publicUrl });
  await app.register(unsubscribeRoutes, { db: database.db, clock, tokens: reminderTokens, publicUrl: config.publicUrl });
  await app.register(pushRoutes, {
    db: database.db,
    kek: deps.keyring,
    clock,
    allowPrivateEndpoints: config.pushAllowPrivateEndpoints,
    publicKey: deps.vapidPublicKey ?? generateVapidKeys().publicKey,
  });
  await app.register(assessmentRoutes, { database, clock });
  await app.register(profileRoutes, { database, clock });
  // FHIR resources are named under the operator's own address (PUBLIC_URL), not an example domain.
  const fhirBase = fhirBaseOf(config.publicUrl);
  await app.register(exportRoutes, { database, kek: deps.keyring, clock, fhirBase });
  const partnerCodeHasher = createInviteCodeHasher(deps.authSecret, "partner-invite-code");
  await app.register(coupleRoutes, { db: database.db, clock, hashCode: partnerCodeHasher });
  await app.register(dataViewsRoutes, { db: database.db });
  await app.register(practiceRoutes, { db: database.db, clock });
  const clientCodes = { db: database.db, clock, hashCode: createInviteCodeHasher(deps.authSecret, "client-invite-code") };
  await app.register(counsellingRoutes, clientCodes);
  await app.register(practiceClientsRoutes, clientCodes);
  await app.register(invitePreviewRoutes, {
    db: database.db,
    clock,
    hashPartnerCode: partnerCodeHasher,
    hashClientCode: clientCodes.hashCode,
    clientIpHeader: config.clientIpHeader,
  });
  await app.register(dashboardRoutes, { db: database.db, kek: deps.keyring, clock });
  await app.register(practicePsychometricsRoutes, { db: database.db, clock });
  await app.register(clientExportsRoutes, { db: database.db, kek: deps.keyring, clock, fhirBase });
  await app.register(clientRequestsRoutes, { db: database.db, clock });
  await app.register(directoryRoutes, { db: database.db, clock });
  await app.register(counsellingRequestsRoutes, { db: database.db, clock });
  await app.register(intakeRoutes, { db: database.db, clock });

  const pageHtml = deps.webDistDir ? await registerWebApp(app, { distDir: deps.webDistDir, quickExitUrl: config.quickExitUrl }) : null;
  registerNotFoundHandler(app, { pageHtml });
  // Access lines are debug, not info: a reverse proxy usually keeps access logs, and a
  // privacy-first app writes down who asked for what only when an operator asks it to.
  // Server errors are logged at error by the error handler regardless.
  app.addHook("onResponse", (request, reply, done) => {
    request.log.debug({ req: request, res: reply, ms: Math.round(reply.elapsedTime * 10) / 10 }, "request completed");
    done();
  });
  // While shutting down, answers in flight close their connection, so keep-alive
  // clients do not hold the process open after their last response.
  let isClosing = false;
  app.addHook("preClose", (done) => {
    isClosing = true;
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (isClosing) reply.header("connection", "close");
    done(null, payload);
  });
  app.addHook("onClose", async () => deps.mailer.close());
  return app;
}
