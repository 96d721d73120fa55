// Model benchmark: profile scoring throughput, and streaming psychometrics over 1,000,000 simulated
// respondents generated on the fly (never held as a matrix), with peak memory sampled during the run.
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

function benchScoring(): BenchRow[] {
  const simulate = createRespondentSimulator(7);
  // A pool of copies so the scorer sees varied input without generation inside the timed loop.
  const pool = Array.from({ length: 2_000 }, () => ({ ...simulate(0.05) }));
  for (let index = 0; index < 2_000; index += 1) scoreProfile(PROFILE, pool[index % pool.length] ?? {}); // warm-up
  const budgetMs = 3_000;
  let scored = 0;
  const started = performance.now();
  while (performance.now() - started < budgetMs) {
    for (let index = 0; index < 500; index += 1) scoreProfile(PROFILE, pool[(scored + index) % pool.length] ?? {});
    scored += 500;
  }
  const seconds = (performance.now() - started) / 1000;
  return [{ metric: "model.profiles_scored_per_second", value: Math.round(scored / seconds), unit: "profiles/s", note: `scoreProfile with explanations and pattern, ${scored} profiles in ${seconds.toFixed(2)} s, 5% skipped answers` }];
}

function benchPsychometrics(respondents = 1_000_000, chunks = 4): BenchRow[] {
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
  const { peakRss, peakHeap, startHeap } = memory.report();
  const close = summary.find((entry) => entry.dimension === "CLOSE");
  return [
    { metric: "model.psychometrics_1m_seconds", value: Number(seconds.toFixed(3)), unit: "s", note: `${respondents} simulated respondents in ${chunks} merged chunks; alpha, item–total, alpha-if-deleted, SEM for 7 dimensions` },
    { metric: "model.psychometrics_rows_per_second", value: Math.round(respondents / seconds), unit: "rows/s" },
    { metric: "model.psychometrics_peak_rss", value: Number((peakRss / MB).toFixed(1)), unit: "MB", note: "process resident set, sampled every 65,536 rows" },
    { metric: "model.psychometrics_peak_heap_growth", value: Number(((peakHeap - startHeap) / MB).toFixed(2)), unit: "MB", note: "bounded: accumulators hold O(items²) numbers, not rows" },
    { metric: "model.psychometrics_close_alpha", value: Number((close?.alpha ?? Number.NaN).toFixed(4)), unit: "alpha", note: `sanity check on simulated data; n=${close?.n ?? 0} complete CLOSE rows` },
  ];
}

/** Run the model benchmarks and return one row per figure. */
export async function runModelBench(): Promise<BenchRow[]> {
  return [...benchScoring(), ...benchPsychometrics()];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runModelBench();
  for (const row of rows) console.log(`${row.metric.padEnd(40)} ${String(row.value).padStart(12)} ${row.unit}${row.note === undefined ? "" : `  (${row.note})`}`);
}
