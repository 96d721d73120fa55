// The frame's words of one language (web/shell-text-plugin.ts); null while the language has no common.json.
// A language with a font of its own (web/src/fonts/) gives them once the font is ready: a promise.
declare module "virtual:shell-text/*" {
  const text: Record<string, unknown> | null | Promise<Record<string, unknown> | null>;
  // A virtual module's shape, declared: the plugin gives a default export.
  // eslint-disable-next-line no-restricted-syntax
  export default text;
}
