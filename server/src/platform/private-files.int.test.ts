// The data folder and every file the server writes there are its owner's alone, whatever the umask
// of the shell that started it and whatever modes an earlier install or a restore left (decision
// 030, issue 15 finding 3). The real process, on its default SQLite database in DATA_DIR.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, stopServer, type RunningServer } from "../../test/server-process.js";

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** Starts the server as a shell with `umask 000` would: every file it creates would be world-readable and -writable unless it sees to it. */
async function startWithOpenUmask(env: Record<string, string>): Promise<RunningServer> {
  const previous = process.umask(0o000);
  try {
    return await startServer(env);
  } finally {
    process.umask(previous);
  }
}

describe("[sqlite] the data folder", () => {
  let dataDir: string | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    if (server) await stopServer(server);
    server = undefined;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("is 0700 and every file in it 0600 (database, -wal, -shm, secrets, Web Push keys, outbox), even under umask 000 and over a 0755 folder with a 0644 secret", async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-modes-"));
    fs.chmodSync(dataDir, 0o755);
    // A secret restored from a backup as world-readable.
    fs.writeFileSync(path.join(dataDir, "auth-secret"), "a".repeat(64), { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, "auth-secret"), 0o644);
    server = await startWithOpenUmask({ DATA_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "" });
    // A sign-up writes to the database (and its WAL) and an email to the outbox.
    const response = await fetch(`http://127.0.0.1:${server.port}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3999" },
      body: JSON.stringify({ name: "Modes Person", email: "modes@example.test", password: "river lantern orbit maple" }),
    });
    expect(response.status).toBe(200);
    const outbox = path.join(dataDir, "outbox");
    await expect.poll(() => (fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0)).toBe(1);

    expect(modeOf(dataDir)).toBe("700");
    expect(modeOf(outbox)).toBe("700");
    const files = [
      ...["mutual.sqlite", "mutual.sqlite-wal", "mutual.sqlite-shm", "auth-secret", "encryption-key", "vapid-keys.json"].map((name) =>
        path.join(dataDir!, name),
      ),
      ...fs.readdirSync(outbox).map((name) => path.join(outbox, name)),
    ];
    for (const file of files) expect(`${path.basename(file)} ${modeOf(file)}`).toBe(`${path.basename(file)} 600`);
    // Nothing else was written there that escaped the list above.
    expect(fs.readdirSync(dataDir).sort()).toEqual([
      "auth-secret",
      "encryption-key",
      "mutual.sqlite",
      "mutual.sqlite-shm",
      "mutual.sqlite-wal",
      "outbox",
      "vapid-keys.json",
    ]);
  });
});
