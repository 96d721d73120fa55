// Test support, not part of core's runtime (excluded from the build and from core's import rule):
// the one reading-level measure every readability test uses, so items, explanations, flags,
// practice steps, emails and the web's texts are held to the same bar (docs/model.md, §2).
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

/** The items' bar: Flesch–Kincaid grade 8 or lower. */
export const READING_GRADE_LIMIT = 8;

/** Words as a reader meets them: letters only, so numbers, URLs' punctuation and marks do not count. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Za-z'’-]/g, ""))
    .filter((word) => word.length > 0);
}

/**
 * What a person reads: links and email addresses are followed or typed, not read as words, so they
 * are left out; a sample name stands in for each {{placeholder}} (a short one, as most names are).
 */
export function readableText(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, "")
    .replace(/\S+@\S+\.\w+/g, "")
    .replace(/\{\{\s*[\w.]+\s*\}\}/g, "Sam");
}

/** Flesch–Kincaid grade of a text, sentences counted by their end marks. */
export function readingGrade(text: string): number {
  const readable = readableText(text);
  const list = wordsOf(readable);
  if (list.length === 0) return 0;
  const sentences = Math.max(1, (readable.match(/[.!?]+/g) ?? []).length);
  return fleschKincaid({ sentence: sentences, word: list.length, syllable: list.reduce((sum, word) => sum + syllable(word), 0) });
}

/** The texts above the bar, each with its grade rounded to one decimal: what a failing test prints. */
export function textsAboveGrade(texts: Readonly<Record<string, string>>, limit: number = READING_GRADE_LIMIT): Record<string, number> {
  const above: Record<string, number> = {};
  for (const [key, text] of Object.entries(texts)) {
    const grade = readingGrade(text);
    if (grade > limit) above[key] = Math.round(grade * 10) / 10;
  }
  return above;
}
