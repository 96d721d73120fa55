// (d) Slow clients (issue 14, decision 027): one client opens 300 connections and sends its request
// headers a byte at a time; another sends headers and then its body a byte at a time. Proves: the
// first client gets no more connections than the per-address limit; a person at another address is
// served promptly meanwhile; the slow headers are cut off at the header timeout (10 s) and the slow
// body at the request timeout (30 s), not held for ever.
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Checks } from "../durability/checks.js";
import { freePort, startServer } from "../durability/server-process.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Slow = { socket: net.Socket; openedAt: number; closedAt: number | null };

function openSlow(port: number, localAddress: string, firstBytes: string, drip: string): Promise<Slow> {
  return new Promise((resolve) => {
    const slow: Slow = { socket: net.connect({ port, host: "127.0.0.1", localAddress }), openedAt: Date.now(), closedAt: null };
    let timer: NodeJS.Timeout | undefined;
    slow.socket.on("connect", () => {
      slow.socket.write(firstBytes);
      timer = setInterval(() => slow.socket.write(drip), 1000);
      resolve(slow);
    });
    slow.socket.on("error", () => undefined);
    slow.socket.on("close", () => {
      clearInterval(timer);
      slow.closedAt ??= Date.now();
      resolve(slow);
    });
  });
}

async function timedGet(port: number, localAddress: string): Promise<{ status: number | string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1", localAddress }, () =>
      socket.write("GET /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    );
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("error", (error) => resolve({ status: error.message, ms: Math.round(performance.now() - started) }));
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), ms: Math.round(performance.now() - started) }));
  });
}

export async function proveSlowClients(checks: Checks, log: (line: string) => void): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-slow-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(baseUrl, {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: "warn",
  });
  const slow: Slow[] = [];
  try {
    const headers = await Promise.all(
      Array.from({ length: 300 }, () => openSlow(port, "127.0.0.2", "GET /livez HTTP/1.1\r\nHost: localhost\r\n", "X-Slow: 1\r\n")),
    );
    slow.push(...headers);
    const body = "{" + " ".repeat(200) + "}";
    const slowBody = await openSlow(
      port,
      "127.0.0.4",
      `POST /api/auth/sign-in/email HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n{`,
      " ",
    );
    slow.push(slowBody);
    await sleep(1500);
    const held = headers.filter((entry) => entry.closedAt === null).length;
    const served = await timedGet(port, "127.0.0.3");
    log(`  300 slow connections from one address: ${held} held, ${300 - held} closed at once; a person elsewhere: ${served.status} in ${served.ms} ms`);
    checks.that(held <= 64, `no more than the per-address limit of 64 is held (${held})`);
    checks.that(served.status === 200 && served.ms < 1000, `a person at another address is served promptly (${served.status} in ${served.ms} ms)`);
    await sleep(11_000);
    const headerLifetimes = headers
      .filter((entry) => entry.closedAt !== null && entry.closedAt - entry.openedAt > 2000)
      .map((entry) => (entry.closedAt ?? 0) - entry.openedAt);
    const stillOpen = headers.filter((entry) => entry.closedAt === null).length;
    log(
      `  slow headers cut off after ${Math.round(Math.min(...headerLifetimes) / 100) / 10}–${Math.round(Math.max(...headerLifetimes) / 100) / 10} s; ${stillOpen} still open after 12.5 s`,
    );
    checks.that(stillOpen === 0, `every slow-header connection is closed by the 10 s header timeout (${stillOpen} still open)`);
    const servedAgain = await timedGet(port, "127.0.0.2");
    checks.that(servedAgain.status === 200, `the slow client's address is served again once its connections are gone (${servedAgain.status})`);
    for (let waited = 0; waited < 25_000 && slowBody.closedAt === null; waited += 500) await sleep(500);
    const bodyLifetime = slowBody.closedAt === null ? null : (slowBody.closedAt - slowBody.openedAt) / 1000;
    log(`  a slow body cut off after ${bodyLifetime === null ? "more than 40" : bodyLifetime.toFixed(1)} s`);
    checks.that(
      bodyLifetime !== null && bodyLifetime <= 33,
      `a body sent a byte a second is cut off by the 30 s request timeout (${bodyLifetime ?? "still open"})`,
    );
    checks.that(server.isRunning(), "the server kept running");
  } finally {
    for (const entry of slow) entry.socket.destroy();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
