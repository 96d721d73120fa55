import { fileURLToPath } from "node:url";

// Where the log scan's inputs live (e2e-output is ignored by git and by lint).

/** Everything the e2e server wrote during the run (e2e/support/server-with-log.mjs). */
export const serverLogFile = fileURLToPath(new URL("../../e2e-output/server.log", import.meta.url));

/** The secrets the specs used, one JSON line each (e2e/support/secrets.ts). */
export const secretsDir = fileURLToPath(new URL("../../e2e-output/secrets/", import.meta.url));
