// A language's catalogues (web/catalogue-plugin.ts, decision 095): catalogue key → the import of its
// text, for the files the language has; `missing` names the English files it has none for yet (their
// text is said in English). translations/load.ts reads it with a CatalogueKey.
declare module "virtual:catalogues/*" {
  export const parts: Partial<Record<string, () => Promise<{ default: Record<string, unknown> }>>>;
  export const missing: string[];
}
