// Partner-journey figures (issue 4): an authenticated weekly check-in submit against the
// raw commit rate of SQLite with synchronous=FULL (measured here, same run, same disk),
// and a profile read against bare Fastify.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { SqliteDatabase } from "../server/src/db/sqlite-driver.js";
import { load, paced, type LoadResult } from "./support.js";

/** Commits per second of one-row inserts into a WAL database with synchronous=FULL. */
export function measureRawCommitRate(seconds: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-raw-"));
  const db = new SqliteDatabase(path.join(dir, "raw.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("create table check_in (id integer primary key, user_id text not null, week text not null, answers text not null)");
  const insert = db.prepare("insert into check_in (user_id, week, answers) values (?, ?, ?)");
  const commit = db.transaction((index: number) => insert.run("bench-user", `2026-W${index % 52}`, JSON.stringify({ wePulse: index % 7 })));
  let commits = 0;
  const endAt = performance.now() + seconds * 1000;
  while (performance.now() < endAt) {
    commit(commits);
    commits += 1;
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return commits / seconds;
}

export type Api = { baseUrl: string; origin: string; cookie: string };

/** One API call as a signed-in browser on our origin would make it; throws on any non-2xx. */
export async function call(api: Api, method: string, urlPath: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${api.baseUrl}${urlPath}`, {
    method,
    headers: { cookie: api.cookie, origin: api.origin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${urlPath} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** Agrees to the current consent notice, as a person does before their first check-in. */
export async function consent(api: Api): Promise<void> {
  await call(api, "POST", "/api/consent", await consentBody(api));
}

/** Consents and completes one assessment through the API, so the profile has something to show. */
export async function completeAssessment(api: Api): Promise<void> {
  await call(api, "POST", "/api/consent", await consentBody(api));
  const started = (await call(api, "POST", "/api/assessments")) as { id: string; sections: Array<{ items: Array<{ id: string }> }> };
  let value = 3;
  for (const section of started.sections) {
    for (const item of section.items) {
      value = (value % 7) + 1;
      await call(api, "PUT", `/api/assessments/${started.id}/answers/${item.id}`, { value });
    }
  }
  await call(api, "POST", `/api/assessments/${started.id}/submit`);
}

async function consentBody(api: Api): Promise<{ noticeVersion: string; agree: true }> {
  const state = (await call(api, "GET", "/api/consent")) as { noticeVersion: string };
  return { noticeVersion: state.noticeVersion, agree: true };
}

/** The weekly check-in every load run submits (the same week, so each is an update of one row). */
export const checkInBody = JSON.stringify({
  timeZone: "Asia/Singapore",
  answers: { spokeUp: 3, feltHeard: 2, backedPartner: 4, feltBacked: 3, friendsFamilyHours: 6, wePulse: 5, mePulse: 6, note: "A calm week." },
});

export type PartnerJourneyResults = { checkIn: LoadResult; checkInHalf: LoadResult; profile: LoadResult; profileHalf: LoadResult };

/**
 * Check-ins as the web client sends them (issue 21): each with its own Idempotency-Key, from many
 * people in turn (`others` besides `api`), so the idempotency path (a second data-key unwrap, the
 * key's HMACs, the clean-up of the person's old keys) is part of every submit. The half-rate runs
 * are evenly paced (support.ts: paced).
 */
export async function measurePartnerJourney(api: Api, seconds: number, connections: number, others: readonly Api[] = []): Promise<PartnerJourneyResults> {
  await completeAssessment(api);
  for (const person of others) await consent(person);
  const people = [api, ...others];
  let turn = 0;
  const headers = { origin: api.origin, "content-type": "application/json" };
  const headersOf = () => {
    turn = (turn + 1) % people.length;
    return { cookie: people[turn]!.cookie, "idempotency-key": randomUUID() };
  };
  const body = checkInBody;
  const url = `${api.baseUrl}/api/check-ins/current`;
  const checkIn = await load(url, { seconds, connections, method: "PUT", headers, headersOf, body });
  const checkInHalf = await paced(url, { seconds, rate: Math.max(1, Math.floor(checkIn.requestsPerSecond / 2)), method: "PUT", headers, headersOf, body });
  const profile = await load(`${api.baseUrl}/api/profile`, { seconds, connections, headers: { cookie: api.cookie } });
  const profileHalf = await paced(`${api.baseUrl}/api/profile`, {
    seconds,
    rate: Math.max(1, Math.floor(profile.requestsPerSecond / 2)),
    headers: { cookie: api.cookie },
  });
  return { checkIn, checkInHalf, profile, profileHalf };
}
