import type { Database } from "../../db/database.js";
import { runRound, type JobLogger, type RoundOutcome } from "../../platform/scheduled-job.js";
import { rebuildAllScoreRows } from "../assessment/index.js";
import { rebuildLatestDeclines } from "../check-in/index.js";
import { clearAllClientSummaries } from "../client-summary/index.js";

// Rows derived from people's answers and check-ins (score and safety rows, the latest check-in's
// decline, the dashboard's summaries: decisions 016, 018, 035) are kept by the writes that change
// them. When a rule that shapes them changes, the rows already stored must follow: that is live
// code's work, here, not a migration's. Migrations are frozen in time and never import application
// code, or a fresh install and an upgraded one could end up different (issue 20, decision 040 is
// issue 21's; this is decision 052).
//
// Each derivation has a version, named by the date its rule last changed. At start-up, after the
// migrations, every derivation whose version has not run on this database rebuilds its rows once:
// through the scheduled-job rounds (decision 021), keyed by the version, so with several servers
// one does it and the others find it done. A fresh database rebuilds nothing and records the
// version; an upgraded one rebuilds once.

type Derivation = { name: string; version: string; rebuild: Parameters<typeof runRound>[1]["work"] };

/** Bump a version when its rule changes: every stored row of it is rebuilt at the next start. */
export const derivations: readonly Derivation[] = [
  {
    // Scores, pattern, shareable flags, packed answers (decision 022) and the safety check's
    // result, including a neutral answer to harm and a skipped check (decision 034).
    name: "derived-rows:score-rows",
    version: "2026-12-07",
    rebuild: async (trx) => ({ assessments: await rebuildAllScoreRows(trx) }),
  },
  {
    // Whether a pulse showed a sustained decline as of the latest check-in (decision 035).
    name: "derived-rows:latest-check-in-decline",
    version: "2026-12-07",
    rebuild: async (trx) => ({ people: await rebuildLatestDeclines(trx) }),
  },
  {
    // The dashboard's summary rows carry both of the above: forgotten, and computed again by each
    // practice's next dashboard read (decision 018). Listed last, so it follows the others.
    name: "derived-rows:client-summaries",
    version: "2026-12-07",
    rebuild: async (trx) => ({ cleared: await clearAllClientSummaries(trx) }),
  },
];

/** Rebuilds, once per version and database, the derived rows whose rules changed. Run after migrations. */
export async function bringDerivedRowsUpToDate(database: Database, logger: JobLogger, now = new Date()): Promise<RoundOutcome[]> {
  const outcomes: RoundOutcome[] = [];
  for (const derivation of derivations) {
    const outcome = await runRound(database, { name: derivation.name, work: derivation.rebuild }, derivation.version, now);
    if (outcome.ran) logger.info({ job: derivation.name, version: derivation.version, result: outcome.result }, "Derived rows brought up to date");
    outcomes.push(outcome);
  }
  return outcomes;
}
