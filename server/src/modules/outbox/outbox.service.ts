// The outbox (decision 046): every notice Mutual sends on its own (weekly reminders, later a
// counsellor's request) is first a row, written in the transaction of what causes it. A round,
// run by one instance at a time (the scheduled-job pattern of decision 021), lets each producer
// write the rows that time has made due, expires what is too late, and claims what is due; after
// the round commits, the same instance sends what it claimed, one by one, and records each
// outcome under its claim. A notice is never written twice (unique key), never sent by two
// instances at once (the claim), retried with a growing wait, and never sent to an account that
// is gone (the row goes with it, and the address is read at the moment of sending).
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { retryDelayMs, type Language } from "@mutual/core";
import type { Database } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import type { Mailer, OutgoingEmail } from "../../platform/mailer.js";
import { getPreferredLanguage } from "../preferences/index.js";
import { runRound, scheduleJob, type JobLogger, type RoundOutcome, type ScheduledJob } from "../../platform/scheduled-job.js";
import {
  cancelPendingMessages,
  claimDueMessages,
  insertOutboxMessage,
  expireOverdueMessages,
  findRecipientAddress,
  finishMessage,
  pruneFinishedMessages,
  releaseForRetry,
  type ClaimedMessage,
  type NewOutboxMessage,
} from "./outbox.repository.js";

export type { ClaimedMessage, NewOutboxMessage };

/** Writes a notice, in the transaction of what causes it; a second one with the same key is ignored. True when it was new. */
export async function enqueueNotice(trx: Kysely<DB>, message: NewOutboxMessage, nowMs: number): Promise<boolean> {
  return insertOutboxMessage(trx, message, nowMs);
}

/** Cancels a person's notices of some kinds that are waiting and not being sent right now. */
export async function cancelPendingNotices(trx: Kysely<DB>, userId: string, kinds: readonly string[], nowMs: number, referenceId?: string): Promise<number> {
  return cancelPendingMessages(trx, userId, kinds, nowMs, referenceId);
}

export const outboxJobName = "outbox-delivery";

/** How long a claim holds: longer than any send takes; a sender that died frees its notices after it. */
export const claimHoldMs = 10 * 60_000;
/** Tries before a notice is given up. */
export const maxAttempts = 6;
/** How many notices one round claims; the rest wait for the next round. */
const claimLimit = 200;
/** Finished rows are kept this long (their keys stop a second notice for the same week). */
export const finishedKeepMs = 60 * 24 * 60 * 60_000;

/** Writes the rows that have become due by `nowMs`, in the round's transaction; returns how many. */
export type OutboxProducer = (trx: Transaction<DB>, nowMs: number) => Promise<number>;

/** A notice for the person's devices (decision 060): the payload the service worker shows, neutral like the emails. */
export type PushNotice = { push: { title: string; url: string; lang?: Language } };

/**
 * What to send for a claimed notice, read at the moment of sending: an email, a push, or null when it
 * should not go any more. `language` is the person's stored choice as it is when sending (decision 083).
 */
export type OutboxRenderer = (
  db: Kysely<DB>,
  message: ClaimedMessage,
  nowMs: number,
  language: Language,
) => Promise<Omit<OutgoingEmail, "to"> | PushNotice | null>;

/**
 * Sends a push notice (the outbox row `messageId`) to every device of a person that has not taken it
 * yet; "skipped" when they have none (or none left). Throws to be retried (decision 071).
 */
export type PushDeliverer = (userId: string, payload: string, messageId: string) => Promise<"sent" | "skipped">;

export type OutboxHandlers = { producers: readonly OutboxProducer[]; renderers: Readonly<Record<string, OutboxRenderer>> };

export type OutboxDeps = { database: Database; mailer: Mailer; push?: PushDeliverer; clock: Clock; logger: JobLogger; handlers: OutboxHandlers };

export type DeliveryCounts = { sent: number; skipped: number; retried: number; failed: number };

type Claimed = { token: string; messages: ClaimedMessage[] };

/** The round's work, in its transaction: producers, expiry, pruning, claiming. The claim is kept for after the commit. */
function roundWork(handlers: OutboxHandlers, keep: (claimed: Claimed) => void) {
  return async (trx: Transaction<DB>, now: Date): Promise<Record<string, number>> => {
    const nowMs = now.getTime();
    let produced = 0;
    for (const produce of handlers.producers) produced += await produce(trx, nowMs);
    const expired = await expireOverdueMessages(trx, nowMs);
    const pruned = await pruneFinishedMessages(trx, nowMs - finishedKeepMs);
    const token = randomUUID();
    const messages = await claimDueMessages(trx, nowMs, { token, untilMs: nowMs + claimHoldMs }, claimLimit);
    keep({ token, messages });
    return { produced, expired, pruned, claimed: messages.length };
  };
}

/** Sends what a committed round claimed; each outcome is written under the claim, so a late or second sender changes nothing. */
async function deliverClaimed(deps: OutboxDeps, claimed: Claimed): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  const db = deps.database.db;
  for (const message of claimed.messages) {
    const nowMs = deps.clock.now().getTime();
    try {
      const render = deps.handlers.renderers[message.kind];
      const address = await findRecipientAddress(db, message.userId);
      // The words follow the language the person has chosen by now, not when the row was written:
      // rows hold no text, so a switch of language before sending is honoured (decision 083).
      const content =
        render && address !== undefined && nowMs < message.expiresAtMs
          ? await render(db, message, nowMs, (await getPreferredLanguage(db, message.userId)) ?? "en")
          : null;
      if (content === null || address === undefined) {
        await finishMessage(db, message.id, claimed.token, "skipped", nowMs);
        counts.skipped += 1;
        continue;
      }
      if ("push" in content) {
        const outcome = deps.push ? await deps.push(message.userId, JSON.stringify(content.push), message.id) : "skipped";
        await finishMessage(db, message.id, claimed.token, outcome, deps.clock.now().getTime());
        counts[outcome] += 1;
        continue;
      }
      await deps.mailer.send({ ...content, to: address });
      await finishMessage(db, message.id, claimed.token, "sent", deps.clock.now().getTime());
      counts.sent += 1;
    } catch (error) {
      deps.logger.error(
        { job: outboxJobName, kind: message.kind, attempts: message.attempts, err: error },
        "A notice could not be sent; it will be tried again later",
      );
      if (message.attempts >= maxAttempts) {
        await finishMessage(db, message.id, claimed.token, "failed", nowMs).catch(() => undefined);
        counts.failed += 1;
      } else {
        await releaseForRetry(db, message.id, claimed.token, nowMs + retryDelayMs(message.attempts)).catch(() => undefined);
        counts.retried += 1;
      }
    }
  }
  return counts;
}

/**
 * One round at `now`, for tests and for the schedule: runs only if no instance has done (or is
 * doing) the round `periodKey`, then sends what it claimed.
 */
export async function runOutboxRound(
  deps: OutboxDeps,
  now: Date,
  periodKey: string = now.toISOString(),
): Promise<{ outcome: RoundOutcome; delivered: DeliveryCounts | null }> {
  let claimed: Claimed = { token: "", messages: [] };
  const outcome = await runRound(deps.database, { name: outboxJobName, work: roundWork(deps.handlers, (kept) => (claimed = kept)) }, periodKey, now);
  if (!outcome.ran) return { outcome, delivered: null };
  return { outcome, delivered: await deliverClaimed(deps, claimed) };
}

/** Runs a round every period on whichever instance gets it first, until stopped. */
export function startOutboxWorker(deps: OutboxDeps & { periodMs: number }): ScheduledJob {
  let claimed: Claimed = { token: "", messages: [] };
  return scheduleJob({
    database: deps.database,
    logger: deps.logger,
    clock: deps.clock,
    name: outboxJobName,
    periodMs: deps.periodMs,
    work: (trx, now) => {
      claimed = { token: "", messages: [] };
      return roundWork(deps.handlers, (kept) => (claimed = kept))(trx, now);
    },
    afterRound: async () => {
      const counts = await deliverClaimed(deps, claimed);
      if (counts.sent + counts.failed + counts.retried > 0) deps.logger.info({ job: outboxJobName, ...counts }, "Notices delivered");
    },
  });
}

/** The handlers of several features as one (each kind has one renderer). */
export function mergeOutboxHandlers(...all: readonly OutboxHandlers[]): OutboxHandlers {
  return {
    producers: all.flatMap((handlers) => handlers.producers),
    renderers: Object.assign({}, ...all.map((handlers) => handlers.renderers)) as Record<string, OutboxRenderer>,
  };
}
