// The frame's words of one language (web/shell-text-plugin.ts); null while the language has no common.json.
declare module "virtual:shell-text/*" {
  const text: Record<string, unknown> | null;
  // A virtual module's shape, declared: the plugin gives a default export.
  // eslint-disable-next-line no-restricted-syntax
  export default text;
}
