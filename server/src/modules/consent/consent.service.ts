import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import { findConsent, upsertConsent } from "./consent.repository.js";
import { hasCurrentConsent, isCurrentNotice, type ConsentRecord } from "./consent.policy.js";

export type ConsentDeps = { db: Kysely<DB>; clock: Clock };

export async function getConsent(deps: ConsentDeps, userId: string): Promise<ConsentRecord | null> {
  return findConsent(deps.db, userId);
}

/** Records an explicit agreement to the notice in force, with its version and time. */
export async function giveConsent(deps: ConsentDeps, userId: string, noticeVersion: string): Promise<ConsentRecord> {
  if (!isCurrentNotice(noticeVersion)) {
    throw new DomainError(409, "NOTICE_OUTDATED", "The notice has changed since this page loaded. Please read it again.");
  }
  const record = { userId, noticeVersion, consentedAt: deps.clock.now().getTime() };
  await upsertConsent(deps.db, record);
  return record;
}

/** True when the person agreed to the notice now in force (other modules ask this before storing anything). */
export async function hasConsented(db: Kysely<DB>, userId: string): Promise<boolean> {
  return hasCurrentConsent(await findConsent(db, userId));
}

/**
 * Before anything a person answers is stored: agreement to the notice in force, or 403
 * CONSENT_REQUIRED. The one check every module that stores answers, check-ins or reflections uses.
 */
export async function requireConsent(db: Kysely<DB>, userId: string): Promise<void> {
  if (!(await hasConsented(db, userId))) {
    throw new DomainError(403, "CONSENT_REQUIRED", "Please read and agree to how Mutual keeps your answers before saving anything.");
  }
}
