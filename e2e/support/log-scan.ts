import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { secretsDir, serverLogFile } from "./log-files";
import type { SecretRecord } from "./secrets";

// After every spec has run, the server's whole log (written at debug, the most it ever writes)
// must hold none of the secrets the specs used: passwords, email addresses, session tokens,
// invite and backup codes, the two-step key, check-in notes and exercise reflections; nor any
// email address at all, nor a field that carries what someone sent (an answer, a note).

/** Field names that would mean a request's content reached the log (unless redacted). */
const contentFields = new Set([
  "body",
  "payload",
  "answers",
  "value",
  "note",
  "reflection",
  "password",
  "newPassword",
  "currentPassword",
  "code",
  "backupCodes",
  "token",
  "cookie",
  "authorization",
  "secret",
]);
const emailPattern = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/i;

/** The forms a secret takes on its way through HTTP, JSON and URLs. */
function formsOf(value: string): string[] {
  const forms = new Set([
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, "+"),
    value.replace(/ /g, "+"),
  ]);
  if (value.includes("@")) forms.add(value.toLowerCase());
  return [...forms];
}

function readSecrets(): SecretRecord[] {
  if (!fs.existsSync(secretsDir)) return [];
  return fs
    .readdirSync(secretsDir)
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) => fs.readFileSync(path.join(secretsDir, name), "utf8").split("\n").filter(Boolean))
    .map((line) => JSON.parse(line) as SecretRecord);
}

function fieldProblems(value: unknown, into: string[], where = ""): string[] {
  if (Array.isArray(value)) value.forEach((item) => fieldProblems(item, into, where));
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (contentFields.has(key) && inner !== "[redacted]") into.push(`a field named "${where}${key}"`);
      fieldProblems(inner, into, `${where}${key}.`);
    }
  }
  return into;
}

/** Waits until a request made now shows in the log: every earlier line has then been written. */
async function waitForLogToCatchUp(baseURL: string): Promise<void> {
  const marker = `/api/log-scan-marker-${randomUUID()}`;
  await fetch(new URL(marker, baseURL));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (fs.existsSync(serverLogFile) && fs.readFileSync(serverLogFile, "utf8").includes(marker)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `The e2e server's log (${serverLogFile}) never showed a request made at the end of the run: is LOG_LEVEL debug and the log going to that file?`,
  );
}

/** Every place the log holds a secret or personal data; empty when it holds none. */
export function findLeaks(): string[] {
  const secrets = readSecrets();
  const lines = fs.readFileSync(serverLogFile, "utf8").split("\n");
  const problems: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `server.log line ${index + 1}`;
    for (const secret of secrets) {
      const haystack = secret.value.includes("@") ? line.toLowerCase() : line;
      if (formsOf(secret.value).some((form) => haystack.includes(form))) {
        problems.push(`${where} holds ${secret.what} (${JSON.stringify(secret.value)}, used in "${secret.test}"): ${line.slice(0, 300)}`);
      }
    }
    const email = emailPattern.exec(line);
    if (email) problems.push(`${where} holds an email address (${email[0]}): ${line.slice(0, 300)}`);
    if (line.startsWith("{")) {
      try {
        for (const field of fieldProblems(JSON.parse(line), [])) problems.push(`${where} has ${field}: ${line.slice(0, 300)}`);
      } catch {
        // A partial line: its text was still searched above.
      }
    }
  });
  return problems;
}

/** Global setup: forget the secrets of an earlier run. Returns the scan, run after every spec. */
// eslint-disable-next-line no-restricted-syntax -- Playwright loads globalSetup through its default export
export default function logScan(config: FullConfig): () => Promise<void> {
  fs.rmSync(secretsDir, { recursive: true, force: true });
  fs.mkdirSync(secretsDir, { recursive: true });
  return async () => {
    const baseURL = config.projects[0]?.use.baseURL;
    if (!baseURL) throw new Error("The log scan needs the e2e server's baseURL");
    await waitForLogToCatchUp(baseURL);
    const problems = findLeaks();
    if (problems.length > 0) {
      throw new Error(`The e2e server's log holds secrets or personal data (${problems.length}):\n${problems.slice(0, 50).join("\n")}`);
    }
    process.stdout.write(`Log scan: ${readSecrets().length} secrets used by the specs, none in the server's log.\n`);
  };
}
