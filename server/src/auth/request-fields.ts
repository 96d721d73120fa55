// Input checks on Better Auth's own endpoints, which take what their body or query holds with
// less care than our zod contracts: a NUL character (PostgreSQL text cannot hold one, so the
// lookup failed with a 500) and the person's name (any type or length was stored, or failed
// with a 500 on SQLite). Found by the contract fuzz (issue 7).

import { chosenNameProblem, displayNameRules } from "@mutual/core";

/** The longest name the sign-up form takes; the server holds every path to it. */
export const personNameMaxLength = displayNameRules.maxLength;

/** True when any string in the value (keys included, at any depth) holds a NUL character. */
export function holdsNulCharacter(value: unknown): boolean {
  const pending: unknown[] = [value];
  // A loop, not recursion: a body nested a thousand deep must not cost the stack.
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (next.includes("\u0000")) return true;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (next !== null && typeof next === "object") {
      for (const [key, entry] of Object.entries(next)) {
        if (key.includes("\u0000")) return true;
        pending.push(entry);
      }
    }
  }
  return false;
}

/**
 * What is wrong with a name given at sign-up or to update-user, or null when it is fine. On
 * update-user a name is the only field a person may change (there are no pictures in Mutual).
 */
export function personFieldsProblem(path: string, body: Record<string, unknown> | undefined): string | null {
  if (path !== "/sign-up/email" && path !== "/update-user") return null;
  if (path === "/update-user" && Object.keys(body ?? {}).some((key) => key !== "name")) return "Only your name can be changed here.";
  const name = body?.name;
  if (name === undefined && path === "/update-user") return "Give a name.";
  if (typeof name !== "string") return "Give a name.";
  const problem = chosenNameProblem(name, personNameMaxLength);
  if (problem === "not-one-line") return "A name is one line of text.";
  return problem === null ? null : `Give a name of up to ${personNameMaxLength} characters.`;
}
