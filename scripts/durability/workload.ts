// The load phase of one cycle: every person writes check-ins one after another (sometimes the
// same request twice at once, as a client retrying on a slow network; sometimes a replay of an
// earlier key) until the server is SIGKILLed at a seeded moment.
import { isDeepStrictEqual } from "node:util";
import type { CurrentCheckInResponse } from "@mutual/core";
import { answerOf, checkAnswerShowsWrite, putCheckIn } from "./check-in-api.js";
import type { Checks } from "./checks.js";
import { acknowledge, randomWrite, type PersonLedger } from "./ledger.js";
import type { Random } from "./random.js";
import type { RunningServer } from "./server-process.js";

const racingDuplicateChance = 0.15;
const replayChance = 0.1;

/** Writes until the server dies; resolves when every person's last request has ended. */
export async function writeUntilKilled(input: {
  baseUrl: string;
  ledgers: PersonLedger[];
  randoms: Random[];
  checks: Checks;
  server: RunningServer;
  killAfterMs: number;
}): Promise<void> {
  let stopped = false;
  const writers = input.ledgers.map((ledger, index) => {
    const random = input.randoms[index];
    if (random === undefined) throw new Error("one random stream per person");
    return writeOneByOne(input.baseUrl, ledger, random, input.checks, () => stopped);
  });
  await new Promise((resolve) => setTimeout(resolve, input.killAfterMs));
  stopped = true;
  await input.server.kill();
  await Promise.all(writers);
}

async function writeOneByOne(baseUrl: string, ledger: PersonLedger, random: Random, checks: Checks, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    if (ledger.acknowledged.length > 0 && random.chance(replayChance)) {
      if (!(await replayEarlierKey(baseUrl, ledger, random, checks))) return;
      continue;
    }
    ledger.writesMade += 1;
    const write = randomWrite(random, ledger.person, ledger.writesMade);
    // Pending from the moment it is sent: if no answer arrives, only a retry after restart tells.
    ledger.pending = write;
    const copies = random.chance(racingDuplicateChance) ? 2 : 1;
    if (copies === 2) checks.counts.retriedKeys += 1;
    const outcomes = await Promise.all(Array.from({ length: copies }, () => putCheckIn(baseUrl, ledger.person, write)));
    const answers: CurrentCheckInResponse[] = [];
    for (const outcome of outcomes) {
      if (!outcome.answered) continue;
      const answer = answerOf(checks, outcome, "a check-in write");
      if (answer === undefined) return;
      answers.push(answer);
    }
    const [first] = answers;
    if (first === undefined) return; // The server died with this write in flight.
    if (answers.length === 2) checks.equal(answers[1], first, `two racing requests with key ${write.key} get the same answer`);
    checkAnswerShowsWrite(checks, first, write, "a check-in write");
    acknowledge(ledger, write, first);
    checks.counts.acknowledgedWrites += 1;
  }
}

/** Replays an acknowledged key: it must write nothing and answer with the week as last acknowledged. False once the server is gone. */
export async function replayEarlierKey(baseUrl: string, ledger: PersonLedger, random: Random, checks: Checks): Promise<boolean> {
  const earlier = random.pick(ledger.acknowledged);
  checks.counts.retriedKeys += 1;
  const outcome = await putCheckIn(baseUrl, ledger.person, earlier);
  if (!outcome.answered) return false;
  const answer = answerOf(checks, outcome, `a replay of key ${earlier.key}`);
  if (answer === undefined) return false;
  const expected = ledger.latest.get(earlier.week);
  checks.that(
    isDeepStrictEqual(answer, expected),
    `a replay of key ${earlier.key} (week ${earlier.week}) answers with the week's last acknowledged answer\n      expected ${JSON.stringify(expected)}\n      got      ${JSON.stringify(answer)}`,
  );
  return true;
}
