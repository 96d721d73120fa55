// FHIRPath expressions that recompute our scores from a QuestionnaireResponse, proration included.
import type { Instrument, ScoredDimensionCode } from "../instrument/instrument-types.js";
import { ME_DIMENSIONS, SCORED_DIMENSIONS, WE_DIMENSIONS } from "../instrument/instrument-types.js";
import { listDimensionItems, listSubscaleItems } from "../instrument/instrument-lookup.js";
import { countMinimumAnswered } from "../scoring/score-dimension.js";

export type ScoreExpression = { linkId: string; key: string; text: string; expression: string };

/** FHIRPath for one set of items: keyed mean via weight(), rescaled to 0–100, empty below the 75% rule. */
export function buildItemSetExpression(instrument: Instrument, itemIds: readonly string[]): string {
  const weights = `%resource.item.where(linkId in (${itemIds.map((id) => `'${id}'`).join(" | ")})).answer.value.weight()`;
  const needed = countMinimumAnswered(itemIds.length);
  const range = instrument.scale.max - instrument.scale.min;
  // weight() returns the keyed value because reverse items carry reversed itemWeights.
  return `iif(${weights}.count() >= ${needed}, ((${weights}.sum() / ${weights}.count()) - ${instrument.scale.min}) / ${range} * 100, {})`;
}

function dimensionExpression(instrument: Instrument, code: ScoredDimensionCode): string {
  return buildItemSetExpression(
    instrument,
    listDimensionItems(instrument, code).map((entry) => entry.id),
  );
}

/** Every score of the profile as a FHIRPath expression (dimensions, SUPPORT sub-scales, We, Me, co-dependency). */
export function buildScoreExpressions(instrument: Instrument): ScoreExpression[] {
  const expressions: ScoreExpression[] = SCORED_DIMENSIONS.map((code) => ({
    linkId: `score-${code.toLowerCase()}`,
    key: code,
    text: `${instrument.dimensions.find((entry) => entry.code === code)?.name ?? code} score (0–100)`,
    expression: dimensionExpression(instrument, code),
  }));
  for (const subscale of ["giving", "receiving"] as const) {
    expressions.push({
      linkId: `score-support-${subscale}`,
      key: `SUPPORT_${subscale.toUpperCase()}`,
      text: `Support ${subscale === "giving" ? "given" : "received"} score (0–100)`,
      expression: buildItemSetExpression(
        instrument,
        listSubscaleItems(instrument, subscale).map((entry) => entry.id),
      ),
    });
  }
  // Arithmetic on an empty collection is empty in FHIRPath, so an axis is empty when any part is: same rule as scoreAxis.
  const mean = (codes: readonly ScoredDimensionCode[]) =>
    `((${codes.map((code) => `(${dimensionExpression(instrument, code)})`).join(" + ")}) / ${codes.length})`;
  expressions.push({ linkId: "score-we", key: "WE", text: "We score (0–100)", expression: mean(WE_DIMENSIONS) });
  expressions.push({ linkId: "score-me", key: "ME", text: "Me score (0–100)", expression: mean(ME_DIMENSIONS) });
  expressions.push({
    linkId: "score-codependency",
    key: "CODEPENDENCY",
    text: "Co-dependency index (0–100)",
    expression: `((${dimensionExpression(instrument, "RELY")}) * (100 - ((${dimensionExpression(instrument, "SELF")}) + (${dimensionExpression(instrument, "TIES")})) / 2)).sqrt()`,
  });
  return expressions;
}
