// Pure rules of the exercises module.

/** Completions and reflections are owner-only: every query is scoped to the signed-in person. */
export function completionOwnerOf(actor: { userId: string }): string {
  return actor.userId;
}

/** An empty or blank reflection is no reflection: nothing is stored for it. */
export function reflectionToStore(reflection: string | undefined): string | null {
  return reflection === undefined || reflection.trim() === "" ? null : reflection;
}
