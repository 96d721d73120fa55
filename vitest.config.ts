import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { cataloguePlugin } from "./web/catalogue-plugin.js";
import { shellTextPlugin } from "./web/shell-text-plugin.js";
import { preactAliases } from "./web/preact-aliases.js";

// One Vitest run, three projects: pure unit tests, integration tests through
// app.inject() on both database dialects, and web component tests in happy-dom.
// The "source" condition resolves @mutual/core to its TypeScript sources so tests
// never need a build first.
const serverConditions = ["source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions: serverConditions },
  ssr: { resolve: { conditions: serverConditions } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["core/src/**/*.test.ts", "server/src/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          globalSetup: ["server/test/global-setup.ts"],
          include: ["server/src/**/*.int.test.ts", "server/test/**/*.int.test.ts"],
          // Each file builds its own app on its own databases; keep parallelism
          // modest so the 2-core CI machine is not oversubscribed.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        resolve: {
          conditions: ["source", ...defaultClientConditions],
          // Testing Library's main file is CommonJS, whose require() no alias reaches: its ES module build is.
          alias:
            preactAliases.length === 0
              ? []
              : [{ find: /^@testing-library\/react$/, replacement: "@testing-library/react/dist/@testing-library/react.esm.js" }, ...preactAliases],
        },
        plugins: [shellTextPlugin(), cataloguePlugin()],
        test: {
          name: "web",
          environment: "happy-dom",
          include: ["web/src/**/*.test.tsx", "web/src/**/*.test.ts"],
          setupFiles: ["web/src/testing/setup-tests.ts"],
          // Libraries that import React are run through Vite too, so they get Preact as the app does.
          server: {
            deps: { inline: preactAliases.length === 0 ? [] : [/@testing-library\/react/, /react-i18next/, /@tanstack\/react-query/, /react-router/] },
          },
        },
      },
    ],
  },
});
