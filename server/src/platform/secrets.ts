import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { ensurePrivateDirectory, makeFilePrivate } from "./private-files.js";

/**
 * Returns the configured secret, or the one stored in <dataDir>/<fileName>, creating it
 * on first run. The exclusive create means two instances starting together agree.
 */
export function loadOrCreateSecret(options: {
  configured: string | undefined;
  dataDir: string;
  fileName: string;
  variableName: string;
  logger: FastifyBaseLogger;
  /** When set, a missing file is not created: start-up stops with this message instead. */
  refuseToCreate?: string;
}): string {
  if (options.configured) return options.configured;
  const file = path.join(options.dataDir, options.fileName);
  if (options.refuseToCreate !== undefined && !fs.existsSync(file)) throw new Error(options.refuseToCreate);
  ensurePrivateDirectory(options.dataDir);
  try {
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
    options.logger.warn(
      { file },
      `Generated a new secret because ${options.variableName} is not set. Back up this file with the database: without it, everyone is signed out.`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A file restored from a backup may have come back readable by others.
  makeFilePrivate(file);
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it or set ${options.variableName}.`);
  return secret;
}
