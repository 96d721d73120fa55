// (b) A disk that fills (issue 14, decision 027): the built server on SQLite with its data folder on
// a small tmpfs, people writing, and then the disk filled to the last byte. Proves: writes answer
// 503 STORAGE_FULL (never 500) and /readyz 503 while the disk is full; a sign-up is not told to
// check its email; once space is back, the same writes go through and /readyz is 200 again; every
// acknowledged write is in the database, which passes SQLite's integrity checks. Needs a machine
// that lets this process mount a tmpfs (root); elsewhere the proof says so and is skipped, and the
// injected SQLITE_FULL of server/src/http/storage-outage.int.test.ts covers the server's side.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Checks } from "../durability/checks.js";
import { request } from "../durability/http-client.js";
import { newLedger } from "../durability/ledger.js";
import { signUpPeople } from "../durability/people.js";
import { createRandom } from "../durability/random.js";
import { freePort, startServer } from "../durability/server-process.js";
import { checkDatabase } from "../durability/verify.js";
import { openSqliteInspectorAt } from "../durability/database-target.js";
import { startWriters, summarise } from "./writers.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mounts a tmpfs of `megabytes` at a new folder; null when this machine does not allow it. */
function mountSmallDisk(megabytes: number): { dir: string; unmount(): void } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-small-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m,mode=0700`, "tmpfs", dir], { stdio: "ignore" });
  if (mounted.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount() {
      spawnSync("umount", [dir], { stdio: "ignore" });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros until the file system says no space is left; returns the file's size. */
function fillDisk(file: string): number {
  const fd = fs.openSync(file, "w");
  let written = 0;
  try {
    for (const chunk of [1 << 20, 1 << 14, 1 << 10, 64, 1]) {
      const buffer = Buffer.alloc(chunk);
      for (;;) {
        try {
          written += fs.writeSync(fd, buffer);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

export async function proveDiskFull(checks: Checks, log: (line: string) => void): Promise<"skipped" | "done"> {
  const disk = mountSmallDisk(24);
  if (!disk) {
    log("  skipped: this machine does not let this process mount a tmpfs (the injected SQLITE_FULL integration test covers the server's side)");
    return "skipped";
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(baseUrl, {
    DATA_DIR: disk.dir,
    DATABASE_URL: "",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    CLIENT_IP_HEADER: "x-forwarded-for",
    LOG_LEVEL: "warn",
  });
  const filler = path.join(disk.dir, "filler");
  try {
    const people = await signUpPeople(baseUrl, disk.dir, 3, "diskfull");
    const ledgers = people.map(newLedger);
    const writers = startWriters({ baseUrl, ledgers, randoms: people.map((person) => createRandom("disk-full", `writer-${person.index}`)), checks });
    await sleep(1500);
    const fullFrom = Date.now();
    const bytes = fillDisk(filler);
    await sleep(3000);
    const readyWhileFull = await request(baseUrl, "GET", "/readyz");
    const signUp = await request(baseUrl, "POST", "/api/auth/sign-up/email", {
      headers: { origin: baseUrl, "x-forwarded-for": "10.99.0.1" },
      json: { email: "on.a.full.disk@example.test", password: "river lantern orbit full disk", name: "Full Disk" },
    });
    const whileFull = summarise(writers.answers, fullFrom, Date.now());
    log(
      `  disk filled (${(bytes / 1048576).toFixed(1)} MB of filler): ${JSON.stringify(whileFull.byStatus)}; /readyz ${readyWhileFull.status}; a sign-up answered ${signUp.status}`,
    );
    checks.that(whileFull.byStatus["503 STORAGE_FULL"] !== undefined, "writes on the full disk answer 503 STORAGE_FULL");
    checks.that(
      readyWhileFull.status === 503 && readyWhileFull.body.includes('"writes":"failing"'),
      `/readyz says writes are failing (got ${readyWhileFull.status} ${readyWhileFull.body})`,
    );
    checks.that(signUp.status === 503, `a sign-up on the full disk is not told to check its email (got ${signUp.status} ${signUp.body})`);

    fs.rmSync(filler);
    const freedAt = Date.now();
    let readyAgainMs = -1;
    for (let waited = 0; waited < 20_000; waited += 200) {
      if ((await request(baseUrl, "GET", "/readyz")).status === 200) {
        readyAgainMs = Date.now() - freedAt;
        break;
      }
      await sleep(200);
    }
    await sleep(1500);
    await writers.stop(10_000);
    const afterwards = summarise(writers.answers, freedAt, Date.now());
    log(`  space back: ready again after ${readyAgainMs} ms; ${JSON.stringify(afterwards.byStatus)}`);
    checks.that(readyAgainMs >= 0, "/readyz is 200 again once space is back");
    const statuses = new Set(writers.answers.map((answer) => answer.status));
    checks.that(
      [...statuses].every((status) => status === 200 || status === 503),
      `every answer is 200 or 503 (got ${JSON.stringify(summarise(writers.answers).byStatus)})`,
    );
    checks.that(
      ledgers.every((ledger) => ledger.pending === undefined),
      "every write was acknowledged once space was back",
    );
    checks.that(server.isRunning(), "the server kept running");
    await server.stop();
    const inspector = openSqliteInspectorAt(path.join(disk.dir, "mutual.sqlite"));
    try {
      await checkDatabase(inspector, ledgers, checks);
    } finally {
      await inspector.close();
    }
    log(`  ${checks.counts.acknowledgedWrites} writes acknowledged, all in the database, which passes integrity_check`);
  } finally {
    fs.rmSync(filler, { force: true });
    if (server.isRunning()) await server.kill();
    disk.unmount();
  }
  return "done";
}
