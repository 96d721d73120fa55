// A completed profile's answers to the scored items, packed into one short string: one character per
// scored item in the instrument's order, the answer's digit or "-" when it was skipped or invalid.
// Stored beside the score row, so statistics over a whole deployment read one narrow column per
// person instead of some forty answer rows (decision 022). SAFE items are never packed: the safety
// screen is not part of the profile's statistics, and its answers stay in their own rows only.
import type { Instrument, ProfileItem } from "../instrument/instrument-types.js";
import { SCORED_DIMENSIONS, type ScoredDimensionCode } from "../instrument/instrument-types.js";
import { keyAnswer } from "../instrument/instrument-lookup.js";
import type { ProfileAnswers } from "../instrument/profile-answers.js";
import { readValidAnswer } from "../instrument/read-answer.js";
import { addCoMomentRow } from "./co-moments.js";
import type { PsychometricsAccumulator } from "./profile-psychometrics.js";

const SKIPPED = "-";
const ZERO = "0".charCodeAt(0);

/** Which instrument version a packed string belongs to: positions mean nothing across versions. */
export function instrumentKeyOf(instrument: Pick<Instrument, "id" | "version">): string {
  return `${instrument.id}@${instrument.version}`;
}

function scoredItems(instrument: Instrument): ProfileItem[] {
  return instrument.items.filter((entry) => entry.dimension !== "SAFE");
}

function assertDigitScale(instrument: Instrument): void {
  // One character per answer: the scale must fit in the digits 0–9.
  if (instrument.scale.min < 0 || instrument.scale.max > 9)
    throw new RangeError(`${instrumentKeyOf(instrument)}: a scale of ${instrument.scale.min}–${instrument.scale.max} does not pack into digits`);
}

/** The packed answers to the scored items of `instrument` (SAFE left out). */
export function packScoredAnswers(instrument: Instrument, answers: ProfileAnswers): string {
  assertDigitScale(instrument);
  let packed = "";
  for (const entry of scoredItems(instrument)) {
    const answer = readValidAnswer(instrument, answers, entry.id);
    packed += answer === undefined ? SKIPPED : String(answer);
  }
  return packed;
}

type PackedLayout = {
  length: number;
  /** Per scored dimension, where each of its items (in the accumulator's order) sits in the packed string. */
  positions: Record<ScoredDimensionCode, Int32Array>;
};

const layouts = new WeakMap<Instrument, PackedLayout>();

function layoutOf(instrument: Instrument): PackedLayout {
  const known = layouts.get(instrument);
  if (known) return known;
  assertDigitScale(instrument);
  const items = scoredItems(instrument);
  const indexOf = new Map(items.map((entry, index) => [entry.id, index]));
  const positions = {} as Record<ScoredDimensionCode, Int32Array>;
  for (const code of SCORED_DIMENSIONS) {
    positions[code] = Int32Array.from(items.filter((entry) => entry.dimension === code).map((entry) => indexOf.get(entry.id) as number));
  }
  const layout = { length: items.length, positions };
  layouts.set(instrument, layout);
  return layout;
}

/**
 * Adds one packed row to the accumulator, exactly as `addPsychometricsResponse` adds the same
 * answers (listwise per dimension; a skipped or off-scale answer leaves the dimension out). A string
 * of the wrong length is not this instrument's: it is refused whole and `false` returned.
 */
export function addPackedPsychometricsResponse(acc: PsychometricsAccumulator, packed: string): boolean {
  const layout = layoutOf(acc.instrument);
  if (packed.length !== layout.length) return false;
  for (const code of SCORED_DIMENSIONS) {
    const dimension = acc.dimensions[code];
    const positions = layout.positions[code];
    let answered = 0;
    for (let index = 0; index < positions.length; index += 1) {
      const answer = packed.charCodeAt(positions[index] as number) - ZERO;
      // "-" and anything else that is not a digit on the scale counts as unanswered.
      if (!(answer >= acc.scaleMin && answer <= acc.scaleMax)) continue;
      dimension.scratchRow[index] = keyAnswer({ isReverse: dimension.isReverse[index] as boolean }, answer, acc.scaleMin, acc.scaleMax);
      answered += 1;
    }
    if (answered === positions.length) addCoMomentRow(dimension.moments, dimension.scratchRow, dimension.scratchDelta);
    else if (answered > 0) dimension.excludedIncomplete += 1;
  }
  return true;
}

/** The answers a packed string holds, by item id (skipped items absent); null when it is not this instrument's. */
export function unpackScoredAnswers(instrument: Instrument, packed: string): ProfileAnswers | null {
  const items = scoredItems(instrument);
  if (packed.length !== items.length) return null;
  const answers: Record<string, number> = {};
  items.forEach((entry, index) => {
    const answer = packed.charCodeAt(index) - ZERO;
    if (answer >= instrument.scale.min && answer <= instrument.scale.max) answers[entry.id] = answer;
  });
  return answers;
}
