import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Request, Response } from "@playwright/test";
import { secretsDir } from "./log-files";

// Every secret a spec uses is written down here, so that after the run the log scan
// (e2e/support/log-scan.ts) can prove the server's log holds none of them. What the browser
// sends and receives is captured by field name (watchTraffic); what a spec sends through
// page.request, which the browser does not see, the spec registers itself (registerSecret).

export type SecretRecord = { what: string; value: string; test: string };

const file = path.join(secretsDir, `${process.pid}.jsonl`);
const seen = new Set<string>();
let currentTest = "";

/** Names the test that the following registrations belong to (set by the fixture). */
export function setCurrentTest(title: string): void {
  currentTest = title;
}

/**
 * Records one secret. Short or all-digit values are skipped: a six-digit one-time code or a
 * seven-point answer would "appear" in any log by chance (timestamps, durations).
 */
export function registerSecret(what: string, value: string): void {
  if (value.length < 8 || /^\d+$/.test(value) || seen.has(value)) return;
  seen.add(value);
  fs.mkdirSync(secretsDir, { recursive: true });
  // Synchronous: a registration made just before a test ends must not be lost.
  fs.appendFileSync(file, `${JSON.stringify({ what, value, test: currentTest } satisfies SecretRecord)}\n`);
}

/** Field names whose string values are secrets wherever they appear in a request or answer. */
const secretFields: Record<string, string> = {
  password: "a password",
  newPassword: "a password",
  currentPassword: "a password",
  email: "an email address",
  note: "a check-in note",
  reflection: "an exercise reflection",
  code: "an invite or backup code",
  backupCodes: "a backup code",
  token: "a session token",
  secret: "a two-step sign-in key",
};

function collect(value: unknown, field = ""): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, field);
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) collect(inner, key);
    return;
  }
  if (typeof value !== "string") return;
  if (field === "totpURI") {
    // otpauth://totp/…?secret=KEY&…: the key an authenticator app holds.
    registerSecret("a two-step sign-in key", new URL(value).searchParams.get("secret") ?? "");
    return;
  }
  const what = secretFields[field];
  // An error answer's code (NOT_FOUND) shares the field name with invite codes; it is no secret.
  if (what && !(field === "code" && /^[A-Z][A-Z_]*$/.test(value))) registerSecret(what, value);
}

function fromRequest(request: Request): void {
  const body = request.postData();
  if (!body) return;
  try {
    collect(JSON.parse(body));
  } catch {
    // Not JSON: the app sends only JSON, so there is nothing of ours to record.
  }
}

async function fromResponse(response: Response): Promise<void> {
  try {
    const headers = await response.allHeaders();
    for (const cookie of (headers["set-cookie"] ?? "").split("\n")) {
      const value = /^[^=]*session_token=([^;]+)/.exec(cookie)?.[1];
      // The cookie is token.signature, URL-encoded; the token alone is the secret.
      if (value) registerSecret("a session token", decodeURIComponent(value).split(".")[0] ?? "");
    }
    if (!new URL(response.url()).pathname.startsWith("/api/") || !(headers["content-type"] ?? "").includes("json")) return;
    collect(await response.json());
  } catch {
    // The page moved on or the context closed before the body arrived: nothing to record.
  }
}

/** Records the secrets in every request the context's pages send and every answer they get. */
export function watchTraffic(context: BrowserContext): void {
  context.on("request", fromRequest);
  context.on("response", (response) => void fromResponse(response));
}
