import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { serverLogFile } from "./e2e/support/log-files";

// End-to-end tests drive the built app (npm run build) in Debian's Chromium: Playwright
// never downloads a browser here. A second tiny server plays the neutral site that
// quick exit leaves for.
const appPort = Number(process.env.E2E_PORT ?? 3210);
const neutralPort = appPort + 1;
// Set once in the runner and inherited by its workers (which load this file again), so a spec
// can find this run's server data, e.g. the outbox the e2e server writes emails to.
const dataDir = (process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `mutual-e2e-${process.pid}`));

export const e2eBaseUrl = `http://localhost:${appPort}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-output/artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "e2e-output/results.json" }]],
  // After the last spec, the server's log must hold none of the secrets the specs used.
  globalSetup: "./e2e/support/log-scan.ts",
  use: {
    baseURL: e2eBaseUrl,
    ...devices["Pixel 7"],
    viewport: { width: 390, height: 844 },
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      command: `node e2e/support/neutral-site.mjs ${neutralPort}`,
      url: `http://localhost:${neutralPort}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // The server's output also goes to a file, for the log scan.
      command: "node e2e/support/server-with-log.mjs",
      url: `${e2eBaseUrl}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Debug lines stay in the file (e2e-output/server.log); errors still reach the console.
      stdout: "ignore",
      env: {
        PORT: String(appPort),
        DATA_DIR: dataDir,
        QUICK_EXIT_URL: `http://localhost:${neutralPort}/`,
        // The most the server ever writes, so the log scan sees every line an operator could enable.
        LOG_LEVEL: "debug",
        E2E_SERVER_LOG: serverLogFile,
        // As behind a reverse proxy: each test browser sends its own address (e2e/support/fixtures.ts).
        CLIENT_IP_HEADER: "x-forwarded-for",
        NODE_ENV: "production",
        // The outbox's round every 5 s (its shortest), so a reminder due in a minute arrives within the test.
        OUTBOX_SECONDS: "5",
      },
    },
  ],
});
