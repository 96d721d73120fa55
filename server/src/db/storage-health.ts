import { AsyncLocalStorage } from "node:async_hooks";

// What the database layer tells the rest of the server when storing or reading fails for a
// reason that is not the request's fault: the database cannot be reached (restart, failover,
// network partition, refused connections), the disk is full, or it is too busy to answer in
// time. Each becomes a 503 with Retry-After (http/error-handler.ts), and `/readyz` answers
// not ready while it lasts (decision 027). Anything else stays a bug (500).

export type StorageProblem = "unreachable" | "full" | "busy";

// PostgreSQL SQLSTATEs: class 08 connection exceptions; 57P01–57P03 the server shutting down or
// starting; 25006 a read-only transaction (a standby after failover); 53100 disk full; 53200
// out of memory and 53300 too many connections; 57014 a statement cancelled by statement_timeout.
const postgresStates: Record<string, StorageProblem> = {
  "57P01": "unreachable",
  "57P02": "unreachable",
  "57P03": "unreachable",
  "25006": "unreachable",
  "53100": "full",
  "53200": "busy",
  "53300": "busy",
  "57014": "busy",
};

// Socket errors on the way to the database, and node-postgres's own words for a connection
// that died, timed out or was never made.
const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
const driverMessages = [
  /^Connection terminated/,
  /^Query read timeout$/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

function problemOfOne(error: unknown): StorageProblem | null {
  if (error instanceof StorageUnavailableError) return error.problem;
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) return "full";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
    if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) return "unreachable";
    if (code === "ENOSPC" || code === "EDQUOT") return "full";
    if (networkCodes.has(code)) return "unreachable";
    if (code.startsWith("08")) return "unreachable";
    const known = postgresStates[code];
    if (known) return known;
  }
  if (typeof message === "string" && driverMessages.some((pattern) => pattern.test(message))) return "unreachable";
  return null;
}

/** Why storage failed, if it is one of the outages above; follows `cause` (and AggregateError) chains. */
export function storageProblemOf(error: unknown, depth = 0): StorageProblem | null {
  if (depth > 5) return null;
  const own = problemOfOne(error);
  if (own) return own;
  if (typeof error !== "object" || error === null) return null;
  const inner = (error as { cause?: unknown }).cause;
  if (inner !== undefined) {
    const found = storageProblemOf(inner, depth + 1);
    if (found) return found;
  }
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    for (const each of errors) {
      const found = storageProblemOf(each, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** How long after a failure `/readyz` keeps saying not ready, unless a write has worked since. */
const recentMs = 15_000;

/**
 * The database's recent health as the server saw it in real queries, and a way to learn whether
 * a piece of work met an outage even when a library caught the error (Better Auth answers a
 * failed query with its own 4xx or 500; auth.routes.ts turns that into our 503).
 */
export class StorageHealth {
  #lastProblem: { problem: StorageProblem; atMs: number } | null = null;
  readonly #watching = new AsyncLocalStorage<{ problem: StorageProblem | null; isProbe: boolean }>();

  /** Called by the database layer for every failed query or connection. */
  noteError(error: unknown): void {
    const problem = storageProblemOf(error);
    if (!problem) return;
    this.#lastProblem = { problem, atMs: Date.now() };
    const watched = this.#watching.getStore();
    if (watched && watched.problem === null) watched.problem = problem;
  }

  /** Called after a write committed: the outage, if any, is over (a readiness probe's tiny write does not say so). */
  noteWriteWorked(): void {
    if (this.#watching.getStore()?.isProbe) return;
    this.#lastProblem = null;
  }

  /** The problem seen in the last few seconds, if no write has worked since. */
  recentProblem(nowMs = Date.now()): StorageProblem | null {
    const last = this.#lastProblem;
    return last && nowMs - last.atMs < recentMs ? last.problem : null;
  }

  /**
   * Runs `work` and tells which outage, if any, any query inside it met. A probe's writes do not
   * end an outage: a one-row write can fit in a page a full disk still has, while real writes fail.
   */
  async watch<T>(work: () => Promise<T>, options: { isProbe?: boolean } = {}): Promise<{ result: T; problem: StorageProblem | null }> {
    const store = { problem: null as StorageProblem | null, isProbe: options.isProbe ?? false };
    const result = await this.#watching.run(store, work);
    return { result, problem: store.problem };
  }
}

/** Thrown where we know storage failed but hold no driver error (e.g. an email that could not be written). */
export class StorageUnavailableError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StorageUnavailableError";
  }
}
