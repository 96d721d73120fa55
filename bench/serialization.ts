// What compiled response serialization would save (issue 21): the server serializes each answer by
// encoding it through its zod contract, then JSON.stringify (fastify-type-provider-zod). The other
// way is fast-json-stringify compiled from the contract's JSON Schema (z.toJSONSchema), which checks
// nothing. For GET /api/profile: the route's own time in process (app.inject, p50), and the
// serialization of its real answer both ways, so the share a compiled serializer could save shows.
// `npx tsx --conditions=source bench/serialization.ts` (SQLite, in process).
import { pathToFileURL } from "node:url";
import fastJson from "fast-json-stringify";
import { z } from "zod";
import { profileResponseSchema } from "@mutual/core";
import { buildTestApp } from "../server/test/build-test-app.js";
import { signUp } from "../server/test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../server/test/assessment-helpers.js";
import { percentile } from "./dashboard.js";
import { fmt } from "./support.js";

const requests = Number(process.env.BENCH_SERIALIZATION_REQUESTS ?? 2000);
const rounds = Number(process.env.BENCH_SERIALIZATION_ROUNDS ?? 20000);

function timeEach(count: number, work: () => unknown): number {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

export async function runSerializationBench(): Promise<string[]> {
  const t = await buildTestApp("sqlite");
  try {
    const person = await signUp(t.app);
    await completeProfileVia(
      t.app,
      person.cookie,
      fullAnswers((itemId, isSafe) => (isSafe ? 2 : (itemId.length % 7) + 1)),
    );
    const get = () => t.app.inject({ method: "GET", url: "/api/profile", headers: { cookie: person.cookie } });
    const first = await get();
    if (first.statusCode !== 200) throw new Error(`GET /api/profile answered ${first.statusCode}`);
    const times: number[] = [];
    for (let index = 0; index < requests; index += 1) {
      const started = performance.now();
      await get();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const routeP50 = percentile(times, 50);

    const payload: unknown = first.json();
    const viaZod = () => JSON.stringify(z.encode(profileResponseSchema, payload as z.input<typeof profileResponseSchema>));
    const compiled = fastJson(z.toJSONSchema(profileResponseSchema, { io: "output", target: "draft-7", unrepresentable: "any" }) as never);
    const viaCompiled = () => compiled(payload);
    const same = viaZod() === viaCompiled();
    const sameParsed = JSON.stringify(JSON.parse(viaCompiled())) === JSON.stringify(JSON.parse(viaZod()));
    for (let index = 0; index < 2000; index += 1) {
      viaZod();
      viaCompiled();
    }
    const zodP50 = timeEach(rounds, viaZod);
    const compiledP50 = timeEach(rounds, viaCompiled);
    return [
      "## Response serialization, GET /api/profile",
      "",
      `| | µs (p50) |`,
      `| --- | ---: |`,
      `| the route in process (app.inject), ${requests} requests | ${fmt(routeP50 * 1000, 0)} |`,
      `| zod encode + JSON.stringify of its answer (${fmt(first.rawPayload.length / 1024, 1)} KB), as now | ${fmt(zodP50 * 1000, 1)} |`,
      `| fast-json-stringify compiled from the contract's JSON Schema | ${fmt(compiledP50 * 1000, 1)} |`,
      "",
      `Saving per request: ${fmt((zodP50 - compiledP50) * 1000, 1)} µs, ${fmt(((zodP50 - compiledP50) / routeP50) * 100, 1)} % of the route (a speed-up of ×${fmt(routeP50 / (routeP50 - (zodP50 - compiledP50)), 3)}). Same text: ${same ? "yes" : "no"}; same JSON: ${sameParsed ? "yes" : "no"}.`,
      "",
    ];
  } finally {
    await t.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await runSerializationBench()) process.stdout.write(`${line}\n`);
  process.exit(0);
}
