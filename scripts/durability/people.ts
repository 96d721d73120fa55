// The people who write check-ins: signed up and consenting through the API, as the web app does
// (server/test/auth-helpers.ts and assessment-helpers.ts do the same in-process).
import { CONSENT_NOTICE_VERSION } from "@mutual/core";
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

export async function signUpPeople(baseUrl: string, count: number, runTag: string): Promise<Person[]> {
  const origin = new URL(baseUrl).origin;
  const people: Person[] = [];
  for (let index = 0; index < count; index += 1) {
    // One address per person (the server trusts X-Forwarded-For here), so sign-up's per-address limit never bites.
    const ip = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    const base = { origin, "x-forwarded-for": ip };
    const details = { email: `durability.${runTag}.${index}@example.test`, password: `river lantern orbit ${index} maple`, name: `Writer ${index}` };
    const signUp = await request(baseUrl, "POST", "/api/auth/sign-up/email", { headers: base, json: details });
    if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${signUp.body}`);
    const cookie = signUp.setCookies.map((entry) => entry.split(";")[0]).join("; ");
    const userId = (JSON.parse(signUp.body) as { user?: { id?: string } }).user?.id;
    if (!userId || cookie === "") throw new Error(`sign-up answered without a user id or session cookie: ${signUp.body}`);
    const headers = { ...base, cookie };
    const consent = await request(baseUrl, "POST", "/api/consent", { headers, json: { noticeVersion: CONSENT_NOTICE_VERSION, agree: true } });
    if (consent.status !== 200) throw new Error(`consent failed: ${consent.status} ${consent.body}`);
    people.push({ index, userId, headers, timeZone: timeZones[index % timeZones.length] ?? "UTC" });
  }
  return people;
}
