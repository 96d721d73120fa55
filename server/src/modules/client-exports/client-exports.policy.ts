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

/**
 * A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return, or any whitespace before one of those four, since spreadsheets trim leading spaces
 * before deciding) gets a leading apostrophe, which shows the text as typed.
 */
export function neutraliseCell(value: string): string {
  return /^(?:[\t\r]|\s*[=+\-@])/u.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: always quoted, inner quotes doubled, formula starts neutralised. */
export function csvField(value: string | number | null): string {
  if (value === null) return '""';
  const text = typeof value === "number" ? String(value) : neutraliseCell(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * RFC 4180 text: CRLF after every record, UTF-8 byte order mark first so spreadsheets read
 * names in any script. Numbers are written as numbers (a negative number is data, not a formula).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return csvHeader(header) + csvRecords(rows);
}

/** The start of a CSV file sent in parts: the byte order mark and the header record. */
export function csvHeader(header: readonly string[]): string {
  return `\uFEFF${header.map(csvField).join(",")}\r\n`;
}

/** Records of a CSV file, each ending with CRLF (empty for no rows), to follow `csvHeader`. */
export function csvRecords(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
