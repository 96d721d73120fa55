// Model benchmark: profile scoring throughput, and streaming psychometrics over 1,000,000 simulated
// respondents generated on the fly (never held as a matrix), with peak memory sampled during the run.
// Each figure has a baseline measured in the same run on the same rows, so the ratios survive a change
// of machine: plain per-dimension means for scoring, and the simulator alone for psychometrics.
// Run alone: npx tsx --conditions=source bench/model.ts
import { pathToFileURL } from "node:url";
import {
  addPsychometricsResponse,
  createMulberry32,
  createPsychometricsAccumulator,
  INTERDEPENDENCE_PROFILE_V1,
  mergePsychometricsAccumulators,
  scoreProfile,
  summarisePsychometrics,
  type PsychometricsAccumulator,
} from "@mutual/core";

export type BenchRow = { metric: string; value: number; unit: string; note?: string };

const PROFILE = INTERDEPENDENCE_PROFILE_V1;
const MB = 1024 * 1024;

/** Simulated respondent: one latent level per dimension, items = level + noise, reverse items mirrored. */
function createRespondentSimulator(seed: number) {
  const random = createMulberry32(seed);
  const dimensions = [...new Set(PROFILE.items.map((entry) => entry.dimension))];
  const latent = new Map<string, number>();
  const answers: Record<string, number | undefined> = {};
  // Roughly normal noise from the sum of three uniforms: cheap and good enough for a load test.
  const noise = () => (random() + random() + random() - 1.5) * 1.6;
  return (missingShare = 0): Record<string, number | undefined> => {
    for (const code of dimensions) latent.set(code, 4 + noise() * 1.4);
    for (const entry of PROFILE.items) {
      if (missingShare > 0 && random() < missingShare) {
        answers[entry.id] = undefined;
        continue;
      }
      const level = Math.round((latent.get(entry.dimension) ?? 4) + noise());
      const clamped = Math.min(7, Math.max(1, level));
      answers[entry.id] = entry.isReverse ? 8 - clamped : clamped;
    }
    return answers;
  };
}

function createMemorySampler() {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  return {
    sample(): void {
      const now = process.memoryUsage();
      if (now.rss > peakRss) peakRss = now.rss;
      if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
    },
    report: () => ({ peakRss, peakHeap, startHeap: start.heapUsed }),
  };
}

/** Run `work` over the pool in batches for `budgetMs`; returns items per second and the count. */
function measureRate(
  pool: ReadonlyArray<Record<string, number | undefined>>,
  budgetMs: number,
  work: (answers: Record<string, number | undefined>) => unknown,
): { rate: number; count: number; seconds: number } {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < budgetMs) {
    for (let index = 0; index < 500; index += 1) work(pool[(count + index) % pool.length] ?? {});
    count += 500;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: count / seconds, count, seconds };
}

/** Baseline: the least any scorer must do, a plain mean per dimension with no keying, rules or explanations. */
function createPlainMeans(): (answers: Record<string, number | undefined>) => number {
  const codes = [...new Set(PROFILE.items.map((entry) => entry.dimension))];
  const dimensionOf = PROFILE.items.map((entry) => codes.indexOf(entry.dimension));
  const sums = new Float64Array(codes.length);
  const counts = new Uint8Array(codes.length);
  return (answers) => {
    sums.fill(0);
    counts.fill(0);
    PROFILE.items.forEach((entry, index) => {
      const answer = answers[entry.id];
      if (answer === undefined) return;
      const code = dimensionOf[index] ?? 0;
      sums[code] = (sums[code] ?? 0) + answer;
      counts[code] = (counts[code] ?? 0) + 1;
    });
    let checksum = 0;
    for (let code = 0; code < codes.length; code += 1) checksum += (sums[code] ?? 0) / Math.max(1, counts[code] ?? 0);
    return checksum;
  };
}

function benchScoring(): BenchRow[] {
  const simulate = createRespondentSimulator(7);
  // A pool of copies so the scorer sees varied input without generation inside the timed loop.
  const pool = Array.from({ length: 2_000 }, () => ({ ...simulate(0.05) }));
  const plainMeans = createPlainMeans();
  let sink = 0;
  for (let index = 0; index < 2_000; index += 1) {
    scoreProfile(PROFILE, pool[index % pool.length] ?? {}); // warm-up
    sink += plainMeans(pool[index % pool.length] ?? {});
  }
  const baseline = measureRate(pool, 1_500, (answers) => (sink += plainMeans(answers)));
  const scored = measureRate(pool, 3_000, (answers) => scoreProfile(PROFILE, answers));
  return [
    {
      metric: "model.profiles_scored_per_second",
      value: Math.round(scored.rate),
      unit: "profiles/s",
      note: `scoreProfile with explanations and pattern, ${scored.count} profiles in ${scored.seconds.toFixed(2)} s, 5% skipped answers`,
    },
    {
      metric: "model.baseline_plain_means_per_second",
      value: Math.round(baseline.rate),
      unit: "profiles/s",
      note: `baseline, same run and pool: a plain mean per dimension, nothing else (checksum ${Number.isFinite(sink) ? "ok" : "bad"})`,
    },
    {
      metric: "model.scoring_cost_vs_plain_means",
      value: Number((baseline.rate / scored.rate).toFixed(1)),
      unit: "×",
      note: "how many plain-mean passes one full scoring costs: validation, keying, proration, explanations, pattern",
    },
  ];
}

/** Baseline: generate the same rows (same seeds, same missing share) and touch them, but accumulate nothing. */
function timeSimulatorOnly(respondents: number, chunks: number): number {
  const perChunk = Math.ceil(respondents / chunks);
  let sink = 0;
  const started = performance.now();
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const simulate = createRespondentSimulator(1_000 + chunk);
    const rows = Math.min(perChunk, respondents - chunk * perChunk);
    for (let row = 0; row < rows; row += 1) sink += simulate(0.02)["close-1"] ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  if (!Number.isFinite(sink)) throw new Error("simulator produced a non-number");
  return seconds;
}

function benchPsychometrics(respondents = 1_000_000, chunks = 4): BenchRow[] {
  const simulatorSeconds = timeSimulatorOnly(respondents, chunks);
  const memory = createMemorySampler();
  const started = performance.now();
  const perChunk = Math.ceil(respondents / chunks);
  const parts: PsychometricsAccumulator[] = [];
  // Chunks stand in for workers or database pages: each is accumulated alone, then merged.
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const simulate = createRespondentSimulator(1_000 + chunk);
    const acc = createPsychometricsAccumulator(PROFILE);
    const rows = Math.min(perChunk, respondents - chunk * perChunk);
    for (let row = 0; row < rows; row += 1) {
      addPsychometricsResponse(acc, simulate(0.02));
      if ((row & 0xffff) === 0) memory.sample();
    }
    parts.push(acc);
  }
  let merged = parts[0] ?? createPsychometricsAccumulator(PROFILE);
  for (const part of parts.slice(1)) merged = mergePsychometricsAccumulators(merged, part);
  const summary = summarisePsychometrics(merged);
  memory.sample();
  const seconds = (performance.now() - started) / 1000;
  const accumulateSeconds = Math.max(0, seconds - simulatorSeconds);
  const { peakRss, peakHeap, startHeap } = memory.report();
  const close = summary.find((entry) => entry.dimension === "CLOSE");
  return [
    {
      metric: "model.psychometrics_1m_seconds",
      value: Number(seconds.toFixed(3)),
      unit: "s",
      note: `${respondents} simulated respondents in ${chunks} merged chunks; alpha, item–total, alpha-if-deleted, SEM for 7 dimensions`,
    },
    {
      metric: "model.baseline_simulator_only_1m_seconds",
      value: Number(simulatorSeconds.toFixed(3)),
      unit: "s",
      note: "baseline, same run: generating the same 1,000,000 rows with nothing accumulated",
    },
    {
      metric: "model.psychometrics_accumulate_seconds",
      value: Number(accumulateSeconds.toFixed(3)),
      unit: "s",
      note: "the psychometrics' own cost: total minus the simulator baseline",
    },
    {
      metric: "model.psychometrics_ratio_to_simulator",
      value: Number((seconds / simulatorSeconds).toFixed(2)),
      unit: "×",
      note: "total time over generating the rows alone",
    },
    {
      metric: "model.psychometrics_rows_per_second",
      value: Math.round(respondents / seconds),
      unit: "rows/s",
      note: `accumulation alone: ${Math.round(respondents / Math.max(accumulateSeconds, 1e-9))} rows/s`,
    },
    { metric: "model.psychometrics_peak_rss", value: Number((peakRss / MB).toFixed(1)), unit: "MB", note: "process resident set, sampled every 65,536 rows" },
    {
      metric: "model.psychometrics_peak_heap_growth",
      value: Number(((peakHeap - startHeap) / MB).toFixed(2)),
      unit: "MB",
      note: "bounded: accumulators hold O(items²) numbers, not rows",
    },
    {
      metric: "model.psychometrics_close_alpha",
      value: Number((close?.alpha ?? Number.NaN).toFixed(4)),
      unit: "alpha",
      note: `sanity check on simulated data; n=${close?.n ?? 0} complete CLOSE rows`,
    },
  ];
}

/** Run the model benchmarks and return one row per figure. */
export async function runModelBench(): Promise<BenchRow[]> {
  return [...benchScoring(), ...benchPsychometrics()];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runModelBench();
  for (const row of rows)
    console.log(`${row.metric.padEnd(40)} ${String(row.value).padStart(12)} ${row.unit}${row.note === undefined ? "" : `  (${row.note})`}`);
}
