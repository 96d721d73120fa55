// People writing check-ins as the web app does through an outage: each write carries its
// Idempotency-Key and is sent again, with the same key, until it is acknowledged. Every answer is
// recorded with its status and how long it took, so the proofs can say "only 200 or 503, each
// within the bound" and, at the end, that every acknowledged write is in the database.
import { answerOf, checkAnswerShowsWrite, putCheckIn } from "../durability/check-in-api.js";
import type { Checks } from "../durability/checks.js";
import { acknowledge, randomWrite, type PersonLedger } from "../durability/ledger.js";
import type { Random } from "../durability/random.js";

export type Answer = { atMs: number; status: number | "no answer"; ms: number; code?: string; retryAfter?: boolean };

export type Writers = {
  answers: Answer[];
  /** Stops after every person's write in hand is acknowledged (or `giveUpMs` passes). */
  stop(giveUpMs: number): Promise<void>;
};

const retryDelayMs = 250;

export function startWriters(input: { baseUrl: string; ledgers: PersonLedger[]; randoms: Random[]; checks: Checks }): Writers {
  const answers: Answer[] = [];
  let stopping = false;
  let giveUpAt = Number.POSITIVE_INFINITY;
  const loops = input.ledgers.map(async (ledger, index) => {
    const random = input.randoms[index];
    if (!random) throw new Error("one random stream per person");
    while (!stopping) {
      ledger.writesMade += 1;
      const write = randomWrite(random, ledger.person, ledger.writesMade);
      ledger.pending = write;
      // The same write, with the same key, until it is acknowledged.
      for (;;) {
        const started = performance.now();
        const outcome = await putCheckIn(input.baseUrl, ledger.person, write);
        const ms = performance.now() - started;
        if (!outcome.answered) {
          answers.push({ atMs: Date.now(), status: "no answer", ms });
        } else {
          const code = /"code":"([A-Z_]+)"/.exec(outcome.body)?.[1];
          answers.push({ atMs: Date.now(), status: outcome.status, ms, ...(code ? { code } : {}) });
          if (outcome.status === 200) {
            const answer = answerOf(input.checks, outcome, "a check-in write");
            if (answer && checkAnswerShowsWrite(input.checks, answer, write, "a check-in write")) acknowledge(ledger, write, answer);
            input.checks.counts.acknowledgedWrites += 1;
            break;
          }
        }
        if (Date.now() > giveUpAt) return;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  });
  return {
    answers,
    async stop(giveUpMs) {
      stopping = true;
      giveUpAt = Date.now() + giveUpMs;
      await Promise.all(loops);
    },
  };
}

/** What came back in a time window: counts by status (and error code), and the slowest answer. */
export function summarise(
  answers: readonly Answer[],
  fromMs = 0,
  toMs = Number.POSITIVE_INFINITY,
): { byStatus: Record<string, number>; slowestMs: number; count: number } {
  const inWindow = answers.filter((answer) => answer.atMs >= fromMs && answer.atMs <= toMs);
  const byStatus: Record<string, number> = {};
  for (const answer of inWindow) {
    const key = answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  return { byStatus, slowestMs: Math.round(Math.max(0, ...inWindow.map((answer) => answer.ms))), count: inWindow.length };
}
