// Pure rules of a counsellor's exports and report (decision 017): what each consented scope
// carries, and CSV that a spreadsheet reads as data, never as formulas. No I/O; unit-tested.
import type { ClientKind, CounsellingScope } from "@mutual/core";

/** A person of one of the counsellor's clients who shares their profile now. */
export type ProfileSharingPerson = { clientId: string; kind: ClientKind; userId: string; name: string };

/** What leaves for one person of the client, from the scopes they share right now. */
export type ExportContent = {
  /** Scores, pattern, and answers to every item but the safety check's. */
  profile: boolean;
  /** The safety check's answers and whether it raised a concern. */
  safety: boolean;
  checkIns: boolean;
  /** Check-in notes and exercise reflections. */
  notes: boolean;
};

export function exportContentOf(scopes: readonly CounsellingScope[]): ExportContent {
  return { profile: scopes.includes("profile"), safety: scopes.includes("safety"), checkIns: scopes.includes("check-ins"), notes: scopes.includes("notes") };
}

/** The scopes an export of these kinds carries for a person: one audit row each. */
export function carriedScopes(content: ExportContent, kinds: { profiles: boolean; checkIns: boolean; notes: boolean }): CounsellingScope[] {
  const scopes: CounsellingScope[] = [];
  if (kinds.profiles && content.profile) scopes.push("profile");
  if (kinds.profiles && content.safety) scopes.push("safety");
  if (kinds.checkIns && content.checkIns) scopes.push("check-ins");
  if (kinds.notes && content.notes) scopes.push("notes");
  return scopes;
}
