import { enFirstLoad } from "../locales/en/first-load";

// The frame's and the home page's few sentences without i18next (decision 043): i18next and its
// React binding load with the first lazy page, with the rest of the text. The words are the same
// catalogue entries i18next serves (first-load.ts), so both say the same thing.

type Leaves<T, Prefix extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`> }[keyof T &
  string];

/** A key of the first-load catalogue, e.g. "nav.home". */
export type ShellTextKey = Leaves<typeof enFirstLoad>;

/** The text of a first-load key, with {{name}} placeholders filled in. */
export function shellText(key: ShellTextKey, values: Record<string, string> = {}): string {
  let node: unknown = enFirstLoad;
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  const text = typeof node === "string" ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
