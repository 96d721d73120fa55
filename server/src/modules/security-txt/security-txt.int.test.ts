import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, testPublicUrl, type TestApp } from "../../../test/build-test-app.js";
import { dialects } from "../../../test/test-databases.js";
import { securityTxtRoutes } from "./index.js";

const now = new Date("2026-11-24T09:30:15.250Z");
const clock = { now: () => now };

/** security.txt as field → values (RFC 9116: "Name: value" lines, some fields repeated). */
function fields(body: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of body.split("\n").filter(Boolean)) {
    const match = /^([A-Za-z-]+): (.+)$/.exec(line);
    expect(match, `a field line: ${line}`).not.toBeNull();
    map.set(match![1]!, [...(map.get(match![1]!) ?? []), match![2]!]);
  }
  return map;
}

describe.each(dialects)("[%s] security.txt", (dialect) => {
  let configured: TestApp;
  let byDefault: TestApp;
  beforeAll(async () => {
    configured = await buildTestApp(dialect, { clock, env: { SECURITY_CONTACT: "safety@clinic.example, https://clinic.example/report" } });
    byDefault = await buildTestApp(dialect, { clock });
  });
  afterAll(async () => {
    await configured.close();
    await byDefault.close();
  });

  it("names the operator's contacts, expires within a year, and says where it lives and which policy applies", async () => {
    const response = await configured.app.inject({ method: "GET", url: "/.well-known/security.txt" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const txt = fields(response.body);
    expect(txt.get("Contact")).toEqual(["mailto:safety@clinic.example", "https://clinic.example/report"]);
    expect(txt.get("Preferred-Languages")).toEqual(["en"]);
    expect(txt.get("Canonical")).toEqual([`${testPublicUrl}/.well-known/security.txt`]);
    const expires = txt.get("Expires")?.[0] ?? "";
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const days = (Date.parse(expires) - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(365);
    expect(txt.get("Policy")).toEqual([`${testPublicUrl}/security-policy.txt`]);
  });

  it("serves the project's SECURITY.md as the policy it points to", async () => {
    const policy = await configured.app.inject({ method: "GET", url: "/security-policy.txt" });
    expect(policy.statusCode).toBe(200);
    expect(policy.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const shipped = fs.readFileSync(path.resolve(import.meta.dirname, "../../../../SECURITY.md"), "utf8");
    expect(policy.body).toBe(shipped);
    expect(policy.body).toMatch(/vulnerabilit/i);
  });

  it("without SECURITY_CONTACT, points at security@ the deployment's own host", async () => {
    const response = await byDefault.app.inject({ method: "GET", url: "/.well-known/security.txt" });
    expect(fields(response.body).get("Contact")).toEqual([`mailto:security@${new URL(testPublicUrl).hostname}`]);
  });
});

describe("security.txt without a policy file", () => {
  it("leaves the Policy line out rather than link to nothing", async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-no-policy-"));
    const app = Fastify();
    try {
      await app.register(securityTxtRoutes, {
        contacts: ["mailto:security@localhost"],
        publicUrl: testPublicUrl,
        clock,
        policyFile: path.join(emptyDir, "SECURITY.md"),
      });
      const response = await app.inject({ method: "GET", url: "/.well-known/security.txt" });
      expect(response.statusCode).toBe(200);
      expect(fields(response.body).has("Policy")).toBe(false);
      expect((await app.inject({ method: "GET", url: "/security-policy.txt" })).statusCode).toBe(404);
    } finally {
      await app.close();
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
