// (e) `npm start` under a supervisor (issue 14): SIGTERM (and SIGINT) to the npm process reach the
// server, which finishes the request in flight and stops; npm exits with it, and nothing is left
// holding the port. Before, npm exited at once and the server ran on, orphaned, on its port.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Checks } from "../durability/checks.js";
import { freePort } from "../durability/server-process.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function proveNpmStartSignals(checks: Checks, log: (line: string) => void): Promise<void> {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-npm-start-"));
    const port = await freePort();
    const npm = spawn("npm", ["start"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => npm.once("exit", (code) => resolve({ code, at: Date.now() })));
    try {
      // The log line with the server's pid and the plain "listening" line go through different
      // writers (the logger's is asynchronous), so either may arrive first: wait for both.
      const runningLine = /"pid":(\d+)[^\n]*"msg":"Mutual is running"/;
      for (let waited = 0; !(/listening on port/.test(output) && runningLine.test(output)); waited += 100) {
        if (waited > 60_000 || npm.exitCode !== null) throw new Error(`npm start did not start:\n${output}`);
        await sleep(100);
      }
      const serverPid = Number(runningLine.exec(output)?.[1]);
      // A request whose body is still arriving when the signal comes.
      const body = JSON.stringify({ email: "nobody@example.test", password: "a password that does not match" });
      const socket = net.connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      let answer = "";
      socket.on("data", (chunk: Buffer) => (answer += chunk.toString("utf8")));
      socket.write(
        `POST /api/auth/sign-in/email HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nOrigin: http://localhost:${port}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
      );
      await sleep(300);
      const signalledAt = Date.now();
      npm.kill(signal);
      await sleep(1500);
      socket.write(body.slice(5));
      const { code, at } = await Promise.race([exited, sleep(20_000).then(() => ({ code: -1, at: Date.now() }))]);
      await sleep(200);
      const portFree = await new Promise<boolean>((resolve) => {
        const probe = net.connect(port, "127.0.0.1");
        probe.once("connect", () => (probe.destroy(), resolve(false)));
        probe.once("error", () => resolve(true));
      });
      log(
        `  ${signal} to npm: the request in flight answered ${/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? "nothing"}; npm exited ${code} after ${at - signalledAt} ms; server process ${isAlive(serverPid) ? "STILL RUNNING" : "gone"}; port ${portFree ? "free" : "STILL HELD"}`,
      );
      checks.that(/^HTTP\/1\.1 401/.test(answer), `${signal}: the request in flight is finished (${answer.split("\r\n")[0] ?? "no answer"})`);
      checks.that(code === 0, `${signal}: npm exits 0 after the server stopped (got ${code})`);
      checks.that(
        at - signalledAt >= 1500,
        `${signal}: npm waits for the server to finish (exited after ${at - signalledAt} ms, the request ended at 1500 ms)`,
      );
      checks.that(Number.isFinite(serverPid) && !isAlive(serverPid), `${signal}: no server process is left running (pid ${serverPid})`);
      checks.that(portFree, `${signal}: nothing holds the port afterwards`);
      checks.that(/"msg":"Stopped"/.test(output), `${signal}: the server logged its clean stop`);
    } finally {
      if (npm.exitCode === null) npm.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
