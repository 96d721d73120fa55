// npm run psychometrics: the instrument's reliability over every person of this deployment
// (decision 022) — Cronbach's alpha, corrected item–total correlations, alpha-if-deleted, mean, SD
// and SEM per dimension, over each person's latest completed profile — for the operator to check
// the instrument and publish its figures. Aggregates only, with the same withholding rules as a
// practice's figures (nothing below 20 people, item means from 50). `--json` prints the JSON.
import { loadConfig } from "../server/src/config.js";
import { openDatabase } from "../server/src/db/database.js";
import { hasPendingMigrations } from "../server/src/db/migrate.js";
import { computeDeploymentPsychometrics } from "../server/src/modules/deployment-psychometrics/index.js";
import type { PracticePsychometricsResponse } from "@mutual/core";
import { normSourceOf, presentPracticePsychometrics } from "../server/src/modules/practice-psychometrics/index.js";

const usage = "Usage: npm run psychometrics [-- --json]";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== "--json");
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.join(" ")}. ${usage}`);
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    // Read-only: a database the server has not migrated yet is the server's to migrate.
    if (await hasPendingMigrations(database)) throw new Error("The database has migrations to apply: start the server once (npm start), then run this again.");
    const startedAt = performance.now();
    const result = await computeDeploymentPsychometrics(database.db, {
      screenItems: true,
      onProgress: (count) => process.stderr.write(`\rRead ${count.toLocaleString("en")} people…`),
    });
    process.stderr.write("\r\u001b[K");
    const seconds = (performance.now() - startedAt) / 1000;
    const figures = presentPracticePsychometrics({ ...result, normSource: normSourceOf(result.norms), computedAt: Date.now() });
    if (args.includes("--json")) {
      process.stdout.write(`${JSON.stringify({ ...figures, unreadable: result.unreadable }, null, 2)}\n`);
      return;
    }
    const shown = (value: number | null) => (value === null ? "—" : String(value));
    const lines = [
      `# ${figures.instrument.id} ${figures.instrument.version} over this deployment`,
      "",
      `${figures.respondents.toLocaleString("en")} people, each by their latest completed profile (${seconds.toFixed(1)} s).${result.unreadable > 0 ? ` ${result.unreadable} people's latest profiles could not be read and were left out.` : ""}`,
      `Statistics are withheld below ${figures.statisticsMinimumN} complete responses; from ${figures.minimumN} a dimension's own alpha and SD can replace the provisional ones for reliable change.`,
      "",
      "| dimension | N | left out (incomplete) | alpha | mean | SD | SEM |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...figures.dimensions.map(
        (entry) =>
          `| ${entry.dimension} | ${entry.n} | ${entry.excludedIncomplete} | ${shown(entry.alpha)} | ${shown(entry.mean)} | ${shown(entry.sd)} | ${shown(entry.sem)} |`,
      ),
      "",
    ];
    const items = figures.dimensions.flatMap((entry) =>
      entry.items.map(
        (item) =>
          `| ${entry.dimension} | ${item.itemId} | ${shown(item.correctedItemTotal)} | ${shown(item.alphaIfDeleted)} | ${shown(item.mean)} | ${shown(item.sd)} |`,
      ),
    );
    if (items.length === 0) lines.push("Item statistics: withheld until a dimension has enough complete responses.");
    else lines.push("| dimension | item | corrected item–total r | alpha if deleted | mean | SD |", "| --- | --- | ---: | ---: | ---: | ---: |", ...items);
    lines.push("", ...languageSections(figures));
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await database.close();
  }
}

/** The same figures by language (decision 087) and the screen for items that read differently in one (decision 067). */
function languageSections(figures: PracticePsychometricsResponse): string[] {
  const shown = (value: number | null) => (value === null ? "—" : String(value));
  const lines = ["## By the language people answered in", ""];
  for (const language of figures.languages) {
    lines.push(
      `### ${language.language}: ${language.respondents.toLocaleString("en")} people`,
      "",
      "| dimension | N | alpha | mean | SD | SEM | own norms for reliable change |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
      ...language.dimensions.map((entry) =>
        entry.isShown
          ? `| ${entry.dimension} | ${entry.n} | ${shown(entry.alpha)} | ${shown(entry.mean)} | ${shown(entry.sd)} | ${shown(entry.sem)} | ${entry.isUsedForChange ? "yes" : "not yet"} |`
          : `| ${entry.dimension} | ${entry.n} | not enough people yet | | | | not yet |`,
      ),
      "",
    );
  }
  lines.push("## Items that read differently in one language", "");
  const screen = figures.itemsByLanguage;
  if (screen.languages.length < 2) lines.push("Everyone answered in one language: there is nothing to compare.");
  for (const language of screen.languages) {
    if (!language.screened)
      lines.push(
        `- ${language.language}: not enough people yet (${language.people} in it and ${language.otherPeople} in the others; each needs ${screen.minimumPerGroup}).`,
      );
    else if (language.items.length === 0) lines.push(`- ${language.language}: no item read differently.`);
    else
      for (const item of language.items)
        lines.push(
          `- ${language.language}: ${item.itemId} (${item.dimension}) is answered ${item.direction} than by people who match on the rest of the area (effect ${item.effectSize} SD). Read its translation and back-translation.`,
        );
  }
  return lines;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
