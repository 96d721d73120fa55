// The real built server (server/dist/main.js) as a child process, as `npm start` and the e2e
// tests run it: started, polled on /readyz, killed with SIGKILL (no shutdown hook runs), restarted.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { request } from "./http-client.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const serverEntry = path.join(root, "server/dist/main.js");

const readyTimeoutMs = 30_000;

export type RunningServer = {
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), then wait; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** False once the process has ended, whoever ended it. */
  isRunning(): boolean;
  /** The last few kilobytes the process wrote to stderr. */
  stderrTail(): string;
};

/** A free TCP port on localhost, kept for the whole dialect so PUBLIC_URL (and so Origin) never changes. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "localhost", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function requireBuiltServer(): void {
  if (!fs.existsSync(serverEntry)) throw new Error(`${path.relative(root, serverEntry)} is missing: run \`npm run build\` first.`);
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Starts the server with the given environment and resolves once /readyz answers 200; `onStdout` receives its log output. */
export async function startServer(baseUrl: string, env: Record<string, string>, onStdout?: (text: string) => void): Promise<RunningServer> {
  const child = spawn(process.execPath, [serverEntry], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", onStdout ? "pipe" : "ignore", "pipe"] });
  if (onStdout) child.stdout?.on("data", (chunk: Buffer) => onStdout(chunk.toString("utf8")));
  // Kept for the error message when the server does not come up (a crash on start is a finding).
  let stderrTail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString("utf8")).slice(-4000);
  });
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited while starting (code ${child.exitCode}):\n${stderrTail}`);
    }
    try {
      const response = await request(baseUrl, "GET", "/readyz");
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server was not ready within ${readyTimeoutMs} ms:\n${stderrTail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stderrTail: () => stderrTail,
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      return exited(child);
    },
  };
}
