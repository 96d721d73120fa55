import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  findPracticeExercise,
  localizeExercise,
  type Language,
  suggestExercises,
  type ExerciseCompletion,
  type ExerciseCompletionListResponse,
  type ExerciseListResponse,
  type PracticeExercise,
  type PracticeId,
} from "@mutual/core";
import type { DB } from "../../db/schema.js";
import { notFound } from "../../domain/errors.js";
import type { Clock } from "../../platform/clock.js";
import type { Keyring } from "../../platform/crypto.js";
import { getPracticeGuidance } from "../assessment/index.js";
import { requireConsent } from "../consent/index.js";
import { findUserDataKey, getOrCreateUserDataKey, openText, sealText, type DataKey } from "../data-keys/index.js";
import { findEarlierResult, rememberResult, requireValidIdempotencyKey, type IdempotentRequest } from "../idempotency/index.js";
import { reflectionToStore } from "./exercises.policy.js";
import { presentCompletion, presentExercise } from "./exercises.presenter.js";
import { findCompletion, insertCompletion, listCompletions, listReflectedCompletions, type CompletionRecord } from "./exercises.repository.js";

export type ExercisesDeps = { db: Kysely<DB>; kek: Keyring; clock: Clock };

const reflectionBinding = (userId: string, completionId: string) => `exercise-reflection:${userId}:${completionId}`;

/** An exercise's title in the language of the page it is shown on. */
const titleIn = (exercise: PracticeExercise, language: Language) => localizeExercise(exercise, language).title;

function requireExercise(exerciseId: string) {
  const exercise = findPracticeExercise(exerciseId);
  if (!exercise) throw notFound("There is no exercise with that id.");
  return exercise;
}

function openReflection(dataKey: DataKey | null, userId: string, record: CompletionRecord): string | null {
  if (record.reflectionSealed === null || record.reflectionKeyId === null) return null;
  if (dataKey === null) throw new Error("A sealed reflection exists without its data key");
  return openText(dataKey, record.reflectionSealed, record.reflectionKeyId, reflectionBinding(userId, record.id));
}

/** Every exercise, marked as suggested or held back from the person's latest profile, with their completions. */
export async function listExercises(deps: ExercisesDeps, userId: string, language: Language = "en"): Promise<ExerciseListResponse> {
  const [guidance, completions] = await Promise.all([getPracticeGuidance(deps.db, userId, language), listCompletions(deps.db, userId)]);
  const byExercise = new Map<string, CompletionRecord[]>();
  for (const completion of completions) byExercise.set(completion.exerciseId, [...(byExercise.get(completion.exerciseId) ?? []), completion]);
  const suggestions = suggestExercises(guidance, { completedIds: new Set(byExercise.keys()) });
  return {
    exercises: suggestions.map((suggestion) =>
      presentExercise(
        { ...suggestion, exercise: localizeExercise(suggestion.exercise, language) },
        (byExercise.get(suggestion.exercise.id) ?? []).map((completion) => ({
          id: completion.id,
          completedAtMs: completion.completedAtMs,
          hasReflection: completion.reflectionSealed !== null,
        })),
      ),
    ),
  };
}

const completeRoute = "POST /api/exercises/:exerciseId/completions";

/**
 * Marks an exercise done, with an optional private reflection sealed under the person's data key.
 * With an Idempotency-Key, a retry of the same request stores nothing more and answers with the
 * completion the first one stored (re-read: the key keeps only its id).
 */
export async function completeExercise(
  deps: ExercisesDeps,
  userId: string,
  exerciseId: string,
  reflection: string | undefined,
  idempotencyKey?: string,
): Promise<ExerciseCompletion> {
  const exercise = requireExercise(exerciseId);
  const text = reflectionToStore(reflection);
  if (idempotencyKey !== undefined) requireValidIdempotencyKey(idempotencyKey);
  const idempotent =
    idempotencyKey === undefined
      ? undefined
      : { userId, key: idempotencyKey, route: completeRoute, request: { exerciseId: exercise.id, reflection: reflection ?? null } };
  if (idempotent) {
    const earlier = await replay(deps, userId, idempotent);
    if (earlier) return earlier;
  }
  await requireConsent(deps.db, userId);
  const completedAtMs = deps.clock.now().getTime();
  const id = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const sealed = text === null ? null : sealText(await getOrCreateUserDataKey(trx, deps.kek, userId, completedAtMs), text, reflectionBinding(userId, id));
      await insertCompletion(trx, {
        id,
        userId,
        exerciseId: exercise.id,
        completedAtMs,
        reflectionSealed: sealed?.sealed ?? null,
        reflectionKeyId: sealed?.keyId ?? null,
      });
      if (idempotent) await rememberResult(trx, deps.kek, { ...idempotent, reference: id, nowMs: completedAtMs });
    });
  } catch (error) {
    // Two retries racing: the loser's insert of the same key fails (its completion with it); answer as the winner did.
    if (idempotent) {
      const earlier = await replay(deps, userId, idempotent);
      if (earlier) return earlier;
    }
    throw error;
  }
  return presentCompletion({ id, exerciseId: exercise.id, completedAtMs, reflection: text });
}

async function replay(deps: ExercisesDeps, userId: string, request: IdempotentRequest): Promise<ExerciseCompletion | undefined> {
  const completionId = await findEarlierResult(deps.db, deps.kek, request);
  if (completionId === undefined) return undefined;
  const record = await findCompletion(deps.db, userId, completionId);
  if (!record) return undefined;
  const dataKey = record.reflectionSealed === null ? null : await findUserDataKey(deps.db, deps.kek, userId);
  return presentCompletion({
    id: record.id,
    exerciseId: record.exerciseId,
    completedAtMs: record.completedAtMs,
    reflection: openReflection(dataKey, userId, record),
  });
}

/** The person's completions of one exercise, with reflections decrypted (owner only). */
export async function listExerciseCompletions(deps: ExercisesDeps, userId: string, exerciseId: string): Promise<ExerciseCompletionListResponse> {
  const exercise = requireExercise(exerciseId);
  const records = await listCompletions(deps.db, userId, exercise.id);
  const dataKey = records.some((record) => record.reflectionSealed !== null) ? await findUserDataKey(deps.db, deps.kek, userId) : null;
  return {
    completions: records.map((record) =>
      presentCompletion({
        id: record.id,
        exerciseId: record.exerciseId,
        completedAtMs: record.completedAtMs,
        reflection: openReflection(dataKey, userId, record),
      }),
    ),
  };
}

export type ExportedCompletion = {
  id: string;
  exerciseId: string;
  practice: string | null;
  title: string | null;
  completedAt: string;
  reflection: string | null;
};

/** Every completion of the person with reflections decrypted, for their own data export only. */
export async function listCompletionsForExport(db: Kysely<DB>, kek: Keyring, userId: string, language: Language = "en"): Promise<ExportedCompletion[]> {
  const records = await listCompletions(db, userId);
  const dataKey = records.some((record) => record.reflectionSealed !== null) ? await findUserDataKey(db, kek, userId) : null;
  return records.map((record) => {
    const exercise = findPracticeExercise(record.exerciseId);
    return {
      id: record.id,
      exerciseId: record.exerciseId,
      practice: exercise?.practice ?? null,
      title: exercise ? titleIn(exercise, language) : null,
      completedAt: new Date(record.completedAtMs).toISOString(),
      reflection: openReflection(dataKey, userId, record),
    };
  });
}

export type CompletedExercise = { exerciseId: string; title: string; practice: PracticeId; completedAtMs: number };

/**
 * Which exercises a person completed and when, oldest first, never a reflection nor whether one
 * exists: for a partner they share exercises with. Reads with the given connection (a caller's transaction).
 */
export async function listCompletedExercisesOf(db: Kysely<DB>, userId: string, language: Language = "en"): Promise<CompletedExercise[]> {
  const records = await listCompletions(db, userId);
  return records.flatMap((record) => {
    const exercise = findPracticeExercise(record.exerciseId);
    return exercise ? [{ exerciseId: exercise.id, title: titleIn(exercise, language), practice: exercise.practice, completedAtMs: record.completedAtMs }] : [];
  });
}

export type ExerciseReflection = { exerciseId: string; title: string; practice: PracticeId; completedAtMs: number; text: string };

/**
 * A person's exercise reflections written since `sinceMs`, newest first, at most `limit`,
 * decrypted: for their counsellor while they share the notes scope (decision 015). The caller
 * checks that scope and audits the read in the same transaction, whose connection this reads with.
 * A completion of an exercise no longer in the catalogue is left out (it has no title to show).
 */
export async function listReflectionsOf(
  db: Kysely<DB>,
  kek: Keyring,
  userId: string,
  bounds: { sinceMs: number; limit: number },
  language: Language = "en",
): Promise<ExerciseReflection[]> {
  const records = await listReflectedCompletions(db, userId, bounds.sinceMs, bounds.limit);
  if (records.length === 0) return [];
  const dataKey = await findUserDataKey(db, kek, userId);
  return records.flatMap((record) => {
    const exercise = findPracticeExercise(record.exerciseId);
    const text = openReflection(dataKey, userId, record);
    return exercise && text !== null
      ? [{ exerciseId: exercise.id, title: titleIn(exercise, language), practice: exercise.practice, completedAtMs: record.completedAtMs, text }]
      : [];
  });
}
