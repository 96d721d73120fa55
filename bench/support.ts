import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import autocannon from "autocannon";

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

/** Headers for one request of a run: e.g. a fresh Idempotency-Key and the next person's cookie, as browsers send them. */
export type HeadersOfRequest = () => Record<string, string>;

/** Drives a URL with autocannon for a fixed time, as fast as it answers (`headersOf`: each request's own headers on top). */
export async function load(
  url: string,
  options: {
    seconds: number;
    connections: number;
    headers?: Record<string, string>;
    headersOf?: HeadersOfRequest;
    method?: "GET" | "PUT" | "POST";
    body?: string;
  },
): Promise<LoadResult> {
  const { headersOf } = options;
  const result = await autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    pipelining: 1,
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(headersOf ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, headers: { ...request.headers, ...headersOf() } }) }] } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * "p99 at half rate", measured with an evenly paced, open-loop load (issue 21): one request every
 * 1/rate seconds (to the millisecond timer's grain) whether or not earlier ones have answered, each
 * timed from when it was due, so a slow answer delays no later request and is not hidden. autocannon's
 * overallRate sends each connection's share in bursts and then idles, which measured the bursts.
 */
export async function paced(
  url: string,
  options: { rate: number; seconds: number; headers?: Record<string, string>; headersOf?: HeadersOfRequest; method?: "GET" | "PUT" | "POST"; body?: string },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / options.rate;
  const total = Math.max(1, Math.floor(options.rate * options.seconds));
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(url, { method: options.method ?? "GET", agent, headers: { ...options.headers, ...options.headersOf?.() } }, (response) => {
        response.resume();
        response.on("end", () => {
          latencies.push(performance.now() - due);
          if ((response.statusCode ?? 0) >= 300) non2xx += 1;
          resolve();
        });
      });
      request.on("error", () => {
        errors += 1;
        resolve();
      });
      request.end(options.body);
    });
  const started = performance.now();
  const answers: Array<Promise<void>> = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(send(due));
  }
  await Promise.all(answers);
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0) * 10) / 10;
  return { requestsPerSecond: latencies.length / elapsedSeconds, p50: at(0.5), p99: at(0.99), errors, non2xx };
}

/** Polls until the URL answers 200; returns the milliseconds it took. */
export async function waitForOk(url: string, startedAt: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return performance.now() - startedAt;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - startedAt > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kilobytes / 1024;
}

export function startProcess(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The process ids below a parent (npm start → node scripts/start.mjs → node server). */
export function descendantPids(pid: number): number[] {
  const children = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return children.flatMap((child) => [child, ...descendantPids(child)]);
}

export const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
