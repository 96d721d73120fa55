// The check-in endpoints as a client uses them, and the checks every answer gets: a 200 whose
// body says what was written (or, for a replayed key, what is stored now).
import type { CurrentCheckInResponse } from "@mutual/core";
import { request, NetworkError } from "./http-client.js";
import type { Checks } from "./checks.js";
import { expectedView, type Write } from "./ledger.js";
import type { Person } from "./people.js";

export type Outcome = { answered: true; status: number; body: string } | { answered: false; reason: string };

export async function putCheckIn(baseUrl: string, person: Person, write: Write): Promise<Outcome> {
  try {
    const response = await request(baseUrl, "PUT", "/api/check-ins/current", {
      headers: { ...person.headers, "idempotency-key": write.key },
      json: write.body,
    });
    return { answered: true, status: response.status, body: response.body };
  } catch (error) {
    if (error instanceof NetworkError) return { answered: false, reason: error.message };
    throw error;
  }
}

export async function getCurrentCheckIn(baseUrl: string, person: Person): Promise<Outcome> {
  try {
    const response = await request(baseUrl, "GET", `/api/check-ins/current?timeZone=${encodeURIComponent(person.timeZone)}`, { headers: person.headers });
    return { answered: true, status: response.status, body: response.body };
  } catch (error) {
    if (error instanceof NetworkError) return { answered: false, reason: error.message };
    throw error;
  }
}

/** The parsed 200 answer, or undefined (and a failed check) for any other status or a body that is not an answer. */
export function answerOf(checks: Checks, outcome: Outcome & { answered: true }, what: string): CurrentCheckInResponse | undefined {
  if (!checks.that(outcome.status === 200, `${what}: answered ${outcome.status} ${outcome.body.slice(0, 300)}`)) return undefined;
  try {
    return JSON.parse(outcome.body) as CurrentCheckInResponse;
  } catch {
    checks.that(false, `${what}: the 200 body is not JSON: ${outcome.body.slice(0, 300)}`);
    return undefined;
  }
}

/** The answer to a write shows that write: its zone, every scored answer, its note. */
export function checkAnswerShowsWrite(checks: Checks, answer: CurrentCheckInResponse, write: Write, what: string): boolean {
  const expected = expectedView(write.body);
  return checks.equal(
    { timeZone: answer.timeZone, answers: answer.checkIn?.answers, note: answer.checkIn?.note, hasWeek: /^\d{4}-W\d{2}$/.test(answer.week) },
    { timeZone: write.body.timeZone, answers: expected.answers, note: expected.note, hasWeek: true },
    `${what} (key ${write.key}) answers with what was written`,
  );
}
