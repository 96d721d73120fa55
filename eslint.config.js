// Lint rules, including the dependency direction of the architecture
// (docs/architecture.md): core imports nothing but zod; web never imports server;
// routes never import repositories; only server/src/auth imports better-auth.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";


export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "e2e-output/**", "playwright-report/**", "test-results/**", "data/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", { selector: "ExportDefaultDeclaration", message: "Use named exports." }],
    },
  },
  {
    // Migrations are frozen in time and see the database untyped (Kysely<any>), by design.
    files: ["server/src/db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Config files that tools require to have a default export.
    files: ["*.config.ts", "*.config.js", "web/vite.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["core/src/**/*.ts"],
    // Tests, and the test support they share (core/src/testing, never built or exported), may use dev tools.
    ignores: ["core/src/**/*.test.ts", "core/src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!zod(/|$)|\\.{1,2}/).*",
              message: "core is pure: it imports nothing but zod and its own modules.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^@mutual/server", message: "The web app never imports the server." },
            { regex: "(^|/)server/", message: "The web app never imports the server." },
            { regex: "^@?better-auth($|/)", message: "Talk to the API through web/src/lib and the feature api/ folders." },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/auth/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@?better-auth($|/)", message: "Only server/src/auth imports better-auth; use its index.ts." }] },
      ],
    },
  },
  {
    files: ["server/src/**/*.routes.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "\\.repository(\\.js)?$", message: "Routes call services; only services touch repositories." },
            { regex: "^@?better-auth($|/)", message: "Only server/src/auth imports better-auth." },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/modules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "modules/[^/]+/(?!index(\\.js)?$)[^/]+$", message: "Modules talk to each other through their index.ts." },
            { regex: "\\.repository(\\.js)?$", message: "Only the module's own service touches its repository." },
            { regex: "^@?better-auth($|/)", message: "Only server/src/auth imports better-auth." },
          ],
        },
      ],
    },
  },
  {
    // A service is the one place that touches its own module's repository (a relative
    // "./x.repository.js"); another module's files are still reached only through index.ts.
    files: ["server/src/modules/**/*.service.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "modules/[^/]+/(?!index(\\.js)?$)[^/]+$", message: "Modules talk to each other through their index.ts." },
            { regex: "^(?!\\./).*\\.repository(\\.js)?$", message: "A service touches only its own module's repository." },
            { regex: "^@?better-auth($|/)", message: "Only server/src/auth imports better-auth." },
          ],
        },
      ],
    },
  },
);
