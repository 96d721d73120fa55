// A member's latest profile as they answered it, for their counsellor (decision 085): each statement
// in the language it was shown in and, beside it, in the counsellor's language when the two differ.
import { labelScalePoint, localizeItem, translationStatusOf, type ClientAnswers, type Instrument, type Language } from "@mutual/core";
import { instrumentOf, type AssessmentRecord, type StoredAnswer } from "./assessment.policy.js";

function textIn(instrument: Instrument, itemId: string, language: Language) {
  const entry = instrument.items.find((candidate) => candidate.id === itemId)!;
  const status = translationStatusOf(instrument, language);
  // A language the instrument lacks is shown, and marked, as the English source it falls back to.
  return status === "missing"
    ? { lang: "en" as const, text: entry.text, status: "source" as const }
    : { lang: language, text: localizeItem(instrument, entry, language).text, status };
}

/** The profile's statements (never the safety check's) with their answers, as given and in `viewerLanguage`. */
export function presentClientAnswers(record: AssessmentRecord, answers: readonly StoredAnswer[], viewerLanguage: Language): ClientAnswers {
  const instrument = instrumentOf(record);
  // A profile answered in more than one language does not say which statement was read in which:
  // it is shown from the English source, and the page says it was answered in more than one.
  const given: Language = record.language === "mixed" ? "en" : record.language;
  const byId = new Map(answers.map((answer) => [answer.itemId, answer.value]));
  const items = instrument.items.flatMap((entry) => {
    const value = byId.get(entry.id);
    if (entry.dimension === "SAFE" || value === undefined) return [];
    const asGiven = textIn(instrument, entry.id, given);
    const yours = textIn(instrument, entry.id, viewerLanguage);
    return [
      {
        itemId: entry.id,
        value,
        answerLabel: labelScalePoint(instrument, value, yours.lang),
        asGiven,
        inYourLanguage: yours.lang === asGiven.lang ? null : yours,
      },
    ];
  });
  return { completedAt: new Date(record.completedAt ?? record.startedAt).toISOString(), answeredIn: record.language, items };
}
