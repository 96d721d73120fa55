import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

// A real server process (main.ts through tsx, so no build is needed), for the tests of what
// only a process shows: start-up from the environment, signals, several instances at once.

export type RunningServer = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

/** Starts main.ts with these variables and resolves once it prints its port; rejects with its output if it exits first. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", "server/src/main.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", PUBLIC_URL: "http://localhost:3999", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on port (\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(Number(match[1]));
      }
    }, 20);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`server exited early:\n${output}`));
    });
  });
  return { child, port, output: () => output, exited };
}

/** Sends SIGTERM and waits for the process to end. */
export async function stopServer(server: RunningServer): Promise<number | null> {
  server.child.kill("SIGTERM");
  return server.exited;
}

/** A plain GET on the loopback address. */
export function get(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: urlPath }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}
