// The words about a person's scores, in the language they read (issue 18, decision 081). Scoring
// keeps the facts (which answers moved a score, how many were answered, where the point sits);
// these functions say them. The scorer itself words its results in English with the same functions,
// so English is said one way only, and a presenter says the same facts again in the page's language.
import { sayersOf, type Catalogues, type Language } from "../../localization/index.js";
import type { Instrument } from "../instrument/instrument-types.js";
import { MODEL_THRESHOLDS } from "../model-thresholds.js";
import { findItem, labelScalePoint, localizeDimension, localizeItem } from "../instrument/instrument-lookup.js";
import type { AxisScore, CodependencyScore, DimensionScore, ItemInfluence, PatternCode, PatternResult } from "./score-types.js";

type ScoreTextKey =
  | "influence.raised"
  | "influence.lowered"
  | "influence.none"
  | "missing.too-few"
  | "missing.axis"
  | "missing.codependency"
  | "missing.pattern"
  | `pattern.placed.${PatternCode}`
  | `pattern.name.${PatternCode}`
  | "pattern.between"
  | "join.and"
  | "join.list"
  | "name.WE"
  | "name.ME"
  | "name.CODEPENDENCY"
  | "name.SUPPORT_GIVING"
  | "name.SUPPORT_RECEIVING";

export const scoreText: Catalogues<ScoreTextKey> = {
  en: {
    "influence.raised": 'To "{{text}}" you answered "{{answer}}". That raised this score.',
    "influence.lowered": 'To "{{text}}" you answered "{{answer}}". That lowered this score.',
    "influence.none": "Your answers for {{score}} sat in the middle of the scale.",
    "missing.too-few": "{{score}} needs at least {{needed}} of {{total}} questions answered; {{answered}} were.",
    "missing.axis": "{{axis}} needs {{absent}}, which could not be scored.",
    "missing.codependency": "The co-dependency index needs Over-reliance, Sense of self and Friends and family.",
    "missing.pattern": "The map needs both We and Me.",
    "pattern.placed.interdependent": "Your answers place you as interdependent: close as a couple and strong as yourself.",
    "pattern.placed.independent": "Your answers place you as independent: a strong self, with the two of you living more in parallel.",
    "pattern.placed.leaning-co-dependent": "Your answers place you as leaning co-dependent: close as a couple, with less room for yourself.",
    "pattern.placed.disconnected": "Your answers place you as disconnected: both the bond and your own space feel thin right now.",
    "pattern.name.interdependent": "interdependent",
    "pattern.name.independent": "independent",
    "pattern.name.leaning-co-dependent": "leaning co dependent",
    "pattern.name.disconnected": "disconnected",
    "pattern.between": "Your point sits close to a boundary, within the margin these questions can measure, so it lies between {{patterns}}.",
    "join.and": " and ",
    "join.list": ", ",
    "name.WE": "We",
    "name.ME": "Me",
    "name.CODEPENDENCY": "the co-dependency index",
    "name.SUPPORT_GIVING": "Support you give",
    "name.SUPPORT_RECEIVING": "Support you receive",
  },
  "zh-Hans": {
    "influence.raised": "对于“{{text}}”，你的回答是“{{answer}}”。这提高了这项分数。",
    "influence.lowered": "对于“{{text}}”，你的回答是“{{answer}}”。这降低了这项分数。",
    "influence.none": "你在“{{score}}”方面的回答都落在量表的中间。",
    "missing.too-few": "“{{score}}”需要至少回答 {{total}} 题中的 {{needed}} 题；你回答了 {{answered}} 题。",
    "missing.axis": "“{{axis}}”需要{{absent}}的分数，但这些分数无法算出。",
    "missing.codependency": "共依存指数需要过度依赖、自我认同感和亲朋好友这三项分数。",
    "missing.pattern": "这张图需要“我们”和“我”两项分数。",
    "pattern.placed.interdependent": "你的回答显示你属于相互依存：作为伴侣很亲近，作为自己也很坚强。",
    "pattern.placed.independent": "你的回答显示你属于各自独立：自我很坚强，你们两人的生活更像是平行的。",
    "pattern.placed.leaning-co-dependent": "你的回答显示你偏向共依存：作为伴侣很亲近，但留给自己的空间较少。",
    "pattern.placed.disconnected": "你的回答显示你们彼此疏离：目前你们的联系和你自己的空间都显得单薄。",
    "pattern.name.interdependent": "相互依存",
    "pattern.name.independent": "各自独立",
    "pattern.name.leaning-co-dependent": "偏向共依存",
    "pattern.name.disconnected": "彼此疏离",
    "pattern.between": "你的位置很接近分界线，落在这些问题能测量的误差范围内，所以介于{{patterns}}之间。",
    "join.and": "和",
    "join.list": "、",
    "name.WE": "我们",
    "name.ME": "我",
    "name.CODEPENDENCY": "共依存指数",
    "name.SUPPORT_GIVING": "你给予的支持",
    "name.SUPPORT_RECEIVING": "你得到的支持",
  },
  ms: {
    "influence.raised": 'Bagi "{{text}}" anda menjawab "{{answer}}". Itu menaikkan skor ini.',
    "influence.lowered": 'Bagi "{{text}}" anda menjawab "{{answer}}". Itu menurunkan skor ini.',
    "influence.none": "Jawapan anda untuk {{score}} berada di tengah-tengah skala.",
    "missing.too-few": "{{score}} memerlukan sekurang-kurangnya {{needed}} daripada {{total}} soalan dijawab; {{answered}} telah dijawab.",
    "missing.axis": "{{axis}} memerlukan {{absent}}, yang tidak dapat diberi skor.",
    "missing.codependency": "Indeks terlalu bergantung memerlukan skor Terlalu bergantung, Jati diri serta Kawan dan keluarga.",
    "missing.pattern": "Peta ini memerlukan kedua-dua Kita dan Diri.",
    "pattern.placed.interdependent": "Jawapan anda meletakkan anda sebagai saling bergantung: rapat sebagai pasangan dan kuat sebagai diri sendiri.",
    "pattern.placed.independent": "Jawapan anda meletakkan anda sebagai berdikari: diri yang kuat, dengan anda berdua lebih banyak hidup secara selari.",
    "pattern.placed.leaning-co-dependent":
      "Jawapan anda meletakkan anda sebagai cenderung terlalu bergantung: rapat sebagai pasangan, tetapi kurang ruang untuk diri sendiri.",
    "pattern.placed.disconnected": "Jawapan anda meletakkan anda sebagai renggang: ikatan anda dan ruang anda sendiri kedua-duanya terasa tipis sekarang.",
    "pattern.name.interdependent": "saling bergantung",
    "pattern.name.independent": "berdikari",
    "pattern.name.leaning-co-dependent": "cenderung terlalu bergantung",
    "pattern.name.disconnected": "renggang",
    "pattern.between":
      "Titik anda dekat dengan satu sempadan, dalam lingkungan yang boleh diukur oleh soalan-soalan ini, jadi ia terletak di antara {{patterns}}.",
    "join.and": " dan ",
    "join.list": ", ",
    "name.WE": "Kita",
    "name.ME": "Diri",
    "name.CODEPENDENCY": "indeks terlalu bergantung",
    "name.SUPPORT_GIVING": "Sokongan yang anda beri",
    "name.SUPPORT_RECEIVING": "Sokongan yang anda terima",
  },
  ta: {
    "influence.raised": '"{{text}}" என்பதற்கு நீங்கள் "{{answer}}" என்று பதில் சொன்னீர்கள். அது இந்த மதிப்பெண்ணை உயர்த்தியது.',
    "influence.lowered": '"{{text}}" என்பதற்கு நீங்கள் "{{answer}}" என்று பதில் சொன்னீர்கள். அது இந்த மதிப்பெண்ணைக் குறைத்தது.',
    "influence.none": "{{score}} பற்றிய உங்கள் பதில்கள் அளவுகோலின் நடுவில் இருந்தன.",
    "missing.too-few": "{{score}} மதிப்பெண்ணுக்கு {{total}} கேள்விகளில் குறைந்தது {{needed}} கேள்விகளுக்குப் பதில் தேவை; {{answered}} கேள்விகளுக்குப் பதில் உள்ளது.",
    "missing.axis": "{{axis}} மதிப்பெண்ணுக்கு {{absent}} தேவை, ஆனால் அவற்றைக் கணக்கிட முடியவில்லை.",
    "missing.codependency": "இணைசார்பு குறியீட்டுக்கு அதிகச் சார்பு, சுய அடையாளம், நண்பர்களும் குடும்பமும் ஆகிய மதிப்பெண்கள் தேவை.",
    "missing.pattern": "இந்த வரைபடத்துக்கு நாம், நான் ஆகிய இரண்டு மதிப்பெண்களும் தேவை.",
    "pattern.placed.interdependent": "உங்கள் பதில்கள் உங்களைப் பரஸ்பரச் சார்பு வகையில் வைக்கின்றன: தம்பதியாக நெருக்கம், நீங்களாக உறுதி.",
    "pattern.placed.independent": "உங்கள் பதில்கள் உங்களைத் தனித்தியக்க வகையில் வைக்கின்றன: உறுதியான தன்னுணர்வு, ஆனால் நீங்கள் இருவரும் தனித்தனிப் பாதையில் வாழ்கிறீர்கள்.",
    "pattern.placed.leaning-co-dependent": "உங்கள் பதில்கள் உங்களை இணைசார்பு நோக்கிய சாய்வில் வைக்கின்றன: தம்பதியாக நெருக்கம், ஆனால் உங்களுக்கான இடம் குறைவு.",
    "pattern.placed.disconnected": "உங்கள் பதில்கள் உங்களை விலகல் வகையில் வைக்கின்றன: இப்போது உங்கள் பிணைப்பும் உங்களுக்கான இடமும் மெலிதாக உள்ளன.",
    "pattern.name.interdependent": "பரஸ்பரச் சார்பு",
    "pattern.name.independent": "தனித்தியக்கம்",
    "pattern.name.leaning-co-dependent": "இணைசார்பு நோக்கிய சாய்வு",
    "pattern.name.disconnected": "விலகல்",
    "pattern.between": "உங்கள் புள்ளி ஓர் எல்லைக்கு அருகில், இந்தக் கேள்விகள் அளக்கக்கூடிய வரம்புக்குள் உள்ளது. எனவே அது {{patterns}} ஆகிய வகைகளுக்கு இடையில் உள்ளது.",
    "join.and": ", ",
    "join.list": ", ",
    "name.WE": "நாம்",
    "name.ME": "நான்",
    "name.CODEPENDENCY": "இணைசார்பு குறியீடு",
    "name.SUPPORT_GIVING": "நீங்கள் தரும் ஆதரவு",
    "name.SUPPORT_RECEIVING": "நீங்கள் பெறும் ஆதரவு",
  },
};

const sayScore = sayersOf(scoreText);

/** The name of a score in a language: a dimension's from the instrument, the rest from the catalogue. */
export function scoreNameIn(instrument: Instrument, key: string, language: Language): string {
  if (key === "WE" || key === "ME" || key === "CODEPENDENCY" || key === "SUPPORT_GIVING" || key === "SUPPORT_RECEIVING") {
    return sayScore(language)(`name.${key}`);
  }
  return localizeDimension(instrument, key, language === "en" ? undefined : language).name;
}

/** An answer's pull on a score with the item's words and the answer's label in a language. */
export function influenceIn(instrument: Instrument | undefined, influence: ItemInfluence, language: Language): ItemInfluence {
  if (language === "en" || instrument === undefined) return influence;
  const entry = findItem(instrument, influence.itemId);
  if (entry === undefined) return influence;
  const { text, plain } = localizeItem(instrument, entry, language);
  return { ...influence, text, plain, answerLabel: labelScalePoint(instrument, influence.answer, language) };
}

/** Sentences in a language, as that language writes them one after another. */
export function joinSentences(language: Language, sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== "").join(language === "zh-Hans" ? "" : " ");
}

/**
 * One sentence per influence, quoting only the item's exact words (a paraphrase in quotation marks
 * would put words in the person's mouth). The influences must already be in the language (influenceIn).
 */
export function describeInfluencesIn(influences: readonly ItemInfluence[], scoreName: string, language: Language): string {
  const say = sayScore(language);
  if (influences.length === 0) return say("influence.none", { score: scoreName });
  return joinSentences(
    language,
    influences.map((entry) => say(entry.direction === "raised" ? "influence.raised" : "influence.lowered", { text: entry.text, answer: entry.answerLabel })),
  );
}

/** Why a set of items could not be scored: too few answers. */
export function tooFewAnswersMessage(scoreName: string, counts: { needed: number; total: number; answered: number }, language: Language): string {
  return sayScore(language)("missing.too-few", { score: scoreName, ...counts });
}

/** Why an axis could not be scored: English keeps the codes it always gave; other languages name the scores. */
export function missingAxisMessage(instrument: Instrument | undefined, axis: "WE" | "ME", absent: readonly string[], language: Language): string {
  const say = sayScore(language);
  const names = language === "en" || instrument === undefined ? absent : absent.map((code) => scoreNameIn(instrument, code, language));
  return say("missing.axis", { axis: say(`name.${axis}`), absent: names.join(say("join.list")) });
}

export function missingCodependencyMessage(language: Language): string {
  return sayScore(language)("missing.codependency");
}

export function missingPatternMessage(language: Language): string {
  return sayScore(language)("missing.pattern");
}

/** Where a point sits on the map: one pattern, or between the patterns it could belong to. */
export function explainPatternIn(candidates: readonly PatternCode[], language: Language): string {
  const say = sayScore(language);
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return say(`pattern.placed.${only}`);
  return say("pattern.between", { patterns: candidates.map((code) => say(`pattern.name.${code}`)).join(say("join.and")) });
}

type AnyScore = DimensionScore | AxisScore | CodependencyScore;

/**
 * A scored or missing score's words in a language: its explanation, its drivers with the items'
 * own words, and why it is missing. English returns what the scorer wrote.
 */
export function explainScoreIn(
  instrument: Instrument,
  score: AnyScore,
  language: Language,
  dimensions?: Readonly<Partial<Record<string, DimensionScore>>>,
): { text: string; influences: ItemInfluence[]; message: string | null } {
  if (language === "en") {
    return score.status === "scored"
      ? { text: score.explanation.text, influences: score.explanation.influences, message: null }
      : { text: score.message, influences: [], message: score.message };
  }
  const name = scoreNameIn(instrument, score.key, language);
  if (score.status === "scored") {
    const influences = score.explanation.influences.map((entry) => influenceIn(instrument, entry, language));
    return { text: describeInfluencesIn(influences, name, language), influences, message: null };
  }
  const message = missingMessageIn(instrument, score, name, language, dimensions);
  return { text: message, influences: [], message };
}

function missingMessageIn(
  instrument: Instrument,
  score: Exclude<AnyScore, { status: "scored" }>,
  name: string,
  language: Language,
  dimensions: Readonly<Partial<Record<string, DimensionScore>>> | undefined,
): string {
  if (score.key === "CODEPENDENCY") return missingCodependencyMessage(language);
  if (score.key === "WE" || score.key === "ME") {
    if (dimensions === undefined) return score.message;
    const absent = score.components.filter((code) => dimensions[code]?.status !== "scored");
    return missingAxisMessage(instrument, score.key, absent, language);
  }
  if ("answered" in score) return tooFewAnswersMessage(name, { needed: minimumAnswered(score.total), total: score.total, answered: score.answered }, language);
  return score.message;
}

/** Fewest answered items that still allow a (prorated) score: the scorer's own rule (countMinimumAnswered). */
function minimumAnswered(total: number): number {
  // The epsilon keeps 0.75 · 4 = 3 from becoming 4 through floating-point error.
  return Math.ceil(total * MODEL_THRESHOLDS.scoring.minAnsweredShare - 1e-9);
}

/** The pattern's explanation (or why there is none) in a language. */
export function explainPatternResultIn(pattern: PatternResult, language: Language): string {
  if (language === "en") return pattern.status === "placed" ? pattern.explanation : pattern.message;
  return pattern.status === "placed" ? explainPatternIn(pattern.candidates, language) : missingPatternMessage(language);
}
