// Pure rules of Idempotency-Key handling: which keys we accept and what "the same request" means.
import { createHmac } from "node:crypto";
import { badRequest, DomainError } from "../../domain/errors.js";

/** How long a key is remembered: retries come within minutes, not days. */
export const idempotencyKeepMs = 24 * 60 * 60 * 1000;

/** An Idempotency-Key header value we accept: printable, short. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{8,200}$/.test(key);
}

export function requireValidIdempotencyKey(key: string): void {
  if (!isValidIdempotencyKey(key)) {
    throw badRequest("INVALID_IDEMPOTENCY_KEY", "The Idempotency-Key header must be 8 to 200 printable characters.");
  }
}

/** JSON with object keys sorted at every level, so equal requests serialise equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
}

/**
 * HMAC-SHA-256 of the route and the canonical request, keyed from the person's data key. A
 * plain hash of a request carrying a note would let anyone holding the database confirm a
 * guessed note, even after the note was edited; keyed, it is as private as the note itself and
 * becomes meaningless when the data key is destroyed.
 */
export function requestFingerprint(dataKey: Buffer, route: string, request: unknown): string {
  const fingerprintKey = createHmac("sha256", dataKey).update("mutual:idempotency-request-fingerprint:v1").digest();
  return createHmac("sha256", fingerprintKey)
    .update(`${route}\n${canonicalJson(request)}`)
    .digest("hex");
}

/** The same key may only ever stand for the same request. */
export function requireSameRequest(stored: { route: string; fingerprint: string | null }, route: string, fingerprint: string): void {
  if (stored.route !== route || stored.fingerprint !== fingerprint) {
    throw new DomainError(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request.");
  }
}
