// Scenes shared by the privacy tests: an "owner" whose private data is marked with canaries,
// people around them, and the words that must never reach anyone but the owner.
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { INTERDEPENDENCE_PROFILE_V1 } from "@mutual/core";
import { getMe, sameOrigin, signUp, type TestPerson } from "../auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../assessment-helpers.js";

export const timeZone = "Asia/Singapore";

/** A solo exercise (joint ones are paused for a person whose safety check raised a concern). */
export const soloExerciseId = "speak-up-draft-it-first";

const safeItems = INTERDEPENDENCE_PROFILE_V1.items.filter((item) => item.dimension === "SAFE");

/** The SAFE item ids as they appear in JSON ("safe-1" with its quotes). */
export const safeItemIdsQuoted = safeItems.map((item) => JSON.stringify(item.id));

/** The SAFE questions' wording, as asked and as quoted back in a safety explanation. */
export const safeItemWordings = safeItems.flatMap((item) => [item.text, item.plain]);

/**
 * Words of the private safety flag's explanation (core's deriveSafetyFlag). The owner's own
 * profile must contain them, which keeps this string honest if core rewords the flag.
 */
export const safetyExplanationWords = "may not always feel safe with your partner";

/** The most worrying answer to every SAFE item: 7 = strongly agree, 1 on the reverse-keyed one. */
export const worryingAnswers = fullAnswers((itemId, isSafe) => {
  if (!isSafe) return 4;
  const item = safeItems.find((entry) => entry.id === itemId);
  return item?.isReverse ? 1 : 7;
});

/** No concern at all on the SAFE items. */
export const calmAnswers = fullAnswers((itemId, isSafe) => {
  if (!isSafe) return 5;
  const item = safeItems.find((entry) => entry.id === itemId);
  return item?.isReverse ? 7 : 1;
});

const checkInAnswers = { spokeUp: 2, feltHeard: 3, backedPartner: 4, feltBacked: 2, friendsFamilyHours: 3, wePulse: 4, mePulse: 3 };

function tag(): string {
  return randomBytes(6).toString("hex");
}

export type Person = TestPerson & { userId: string };

/** A person with a name nobody else's name contains. */
export async function newPerson(app: FastifyInstance, role: string): Promise<Person> {
  const id = tag();
  const person = await signUp(app, {
    email: `${role.toLowerCase()}.${id}@example.test`,
    password: `harbour kettle meadow ${id}`,
    name: `${role} ${id}`,
  });
  const me = await getMe(app, person.cookie);
  if (me.statusCode !== 200) throw new Error(`me failed: ${me.statusCode} ${me.body}`);
  return { ...person, userId: me.json<{ user: { id: string } }>().user.id };
}

export type Owner = Person & {
  assessmentId: string;
  noteCanary: string;
  reflectionCanary: string;
  /** The ISO week of the owner's check-in, e.g. "2026-W48". */
  checkInWeek: string;
};

/**
 * A person with a completed profile whose private safety check raised a concern, a check-in
 * with a private note and a completed exercise with a private reflection, each note and
 * reflection carrying its own canary.
 */
export async function newOwner(app: FastifyInstance, role = "Owner"): Promise<Owner> {
  const person = await newPerson(app, role);
  const assessmentId = await completeProfileVia(app, person.cookie, worryingAnswers);
  const noteCanary = `note-canary-${tag()}`;
  const reflectionCanary = `reflection-canary-${tag()}`;
  const checkIn = await app.inject({
    method: "PUT",
    url: "/api/check-ins/current",
    headers: { ...sameOrigin, cookie: person.cookie },
    payload: { timeZone, answers: { ...checkInAnswers, note: `Private: ${noteCanary}` } },
  });
  if (checkIn.statusCode !== 200) throw new Error(`check-in failed: ${checkIn.statusCode} ${checkIn.body}`);
  const completion = await app.inject({
    method: "POST",
    url: `/api/exercises/${soloExerciseId}/completions`,
    headers: { ...sameOrigin, cookie: person.cookie },
    payload: { reflection: `Private: ${reflectionCanary}` },
  });
  if (completion.statusCode !== 201) throw new Error(`completion failed: ${completion.statusCode} ${completion.body}`);
  return { ...person, assessmentId, noteCanary, reflectionCanary, checkInWeek: checkIn.json<{ week: string }>().week };
}

/** A person with a completed profile and no safety concern, and nothing else. */
export async function newCalmPerson(app: FastifyInstance, role: string): Promise<Person> {
  const person = await newPerson(app, role);
  await completeProfileVia(app, person.cookie, calmAnswers);
  return person;
}
