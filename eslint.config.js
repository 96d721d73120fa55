// Lint rules, including the dependency direction of the architecture
// (docs/architecture.md): core imports nothing but zod; web never imports server;
// routes never import repositories; only server/src/auth imports better-auth.
// The boundaries between folders are checked on resolved paths (import-x's
// no-restricted-paths with the TypeScript resolver), so they hold however an import is
// spelt: `../couple/couple.service.js` and `../../modules/couple/couple.service.js` alike.
// Each has a probe in scripts/architecture-rules.test.ts that must be refused. The resolver reads
// the "source" condition first, so @mutual/core resolves to its sources before any build: an
// import that does not resolve would pass the zones unseen.
import fs from "node:fs";
import js from "@eslint/js";
import globals from "globals";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const serverModules = fs
  .readdirSync(new URL("./server/src/modules", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Each server module reaches another only through that module's index.ts. */
const moduleZones = serverModules.flatMap((module) =>
  serverModules
    .filter((other) => other !== module)
    .map((other) => ({
      target: `./server/src/modules/${module}`,
      from: `./server/src/modules/${other}`,
      except: ["./index.ts"],
      message: `Modules talk to each other through their index.ts: import from "../${other}/index.js".`,
    })),
);

const webFeatures = fs
  .readdirSync(new URL("./web/src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A web feature stands on components/ and lib/ only; features meet in app/, which composes them. */
const webFeatureZones = webFeatures.flatMap((feature) =>
  webFeatures
    .filter((other) => other !== feature)
    .map((other) => ({
      target: `./web/src/features/${feature}`,
      from: `./web/src/features/${other}`,
      message:
        "A web feature imports only components/, lib/ and its own files: move what features share into components/ or lib/, and compose features in app/.",
    })),
);
const sharedWebZone = {
  target: ["./web/src/components", "./web/src/lib"],
  from: ["./web/src/features", "./web/src/app"],
  message: "components/ and lib/ are shared by every feature: they import no feature and nothing from app/.",
};
const featureAppZone = {
  target: "./web/src/features",
  from: "./web/src/app",
  message: "app/ composes the features: a feature never imports app/ (only its tests may render app routes).",
};

const boundaryZones = [
  ...moduleZones,
  { target: "./core", from: ["./server", "./web", "./scripts", "./bench", "./e2e"], message: "core is pure: it imports nothing but zod and its own modules." },
  { target: "./web", from: ["./server", "./scripts", "./bench"], message: "The web app never imports the server." },
  ...webFeatureZones,
  sharedWebZone,
  {
    target: "./server/src/db/migrations",
    from: ["./server/src/modules", "./server/src/auth", "./server/src/http", "./server/src/platform", "./core"],
    message: "Migrations are frozen in time: they import no application code (write the values out).",
  },
  {
    target: "./server/src/**/*.policy.ts",
    from: ["./server/src/db", "./server/src/platform"],
    message: "A policy decides from what it is given: no database, network or file access.",
  },
  {
    target: [
      "./server/src/modules/**/*.service.ts",
      "./server/src/modules/**/*.policy.ts",
      "./server/src/modules/**/*.repository.ts",
      "./server/src/modules/**/*.presenter.ts",
    ],
    from: "./server/src/http",
    message: "Only routes speak HTTP: services, policies, repositories and presenters take an Actor and throw DomainError (server/src/domain).",
  },
  {
    target: "./server/src/**/*.routes.ts",
    from: ["./server/src/db/migrations", "./server/src/db/schema.ts", "./server/src/db/current-schema-introspector.ts"],
    message: "Routes call services: no SQL in a route.",
  },
];

// Patterns of no-restricted-imports, shared by the blocks that need them.
const onlyAuthImportsBetterAuth = { regex: "^@?better-auth($|/)", message: "Only server/src/auth imports better-auth; use its index.ts." };
const moduleThroughIndex = { regex: "modules/[^/]+/(?!index(\\.js)?$)[^/]+$", message: "Modules talk to each other through their index.ts." };
const onlyServicesTouchRepositories = { regex: "\\.repository(\\.js)?$", message: "Only the module's own service touches its repository." };
const ownRepositoryOnly = { regex: "^(?!\\./).*\\.repository(\\.js)?$", message: "A service touches only its own module's repository." };
const routesCallServices = { regex: "\\.repository(\\.js)?$", message: "Routes call services; only services touch repositories." };
const noSqlInRoutes = { regex: "^(kysely|pg|better-sqlite3)($|/)", message: "Routes call services: no SQL in a route." };
const policyDecidesFromWhatItIsGiven = [
  { regex: "^(kysely|pg|better-sqlite3|nodemailer|web-push)($|/)", message: "A policy decides from what it is given: no database or network." },
  { regex: "^(node:)?(fs|net|http|https|dns|child_process)($|/)", message: "A policy decides from what it is given: no file or network access." },
  { regex: "\\.repository(\\.js)?$", message: "A policy decides from what it is given: the service reads the data." },
];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "e2e-output/**", "playwright-report/**", "test-results/**", "data/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          conditionNames: ["source", "types", "import", "default"],
          project: ["core/tsconfig.json", "server/tsconfig.json", "web/tsconfig.json", "scripts/tsconfig.json", "bench/tsconfig.json", "e2e/tsconfig.json"],
        }),
      ],
    },
    rules: { "import-x/no-restricted-paths": ["error", { zones: [...boundaryZones, featureAppZone] }] },
  },
  {
    // A feature's tests may render the app's routes around it (composition is what they check).
    files: ["web/src/features/**/*.test.{ts,tsx}"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: boundaryZones }] },
  },
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
    // One place loads the SQLite driver: it picks the build that is safe on the running Node (decision 053).
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["server/src/db/sqlite-driver.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "better-sqlite3",
              allowTypeImports: true,
              message: "Load SQLite through server/src/db/sqlite-driver.ts: it picks the driver that is safe on this Node (decision 053).",
            },
          ],
        },
      ],
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
    rules: { "no-restricted-imports": ["error", { patterns: [onlyAuthImportsBetterAuth] }] },
  },
  {
    // The only reader of the environment is config.ts: everything else is given its settings.
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/config.ts", "server/src/**/*.test.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings in server/src/config.ts and pass them in." }],
    },
  },
  // One no-restricted-imports per kind of file: a later block's options replace an earlier one's for
  // the same rule, so each block below carries every pattern that applies to its files.
  {
    files: ["server/src/modules/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [moduleThroughIndex, onlyServicesTouchRepositories, onlyAuthImportsBetterAuth] }] },
  },
  {
    // A service is the one place that touches its own module's repository (a relative
    // "./x.repository.js"); another module's files are still reached only through index.ts.
    files: ["server/src/modules/**/*.service.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [moduleThroughIndex, ownRepositoryOnly, onlyAuthImportsBetterAuth] }] },
  },
  {
    files: ["server/src/**/*.routes.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [moduleThroughIndex, routesCallServices, noSqlInRoutes, onlyAuthImportsBetterAuth] }] },
  },
  {
    files: ["server/src/**/*.policy.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [moduleThroughIndex, ...policyDecidesFromWhatItIsGiven, onlyAuthImportsBetterAuth] }] },
  },
);
