// Small pure helpers over an instrument definition.
import type { DimensionCode, Instrument, ItemRole, ProfileItem, SupportSubscale } from "./instrument-types.js";

/** Items of one dimension, in the instrument's canonical order. */
export function listDimensionItems(instrument: Instrument, dimension: DimensionCode): ProfileItem[] {
  return instrument.items.filter((entry) => entry.dimension === dimension);
}

/** Items of one SUPPORT sub-scale. */
export function listSubscaleItems(instrument: Instrument, subscale: SupportSubscale): ProfileItem[] {
  return instrument.items.filter((entry) => entry.dimension === "SUPPORT" && entry.subscale === subscale);
}

/** Find an item by id, or undefined. */
export function findItem(instrument: Instrument, itemId: string): ProfileItem | undefined {
  return instrument.items.find((entry) => entry.id === itemId);
}

/** The item that plays a role, or undefined when this instrument version has none. */
export function findItemByRole(instrument: Instrument, role: ItemRole): ProfileItem | undefined {
  return instrument.items.find((entry) => entry.role === role);
}

/** Apply reverse keying: on a 1–7 scale a reverse item scores 8 − answer. */
export function keyAnswer(entry: Pick<ProfileItem, "isReverse">, answer: number, scaleMin = 1, scaleMax = 7): number {
  return entry.isReverse ? scaleMin + scaleMax - answer : answer;
}

/** Label of a scale point, e.g. 6 → "Agree". */
export function labelScalePoint(instrument: Instrument, value: number, locale?: string): string {
  const translated = locale === undefined ? undefined : instrument.translations[locale]?.scale?.[value];
  return translated ?? instrument.scale.points.find((point) => point.value === value)?.label ?? String(value);
}

/** Item text and plain phrase in a locale, falling back to the source locale. */
export function localizeItem(instrument: Instrument, entry: ProfileItem, locale?: string): { text: string; plain: string } {
  const translated = locale === undefined ? undefined : instrument.translations[locale]?.items?.[entry.id];
  return { text: translated?.text ?? entry.text, plain: translated?.plain ?? entry.plain };
}

/** Whether a locale's words are the source, a reviewed or a provisional translation, or missing (shown in the source). */
export function translationStatusOf(instrument: Instrument, locale: string): "source" | "reviewed" | "provisional" | "missing" {
  if (locale === instrument.sourceLocale) return "source";
  const translation = instrument.translations[locale];
  if (translation === undefined) return "missing";
  return translation.status ?? "provisional";
}

/** A dimension's name and summary in a locale, falling back to the source locale (then to the code). */
export function localizeDimension(instrument: Instrument, code: string, locale?: string): { name: string; summary: string } {
  const source = instrument.dimensions.find((entry) => entry.code === code);
  const translated = locale === undefined ? undefined : instrument.translations[locale]?.dimensions?.[code];
  return { name: translated?.name ?? source?.name ?? code, summary: translated?.summary ?? source?.summary ?? "" };
}
