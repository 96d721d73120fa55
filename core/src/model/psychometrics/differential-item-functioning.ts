// A screen for items that behave differently in one language (differential item functioning).
//
// People are matched on how they answered the rest of the dimension (the rest score), so a
// language whose speakers simply score higher or lower overall does not flag anything: only an
// item that reads differently once people are matched does. Mantel's ordinal chi-square (one
// degree of freedom) tests it and the standardised mean difference (Dorans and Schmitt) says how
// large it is; an item is flagged only when both agree, because with many people a trivial
// difference is significant and with few people a large one is noise.
import type { Instrument, ScoredDimensionCode } from "../instrument/instrument-types.js";
import { SCORED_DIMENSIONS } from "../instrument/instrument-types.js";
import { keyAnswer, listDimensionItems } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";

/** One person's keyed answer to the studied item, their rest score and whether they are in the focal group. */
export type DifObservation = { score: number; rest: number; focal: boolean };

export type MantelDifResult = {
  /** Mantel's chi-square (1 df); null when no stratum holds both groups. */
  chiSquare: number | null;
  pValue: number | null;
  /** Focal minus reference, averaged over strata with the focal group's weights, in scale points. */
  meanDifference: number | null;
  /** meanDifference divided by the item's standard deviation across everyone. */
  standardisedDifference: number | null;
  /** Strata (rest-score values) that held both groups and so informed the test. */
  strataUsed: number;
};

/** |SMD / SD| above this is a large difference (the ETS "C" level for items with several points). */
export const DIF_LARGE_EFFECT = 0.25;
/** Family-wise error rate over the items screened for one language (Bonferroni). */
export const DIF_FAMILY_ALPHA = 0.05;

type Stratum = { n: number; nFocal: number; sumAll: number; sumSquaresAll: number; sumFocal: number; sumReference: number };

/** Mantel's ordinal test and the standardised mean difference for one item. */
export function computeMantelDif(observations: readonly DifObservation[]): MantelDifResult {
  const strata = new Map<number, Stratum>();
  let total = 0;
  let totalSquares = 0;
  for (const { score, rest, focal } of observations) {
    const stratum = strata.get(rest) ?? { n: 0, nFocal: 0, sumAll: 0, sumSquaresAll: 0, sumFocal: 0, sumReference: 0 };
    stratum.n += 1;
    stratum.sumAll += score;
    stratum.sumSquaresAll += score * score;
    if (focal) {
      stratum.nFocal += 1;
      stratum.sumFocal += score;
    } else stratum.sumReference += score;
    strata.set(rest, stratum);
    total += score;
    totalSquares += score * score;
  }

  let observedFocal = 0;
  let expectedFocal = 0;
  let variance = 0;
  let weightedDifference = 0;
  let focalWeight = 0;
  let strataUsed = 0;
  for (const stratum of strata.values()) {
    const nReference = stratum.n - stratum.nFocal;
    if (stratum.nFocal === 0 || nReference === 0) continue;
    strataUsed += 1;
    observedFocal += stratum.sumFocal;
    expectedFocal += (stratum.nFocal / stratum.n) * stratum.sumAll;
    // Hypergeometric variance of the focal group's score sum, given the stratum's margins.
    variance += ((nReference * stratum.nFocal) / (stratum.n * stratum.n * (stratum.n - 1))) * (stratum.n * stratum.sumSquaresAll - stratum.sumAll ** 2);
    weightedDifference += stratum.nFocal * (stratum.sumFocal / stratum.nFocal - stratum.sumReference / nReference);
    focalWeight += stratum.nFocal;
  }
  if (strataUsed === 0) return { chiSquare: null, pValue: null, meanDifference: null, standardisedDifference: null, strataUsed };

  const n = observations.length;
  const itemVariance = n > 1 ? (totalSquares - (total * total) / n) / (n - 1) : 0;
  const meanDifference = weightedDifference / focalWeight;
  const chiSquare = variance > 0 ? (observedFocal - expectedFocal) ** 2 / variance : null;
  return {
    chiSquare,
    pValue: chiSquare === null ? null : chiSquareOneDfUpperTail(chiSquare),
    meanDifference,
    standardisedDifference: itemVariance > 0 ? meanDifference / Math.sqrt(itemVariance) : null,
    strataUsed,
  };
}

/** P(χ²₁ ≥ x) = erfc(√(x/2)). */
export function chiSquareOneDfUpperTail(x: number): number {
  if (!(x > 0)) return 1;
  return complementaryErrorFunction(Math.sqrt(x / 2));
}

/** erfc by the Chebyshev fit in Numerical Recipes (fractional error below 1.2e-7 everywhere). */
function complementaryErrorFunction(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(polynomial);
  return x >= 0 ? value : 2 - value;
}

/** One person's answers and the language they were given in. */
export type LanguageResponse = { language: string; answers: ProfileAnswers };

export type DifItemFinding = MantelDifResult & {
  itemId: string;
  dimension: ScoredDimensionCode;
  /** Answers the item reads as flagged: significant after Bonferroni and a large effect. */
  flagged: boolean;
};

export type DifLanguageScreen = {
  language: string;
  /** People who answered in this language and in any other (the reference group). */
  nFocal: number;
  nReference: number;
  /** False when either group is below the minimum: items is then empty. */
  screened: boolean;
  items: DifItemFinding[];
};

/**
 * Screen every scored item for each language against everyone who answered in another language.
 * A language is screened only when it and the rest each reach minimumPerGroup people; a person
 * counts for a dimension only when they answered every item of it (listwise, as the reliability
 * figures do).
 */
export function screenLanguagesForDif(instrument: Instrument, responses: readonly LanguageResponse[], minimumPerGroup: number): DifLanguageScreen[] {
  const languages = [...new Set(responses.map((response) => response.language))].sort();
  if (languages.length < 2) return languages.map((language) => ({ language, nFocal: responses.length, nReference: 0, screened: false, items: [] }));
  const keyed = SCORED_DIMENSIONS.map((dimension) => keyDimension(instrument, dimension, responses));
  const itemsScreened = keyed.reduce((count, dimension) => count + dimension.itemIds.length, 0);

  return languages.map((language) => {
    const nFocal = responses.filter((response) => response.language === language).length;
    const nReference = responses.length - nFocal;
    if (nFocal < minimumPerGroup || nReference < minimumPerGroup) return { language, nFocal, nReference, screened: false, items: [] };
    const items: DifItemFinding[] = [];
    for (const dimension of keyed) {
      for (let index = 0; index < dimension.itemIds.length; index += 1) {
        const observations = dimension.rows.map((row) => ({
          score: row.scores[index] as number,
          rest: row.total - (row.scores[index] as number),
          focal: row.language === language,
        }));
        const result = computeMantelDif(observations);
        const significant = result.pValue !== null && result.pValue < DIF_FAMILY_ALPHA / itemsScreened;
        const large = result.standardisedDifference !== null && Math.abs(result.standardisedDifference) > DIF_LARGE_EFFECT;
        items.push({ ...result, itemId: dimension.itemIds[index] as string, dimension: dimension.dimension, flagged: significant && large });
      }
    }
    return { language, nFocal, nReference, screened: true, items };
  });
}

type KeyedRow = { language: string; scores: number[]; total: number };

function keyDimension(instrument: Instrument, dimension: ScoredDimensionCode, responses: readonly LanguageResponse[]) {
  const items = listDimensionItems(instrument, dimension);
  const rows: KeyedRow[] = [];
  for (const response of responses) {
    const scores: number[] = [];
    for (const item of items) {
      const answer = readValidAnswer(instrument, response.answers, item.id);
      if (answer === undefined) break;
      scores.push(keyAnswer(item, answer, instrument.scale.min, instrument.scale.max));
    }
    if (scores.length === items.length) rows.push({ language: response.language, scores, total: scores.reduce((sum, score) => sum + score, 0) });
  }
  return { dimension, itemIds: items.map((item) => item.id), rows };
}
