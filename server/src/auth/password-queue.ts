import pLimit from "p-limit";

// Password hashes and checks wait their turn (decision 041). Each is a scrypt that holds 32 MiB
// while it runs on Node's thread pool, which would run four at once: a burst of sign-ins took the
// server to 212–269 MB. One queue for the whole process, first come first served, so the memory it
// bounds is the process's and a burst is answered in the order it came.

/** What Node's thread pool would run at once without the queue. */
export const MAX_PASSWORD_HASHES_AT_ONCE = 4;

// Until createAuth sets the operator's figure (config.ts: PASSWORD_HASHES_AT_ONCE, 1 by default).
const queue = pLimit(1);

/** How many hashes or checks may run at once (the operator's PASSWORD_HASHES_AT_ONCE). */
export function setPasswordHashesAtOnce(count: number): void {
  queue.concurrency = Math.min(MAX_PASSWORD_HASHES_AT_ONCE, Math.max(1, Math.floor(count)));
}

/** Runs one password hash or check when its turn comes. */
export function inPasswordQueue<T>(work: () => Promise<T>): Promise<T> {
  return queue(work);
}
