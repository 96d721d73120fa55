// The people who write check-ins: signed up and consenting through the API, as the web app does
// (server/test/auth-helpers.ts and assessment-helpers.ts do the same in-process).
import { CONSENT_NOTICE_VERSION } from "@mutual/core";
import { signUpByOutbox } from "../support/sign-up-by-outbox.js";
import { request } from "./http-client.js";

export type Person = {
  index: number;
  userId: string;
  /** Request headers that sign this person in and pass the same-origin check on writes. */
  headers: Record<string, string>;
  timeZone: string;
};

// Zones on both sides of UTC, so the ISO week a write lands in is the server's computation, not ours.
const timeZones = ["UTC", "Asia/Singapore", "America/Los_Angeles", "Pacific/Kiritimati", "Europe/London"] as const;

/** Signs people up through the emailed link, read from the outbox in the server's DATA_DIR. */
export async function signUpPeople(baseUrl: string, dataDir: string, count: number, runTag: string): Promise<Person[]> {
  const origin = new URL(baseUrl).origin;
  const people: Person[] = [];
  for (let index = 0; index < count; index += 1) {
    // One address per person (the server trusts X-Forwarded-For here), so sign-up's per-address limit never bites.
    const ip = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    const base = { origin, "x-forwarded-for": ip };
    const details = { email: `durability.${runTag}.${index}@example.test`, password: `river lantern orbit ${index} maple`, name: `Writer ${index}` };
    const cookie = await signUpByOutbox({ baseUrl, dataDir, headers: base, details });
    const me = await request(baseUrl, "GET", "/api/me", { headers: { ...base, cookie } });
    const userId = (JSON.parse(me.body) as { user?: { id?: string } }).user?.id;
    if (me.status !== 200 || !userId) throw new Error(`the new person's session did not work: ${me.status} ${me.body}`);
    const headers = { ...base, cookie };
    const consent = await request(baseUrl, "POST", "/api/consent", { headers, json: { noticeVersion: CONSENT_NOTICE_VERSION, agree: true } });
    if (consent.status !== 200) throw new Error(`consent failed: ${consent.status} ${consent.body}`);
    people.push({ index, userId, headers, timeZone: timeZones[index % timeZones.length] ?? "UTC" });
  }
  return people;
}
