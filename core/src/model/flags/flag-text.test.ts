// A flag's words in every language: the catalogue is whole, English is said exactly as the model
// always said it, and another language quotes the person's answers in that language's item words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCatalogues, textIn } from "../../localization/index.js";
import { compareCouple } from "../couple/compare-couple.js";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import type { Instrument } from "../instrument/instrument-types.js";
import { scoreProfile, screenSafety } from "../scoring/score-profile.js";
import { deriveFlags } from "./derive-flags.js";
import { flagRuleIn, flagText, flagWordsIn, signalTitleIn } from "./flag-text.js";

const point = fc.integer({ min: 1, max: 7 });
const answerSets = fc
  .tuple(...PROFILE.items.map(() => fc.option(point, { nil: undefined, freq: 8 })))
  .map((values) => Object.fromEntries(PROFILE.items.map((entry, index) => [entry.id, values[index]])));

/** Every VOICE item answered at the bottom: a power-imbalance flag that quotes them. */
const quietVoice = Object.fromEntries(PROFILE.items.map((entry) => [entry.id, entry.dimension === "VOICE" ? (entry.isReverse ? 7 : 1) : 4]));

describe("flag words", () => {
  it("the catalogue has every key in every language, with the same placeholders", () => {
    expect(checkCatalogues(flagText)).toEqual([]);
  });

  it("English is said from a flag's facts exactly as the model words it, whatever the answers", () => {
    fc.assert(
      fc.property(answerSets, (answers) => {
        for (const flag of deriveFlags(PROFILE, scoreProfile(PROFILE, answers), answers, screenSafety(PROFILE, answers)).ownerOnly.flags) {
          expect(flagWordsIn(PROFILE, flag, "en").explanation).toBe(flag.explanation);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("another language says the same facts in its own sentence, quoting the items in that language's words", () => {
    const voiceItem = PROFILE.items.find((entry) => entry.dimension === "VOICE")!;
    const translated: Instrument = {
      ...PROFILE,
      translations: { ta: { items: { [voiceItem.id]: { text: "தமிழ்க் கேள்வி", plain: "தமிழ்" } }, scale: { 1: "முற்றிலும் மறுப்பு", 7: "முற்றிலும் ஏற்பு" } } },
    };
    const profile = scoreProfile(translated, quietVoice);
    const flag = deriveFlags(translated, profile, quietVoice, screenSafety(translated, quietVoice)).shareable.find((entry) => entry.id === "power-imbalance")!;
    const words = flagWordsIn(translated, flag, "ta");
    expect(words.title).toBe(flagText.ta!["title.power-imbalance"]);
    expect(words.explanation.startsWith(textIn(flagText, "ta")("explanation.power-imbalance", { score: 0 }))).toBe(true);
    expect(words.explanation).toContain('"தமிழ்க் கேள்வி"');
    expect(words.explanation).not.toContain(voiceItem.text);
    // The flag itself still says English: what is stored or cached holds no page's language.
    expect(flag.explanation).toContain(voiceItem.text);
  });

  it("couple flags name the partners as given and say their numbers in the language", () => {
    const a = { dimensions: { VOICE: 10, CLOSE: 20 }, subscales: { giving: 90, receiving: 50 } };
    const b = { dimensions: { VOICE: 80, CLOSE: 30 }, subscales: { giving: 50, receiving: 20 } };
    const flags = compareCouple(a, b, { labels: { a: "Mei", b: "Arun" } }).flags;
    const gap = flags.find((flag) => flag.id === "support-perception-gap")!;
    expect(flagWordsIn(undefined, gap, "zh-Hans").explanation).toBe(
      textIn(flagText, "zh-Hans")("explanation.support-perception-gap", { giver: "Mei", receiver: "Arun", gives: 90, feels: 20 }),
    );
    const close = flags.find((flag) => flag.id === "couple-low-intimacy")!;
    expect(flagWordsIn(undefined, close, "ms").explanation).toContain("(Kerapatan 20 dan 30)");
  });

  it("a rule is stated in the language with its thresholds as written", () => {
    expect(flagRuleIn("sustained-decline", "ta")).toContain("0.15");
    expect(flagRuleIn("power-imbalance", "zh-Hans")).toBe("“表达心声”低于 40（低于 25 为高）。");
    expect(flagRuleIn("power-imbalance", "en")).toBe("Voice is below 40 (high below 25).");
  });

  it("trend signal titles are neutral and fall back by reader", () => {
    expect(signalTitleIn("sustained-decline", "other", "ta")).toBe(flagText.ta!["signal-title.sustained-decline"]);
    expect(signalTitleIn("low-support", "self", "ms")).toBe(flagText.ms!["signal-title.fallback.self"]);
  });
});
