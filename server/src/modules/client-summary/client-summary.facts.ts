// What the summary rows say, as types the module's repositories share (decision 018, 063).
import type { CounsellingScope } from "@mutual/core";

/** Score columns, lower case, as assessment_score names them; the summary keeps latest − intake of each as d_<column>. */
export const SUMMARY_SCORE_COLUMNS = ["close", "support", "accept", "voice", "self", "ties", "rely", "we", "me", "codependency"] as const;
export type SummaryScoreColumn = (typeof SUMMARY_SCORE_COLUMNS)[number];

/** One score's reliable-deterioration test: (latest − intake) / sDiff beyond the critical RCI, in the worse direction. */
export type DeteriorationTest = { column: SummaryScoreColumn; sDiff: number; critical: number; lowerIsBetter: boolean };

export type MemberSummary = {
  clientId: string;
  name: string;
  scopes: readonly CounsellingScope[];
  checkInAt: number | null;
  latest: { we: number | null; me: number | null; flagIds: string[]; safety: boolean } | null;
  deteriorated: boolean;
  /** A pulse in a sustained decline as of the latest check-in (stored only with the check-ins scope). */
  declining: boolean;
  /** Flags (and safety, where shared) of the latest profile completed by the counsellor's last look. */
  seen: { flagIds: string[]; safety: boolean } | null;
};
