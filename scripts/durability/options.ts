// The durability run's inputs (CLI flags and DURABILITY_* variables), validated before anything
// starts: a typo in a seed or a count must stop the run with a plain message, not run something else.
import { randomBytes } from "node:crypto";

export type DialectName = "sqlite" | "postgres";

export type DurabilityOptions = {
  mode: "short" | "full";
  dialects: DialectName[];
  /** Kill/restart cycles per dialect. */
  cycles: number;
  /** People writing at once. */
  people: number;
  /** Replays the same schedule of values, keys, retries and kill delays (see decision 019). */
  seed: string;
  postgresUrl: string;
  /** Where to write the per-dialect counts as JSON (for scripts/run-tests.ts), if anywhere. */
  summaryFile: string | undefined;
};

export const usage = `Usage: tsx scripts/durability/run.ts [--short] [--dialect=sqlite|postgres] [--summary-file=PATH]
Environment: DURABILITY_SEED (1-64 letters, digits, - or _), DURABILITY_CYCLES (1-1000 per dialect),
             DURABILITY_PEOPLE (1-32), TEST_DATABASE_URL (postgres://…, default postgres://localhost/test)`;

const defaults = { short: { cycles: 4, people: 5 }, full: { cycles: 30, people: 8 } } as const;

function boundedInteger(name: string, raw: string | undefined, min: number, max: number, fallback: number, problems: string[]): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

/** Parses argv (without node and the script) and the environment; throws with every problem listed. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): DurabilityOptions {
  const problems: string[] = [];
  let mode: "short" | "full" = "full";
  let dialects: DialectName[] = ["sqlite", "postgres"];
  let summaryFile: string | undefined;
  for (const argument of argv) {
    const [flag, value] = argument.includes("=")
      ? [argument.slice(0, argument.indexOf("=")), argument.slice(argument.indexOf("=") + 1)]
      : [argument, undefined];
    if (flag === "--short" && value === undefined) mode = "short";
    else if (flag === "--dialect" && (value === "sqlite" || value === "postgres")) dialects = [value];
    else if (flag === "--summary-file" && value !== undefined && value.trim() !== "") summaryFile = value;
    else problems.push(`unknown or malformed argument "${argument}"`);
  }
  const seed = env.DURABILITY_SEED?.trim() || randomBytes(8).toString("hex");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(seed)) problems.push(`DURABILITY_SEED must be 1-64 letters, digits, - or _ (got "${seed}")`);
  const cycles = boundedInteger("DURABILITY_CYCLES", env.DURABILITY_CYCLES, 1, 1000, defaults[mode].cycles, problems);
  const people = boundedInteger("DURABILITY_PEOPLE", env.DURABILITY_PEOPLE, 1, 32, defaults[mode].people, problems);
  const postgresUrl = env.TEST_DATABASE_URL?.trim() || "postgres://localhost/test";
  if (!/^postgres(ql)?:\/\//.test(postgresUrl)) problems.push(`TEST_DATABASE_URL must start with postgres:// or postgresql:// (got "${postgresUrl}")`);
  if (problems.length > 0) throw new Error(`Invalid durability options:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\n${usage}`);
  return { mode, dialects, cycles, people, seed, postgresUrl, summaryFile };
}
