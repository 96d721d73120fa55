// Counts every check that ran and keeps the failures with where they happened, so the summary
// can say how much was proven and a failure says which cycle (and seed) to replay.
import { isDeepStrictEqual } from "node:util";

export type Counts = {
  cycles: number;
  cyclesPassed: number;
  cyclesFailed: number;
  acknowledgedWrites: number;
  /** Requests repeating an Idempotency-Key: racing duplicates, retries of writes cut off by a kill, replays of acknowledged keys. */
  retriedKeys: number;
  /** Writes in flight when the server died, later retried with their key. */
  unansweredWrites: number;
  /** Of those, how many had committed before the kill (the retry replayed them, wrote nothing). */
  committedBeforeKill: number;
  checksPassed: number;
  checksFailed: number;
};

export function newCounts(): Counts {
  return {
    cycles: 0,
    cyclesPassed: 0,
    cyclesFailed: 0,
    acknowledgedWrites: 0,
    retriedKeys: 0,
    unansweredWrites: 0,
    committedBeforeKill: 0,
    checksPassed: 0,
    checksFailed: 0,
  };
}

export class Checks {
  readonly failures: string[] = [];
  context = "";

  constructor(readonly counts: Counts) {}

  that(condition: boolean, what: string): boolean {
    if (condition) this.counts.checksPassed += 1;
    else {
      this.counts.checksFailed += 1;
      this.failures.push(`${this.context}: ${what}`);
    }
    return condition;
  }

  equal(actual: unknown, expected: unknown, what: string): boolean {
    return this.that(isDeepStrictEqual(actual, expected), `${what}\n      expected ${JSON.stringify(expected)}\n      got      ${JSON.stringify(actual)}`);
  }
}
