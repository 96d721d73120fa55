import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("works with no variables at all: SQLite under ./data on port 3000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.database).toEqual({ dialect: "sqlite", file: path.resolve("./data/mutual.sqlite") });
    expect(config.authSecret).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.clientIpHeader).toBeUndefined();
    expect(config.logLevel).toBe("info");
  });

  it("takes a VAPID key pair whole or not at all, and refuses keys of the wrong size or a subject push services cannot use", () => {
    const publicKey = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString("base64url");
    const privateKey = Buffer.alloc(32, 2).toString("base64url");
    expect(loadConfig({}).vapidKeys).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: "https://mutual.example.org" }).vapidSubject).toBe("mailto:security@mutual.example.org");
    expect(loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: "mailto:ops@example.org" })).toMatchObject({
      vapidKeys: { publicKey, privateKey },
      vapidSubject: "mailto:ops@example.org",
    });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey })).toThrow(/set both/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: privateKey, VAPID_PRIVATE_KEY: publicKey, VAPID_SUBJECT: "http://example.org" })).toThrow(ConfigError);
    try {
      loadConfig({ VAPID_PUBLIC_KEY: privateKey, VAPID_PRIVATE_KEY: publicKey, VAPID_SUBJECT: "http://example.org" });
    } catch (error) {
      expect((error as ConfigError).problems.map((problem) => problem.split(":")[0])).toEqual(["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"]);
    }
  });

  it("refuses push to private addresses unless PUSH_ALLOW_PRIVATE_ENDPOINTS is true, and refuses other words for it", () => {
    expect(loadConfig({}).pushAllowPrivateEndpoints).toBe(false);
    expect(loadConfig({ PUSH_ALLOW_PRIVATE_ENDPOINTS: "false" }).pushAllowPrivateEndpoints).toBe(false);
    // Left empty, as in .env.example: the default.
    expect(loadConfig({ PUSH_ALLOW_PRIVATE_ENDPOINTS: "" }).pushAllowPrivateEndpoints).toBe(false);
    expect(loadConfig({ PUSH_ALLOW_PRIVATE_ENDPOINTS: "true" }).pushAllowPrivateEndpoints).toBe(true);
    expect(() => loadConfig({ PUSH_ALLOW_PRIVATE_ENDPOINTS: "yes" })).toThrow(/PUSH_ALLOW_PRIVATE_ENDPOINTS/);
  });

  it("follows PORT into the default public URL", () => {
    expect(loadConfig({ PORT: "4100" }).publicUrl).toBe("http://localhost:4100");
  });

  it("chooses PostgreSQL from DATABASE_URL", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://db.internal/mutual" });
    expect(config.database).toEqual({ dialect: "postgres", connectionString: "postgres://db.internal/mutual" });
  });

  it("accepts an SQLite file path and treats empty values as unset", () => {
    expect(loadConfig({ DATABASE_URL: "file:/var/lib/mutual/db.sqlite" }).database).toEqual({ dialect: "sqlite", file: "/var/lib/mutual/db.sqlite" });
    expect(loadConfig({ SMTP_URL: "", AUTH_SECRET: "  " }).smtpUrl).toBeUndefined();
  });

  it("lowercases the client IP header and trims a trailing slash from PUBLIC_URL", () => {
    const config = loadConfig({ CLIENT_IP_HEADER: "X-Forwarded-For", PUBLIC_URL: "https://mutual.example.org/" });
    expect(config.clientIpHeader).toBe("x-forwarded-for");
    expect(config.publicUrl).toBe("https://mutual.example.org");
  });

  it("takes security contacts as URIs (a bare address becomes mailto:), defaulting to security@ the public host", () => {
    expect(loadConfig({ PUBLIC_URL: "https://mutual.example.org" }).securityContacts).toEqual(["mailto:security@mutual.example.org"]);
    const config = loadConfig({ SECURITY_CONTACT: "safety@clinic.example, https://clinic.example/report ,tel:+65-6000-0000" });
    expect(config.securityContacts).toEqual(["mailto:safety@clinic.example", "https://clinic.example/report", "tel:+65-6000-0000"]);
    for (const bad of ["not a contact", "http://clinic.example/report", "mailto:nobody", "safety@clinic.example, ftp://x"]) {
      expect(() => loadConfig({ SECURITY_CONTACT: bad }), bad).toThrow(/SECURITY_CONTACT.*must be an email address or a mailto:, https: or tel: URI/);
    }
  });

  it("takes the session idle timeouts in minutes and the lifetime in hours, a week, 30 minutes and 30 days by default", () => {
    expect(loadConfig({}).sessionLimits).toEqual({ idleMs: 7 * 24 * 3_600_000, practiceIdleMs: 30 * 60_000, lifetimeMs: 30 * 24 * 3_600_000 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: "120", PRACTICE_SESSION_IDLE_MINUTES: " 15 ", SESSION_LIFETIME_HOURS: "12" }).sessionLimits).toEqual({
      idleMs: 120 * 60_000,
      practiceIdleMs: 15 * 60_000,
      lifetimeMs: 12 * 3_600_000,
    });
    for (const bad of ["4", "43201", "1.5", "-5", "ten"]) expect(() => loadConfig({ SESSION_IDLE_MINUTES: bad }), bad).toThrow(/SESSION_IDLE_MINUTES: must be/);
    for (const bad of ["4", "1441", "x"])
      expect(() => loadConfig({ PRACTICE_SESSION_IDLE_MINUTES: bad }), bad).toThrow(/PRACTICE_SESSION_IDLE_MINUTES: must be/);
    for (const bad of ["0", "2161", "1h"]) expect(() => loadConfig({ SESSION_LIFETIME_HOURS: bad }), bad).toThrow(/SESSION_LIFETIME_HOURS: must be/);
  });

  it("takes the retention sweep period in whole seconds from 1 to a day, 10 minutes by default", () => {
    expect(loadConfig({}).retentionSweepMs).toBe(600_000);
    expect(loadConfig({ RETENTION_SWEEP_SECONDS: "" }).retentionSweepMs).toBe(600_000);
    expect(loadConfig({ RETENTION_SWEEP_SECONDS: " 2 " }).retentionSweepMs).toBe(2_000);
    for (const bad of ["0", "86401", "1.5", "-5", "ten"]) {
      expect(() => loadConfig({ RETENTION_SWEEP_SECONDS: bad }), bad).toThrow(/RETENTION_SWEEP_SECONDS: must be/);
    }
  });

  it("takes the deployment norms period in whole seconds from a minute to a day, an hour by default", () => {
    expect(loadConfig({}).deploymentNormsMs).toBe(3_600_000);
    expect(loadConfig({ DEPLOYMENT_NORMS_SECONDS: " 60 " }).deploymentNormsMs).toBe(60_000);
    for (const bad of ["59", "0", "86401", "1.5", "-5", "hourly"]) {
      expect(() => loadConfig({ DEPLOYMENT_NORMS_SECONDS: bad }), bad).toThrow(/DEPLOYMENT_NORMS_SECONDS: must be/);
    }
  });

  it("lists every bad variable at once", () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://nope", LOG_LEVEL: "loud", AUTH_SECRET: "short", SMTP_URL: "http://mail", PUBLIC_URL: "ftp://x" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join("\n");
    for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "AUTH_SECRET", "SMTP_URL", "PUBLIC_URL"]) {
      expect(problems).toContain(name);
    }
    expect((caught as ConfigError).problems).toHaveLength(6);
  });

  it("bounds database waits and connections, with the per-address limit off behind a proxy and an empty value meaning the default", () => {
    const defaults = loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: "" });
    expect([defaults.databaseTimeoutMs, defaults.maxConnections, defaults.maxConnectionsPerAddress]).toEqual([2500, 512, 64]);
    expect(loadConfig({ CLIENT_IP_HEADER: "x-forwarded-for" }).maxConnectionsPerAddress).toBe(0);
    expect(loadConfig({ CLIENT_IP_HEADER: "x-forwarded-for", MAX_CONNECTIONS_PER_ADDRESS: "200" }).maxConnectionsPerAddress).toBe(200);
    expect(loadConfig({ DATABASE_TIMEOUT_MS: "8000", MAX_CONNECTIONS: "2000" })).toMatchObject({ databaseTimeoutMs: 8000, maxConnections: 2000 });
    expect(loadConfig({}).passwordHashesAtOnce).toBe(1);
    expect(loadConfig({ PASSWORD_HASHES_AT_ONCE: "2" }).passwordHashesAtOnce).toBe(2);
    for (const bad of ["0", "5", "1.5", "two"]) expect(() => loadConfig({ PASSWORD_HASHES_AT_ONCE: bad }), bad).toThrow(/PASSWORD_HASHES_AT_ONCE: must be/);
    expect(() => loadConfig({ DATABASE_TIMEOUT_MS: "100", MAX_CONNECTIONS: "3", MAX_CONNECTIONS_PER_ADDRESS: "-1" })).toThrow(
      /DATABASE_TIMEOUT_MS: must be at least 500 ms[\s\S]*MAX_CONNECTIONS: must be at least 16[\s\S]*MAX_CONNECTIONS_PER_ADDRESS: must be a whole number/,
    );
  });
});
