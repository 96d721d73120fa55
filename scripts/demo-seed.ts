// The demo person's story, written through the real API so every rule applies (consent,
// per-respondent order, sealed notes). Used by scripts/demo.ts and by its test.
//
// The story: a first profile about five weeks ago leaning co-dependent (close as a couple,
// little room for themself), twelve weekly check-ins that pick up as they practise, and a
// retake two days ago that shows a real change. Their partner Sam joined three weeks ago:
// the two are linked and share their scores and check-in trends, so the couple report and
// "who viewed my data" have something to show.
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../server/src/db/schema.js";
import type { OutgoingEmail } from "../server/src/platform/mailer.js";
import { signUpThroughEmail } from "../server/test/sign-up-through-email.js";
import { CONSENT_NOTICE_VERSION, INTERDEPENDENCE_PROFILE_V1, type DimensionCode, type ShareScope } from "@mutual/core";

export const DEMO_EMAIL = "demo@mutual.local";
export const DEMO_PASSPHRASE = "quiet harbour lantern morning";
const DEMO_NAME = "Alex (demo)";
/** The demo person's partner: the same passphrase, so both sides can be tried in two browsers. */
export const DEMO_PARTNER_EMAIL = "demo-partner@mutual.local";
const DEMO_PARTNER_NAME = "Sam (demo)";
const DEMO_EMAILS = [DEMO_EMAIL, DEMO_PARTNER_EMAIL];

/**
 * The demo adds an account with a published passphrase: welcome on a laptop, not in a
 * deployment people use. Refuses (unless forced) when anyone but the demo person has an
 * account, since that means real people's data lives in this database.
 */
export async function refuseIfOtherPeoplePresent(db: Kysely<DB>, options: { force: boolean }): Promise<void> {
  const row = await db
    .selectFrom("user")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("email", "not in", DEMO_EMAILS)
    .executeTakeFirstOrThrow();
  const others = Number(row.count);
  if (others > 0 && !options.force) {
    throw new Error(
      `this database already holds ${others} other account(s). The demo adds a person anyone can sign in as, so it only runs on a database of its own. ` +
        "If you really mean to add it here, run: npm run demo -- --force",
    );
  }
}

const dayMs = 24 * 60 * 60 * 1000;
const weekMs = 7 * dayMs;

/** Keyed level (1–7) per dimension; items of a dimension vary by ±1 around it so the answers look real. */
type Levels = Record<DimensionCode, number>;

const FIRST_PROFILE: Levels = { CLOSE: 6, SUPPORT: 5, ACCEPT: 5, VOICE: 2, SELF: 3, TIES: 2, RELY: 6, SAFE: 1 };
const RETAKE: Levels = { CLOSE: 6, SUPPORT: 6, ACCEPT: 5, VOICE: 5, SELF: 5, TIES: 5, RELY: 3, SAFE: 1 };
/** Sam: a full life of their own, a little less sure the two of them accept their differences. */
const PARTNER_PROFILE: Levels = { CLOSE: 5, SUPPORT: 4, ACCEPT: 3, VOICE: 6, SELF: 6, TIES: 6, RELY: 2, SAFE: 1 };
const PARTNER_WEEKS = [
  { spokeUp: 3, feltHeard: 3, backedPartner: 2, feltBacked: 3, friendsFamilyHours: 8, wePulse: 4, mePulse: 6 },
  {
    spokeUp: 3,
    feltHeard: 3,
    backedPartner: 3,
    feltBacked: 3,
    friendsFamilyHours: 7,
    wePulse: 5,
    mePulse: 6,
    note: "Alex asked for Saturday mornings. Glad they did.",
  },
  { spokeUp: 4, feltHeard: 3, backedPartner: 3, feltBacked: 4, friendsFamilyHours: 7.5, wePulse: 5, mePulse: 6 },
];
const ALEX_SHARES: ShareScope[] = ["overview", "dimensions", "check-in-trends"];
const SAM_SHARES: ShareScope[] = ["overview", "dimensions", "check-in-trends", "exercises"];

function answersFor(levels: Levels): Record<string, number> {
  return Object.fromEntries(
    INTERDEPENDENCE_PROFILE_V1.items.map((entry, index) => {
      const wobble = entry.dimension === "SAFE" ? 0 : [0, 1, 0, -1][index % 4]!;
      const keyed = Math.min(7, Math.max(1, levels[entry.dimension] + wobble));
      return [entry.id, entry.isReverse ? 8 - keyed : keyed];
    }),
  );
}

/** Twelve weeks, oldest first: a slow climb once practice starts (around week 6). */
const WEEKS = [
  { spokeUp: 1, feltHeard: 2, backedPartner: 3, feltBacked: 2, friendsFamilyHours: 2, wePulse: 5, mePulse: 2, note: "Said yes to everything again. Tired." },
  { spokeUp: 0, feltHeard: 2, backedPartner: 3, feltBacked: 2, friendsFamilyHours: 1.5, wePulse: 5, mePulse: 2 },
  { spokeUp: 1, feltHeard: 2, backedPartner: 4, feltBacked: 2, friendsFamilyHours: 2, wePulse: 5, mePulse: 3 },
  {
    spokeUp: 1,
    feltHeard: 1,
    backedPartner: 3,
    feltBacked: 2,
    friendsFamilyHours: 1,
    wePulse: 4,
    mePulse: 2,
    note: "Skipped the climbing evening to stay in. Missed it.",
  },
  { spokeUp: 1, feltHeard: 2, backedPartner: 3, feltBacked: 2, friendsFamilyHours: 1.5, wePulse: 5, mePulse: 3 },
  {
    spokeUp: 2,
    feltHeard: 2,
    backedPartner: 3,
    feltBacked: 3,
    friendsFamilyHours: 2,
    wePulse: 5,
    mePulse: 3,
    note: "Took the profile. The map was a surprise, a useful one.",
  },
  { spokeUp: 2, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 3, wePulse: 5, mePulse: 4 },
  {
    spokeUp: 2,
    feltHeard: 3,
    backedPartner: 4,
    feltBacked: 3,
    friendsFamilyHours: 3.5,
    wePulse: 6,
    mePulse: 4,
    note: "Asked for Saturday morning to myself. It went fine.",
  },
  { spokeUp: 3, feltHeard: 3, backedPartner: 4, feltBacked: 3, friendsFamilyHours: 4, wePulse: 6, mePulse: 4 },
  { spokeUp: 3, feltHeard: 3, backedPartner: 4, feltBacked: 4, friendsFamilyHours: 5, wePulse: 6, mePulse: 5 },
  {
    spokeUp: 3,
    feltHeard: 4,
    backedPartner: 4,
    feltBacked: 3,
    friendsFamilyHours: 4.5,
    wePulse: 6,
    mePulse: 5,
    note: "Dinner with my sister. We laughed a lot.",
  },
  { spokeUp: 3, feltHeard: 4, backedPartner: 4, feltBacked: 4, friendsFamilyHours: 6, wePulse: 6, mePulse: 5 },
];

const COMPLETIONS = [
  {
    daysAgo: 33,
    exerciseId: "speak-up-notice-the-swallowed-words",
    reflection: "Three times this week I kept quiet about small things. Writing them down helped.",
  },
  { daysAgo: 24, exerciseId: "speak-up-small-ask", reflection: "Asked for one evening a week for climbing. No drama at all." },
  { daysAgo: 17, exerciseId: "friends-family-reach-out-this-week", reflection: "Called Sam after months. We are meeting next week." },
  { daysAgo: 9, exerciseId: "support-passions-curious-questions" },
];

export type SeedDemoOptions = {
  publicUrl: string;
  /** What the app's mailer has sent: sign-up finishes by the emailed link, as for anyone. */
  sentEmails: readonly OutgoingEmail[];
  /** Moves the app's clock (the services read time from it). */
  setNow(ms: number): void;
  /** "Today" for the story; defaults to the real time. */
  realNow?: number;
  timeZone?: string;
};

/** Deletes any earlier demo person (as they would delete their own account) and writes the story anew. */
export async function seedDemoPerson(app: FastifyInstance, options: SeedDemoOptions): Promise<void> {
  const realNow = options.realNow ?? Date.now();
  const api = createClient(app, options.publicUrl, options.sentEmails);
  for (const email of DEMO_EMAILS) await deleteExistingDemoPerson(api, email);
  options.setNow(realNow);
  const cookie = await api.signUp(DEMO_EMAIL, DEMO_NAME);
  const partnerCookie = await api.signUp(DEMO_PARTNER_EMAIL, DEMO_PARTNER_NAME);
  const call = (method: "GET" | "POST" | "PUT", url: string, payload?: object) => api.call(method, url, cookie, payload);
  const partnerCall = (method: "GET" | "POST" | "PUT", url: string, payload?: object) => api.call(method, url, partnerCookie, payload);

  options.setNow(realNow - 12 * weekMs);
  await call("POST", "/api/consent", { noticeVersion: CONSENT_NOTICE_VERSION, agree: true });

  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const events: Array<{ at: number; run: () => Promise<unknown> }> = [
    ...WEEKS.map((answers, index) => ({
      at: realNow - (WEEKS.length - 1 - index) * weekMs,
      run: () => call("PUT", "/api/check-ins/current", { timeZone, answers }),
    })),
    { at: realNow - 37 * dayMs, run: () => takeProfile(call, answersFor(FIRST_PROFILE)) },
    { at: realNow - 2 * dayMs, run: () => takeProfile(call, answersFor(RETAKE)) },
    ...COMPLETIONS.map((completion) => ({
      at: realNow - completion.daysAgo * dayMs,
      run: () => call("POST", `/api/exercises/${completion.exerciseId}/completions`, completion.reflection ? { reflection: completion.reflection } : {}),
    })),
    { at: realNow - 21 * dayMs, run: () => linkPartner(call, partnerCall) },
    { at: realNow - 20 * dayMs, run: () => takeProfile(partnerCall, answersFor(PARTNER_PROFILE)) },
    ...PARTNER_WEEKS.map((answers, index) => ({
      at: realNow - (PARTNER_WEEKS.length - 1 - index) * weekMs - dayMs,
      run: () => partnerCall("PUT", "/api/check-ins/current", { timeZone, answers }),
    })),
    {
      at: realNow - dayMs,
      run: async () => {
        await call("PUT", "/api/couple/shares", { scopes: ALEX_SHARES });
        await partnerCall("PUT", "/api/couple/shares", { scopes: SAM_SHARES });
        // Sam has looked at the couple report once, so Alex's "who viewed my data" shows it.
        await partnerCall("GET", "/api/couple/report");
      },
    },
  ];
  for (const event of events.sort((a, b) => a.at - b.at)) {
    options.setNow(event.at);
    await event.run();
  }
  options.setNow(realNow);
}

type Call = (method: "GET" | "POST" | "PUT", url: string, payload?: object) => Promise<unknown>;

/** Sam consents and accepts Alex's invite. */
async function linkPartner(call: Call, partnerCall: Call): Promise<void> {
  await partnerCall("POST", "/api/consent", { noticeVersion: CONSENT_NOTICE_VERSION, agree: true });
  const { invite } = (await call("POST", "/api/couple/invite", {})) as { invite: { code: string } };
  await partnerCall("POST", "/api/couple/accept", { code: invite.code });
}

async function takeProfile(call: Call, answers: Record<string, number>): Promise<void> {
  const started = (await call("POST", "/api/assessments", {})) as { id: string };
  for (const [itemId, value] of Object.entries(answers)) await call("PUT", `/api/assessments/${started.id}/answers/${itemId}`, { value });
  await call("POST", `/api/assessments/${started.id}/submit`, {});
}

function createClient(app: FastifyInstance, publicUrl: string, sentEmails: readonly OutgoingEmail[]) {
  const headers = { origin: new URL(publicUrl).origin, "content-type": "application/json" };
  const remoteAddress = "127.0.0.1";
  const sessionCookie = (setCookie: string | string[] | undefined): string => {
    const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    const found = all.map((entry) => entry.split(";")[0] ?? "").find((pair) => /session_token=.+/.test(pair));
    if (!found) throw new Error("No session cookie in the response.");
    return found;
  };
  return {
    async signIn(email: string): Promise<string | null> {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers,
        remoteAddress,
        payload: { email, password: DEMO_PASSPHRASE },
      });
      return response.statusCode === 200 ? sessionCookie(response.headers["set-cookie"]) : null;
    },
    async signUp(email: string, name: string): Promise<string> {
      try {
        return await signUpThroughEmail(app, sentEmails, { email, password: DEMO_PASSPHRASE, name }, { headers, remoteAddress });
      } catch (error) {
        throw new Error(`Could not create the demo person: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    async call(method: "GET" | "POST" | "PUT", url: string, cookie: string, payload?: object): Promise<unknown> {
      const response = await app.inject({ method, url, headers: { ...headers, cookie }, remoteAddress, ...(payload ? { payload } : {}) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url} failed: ${response.statusCode} ${response.body}`);
      return response.body ? (JSON.parse(response.body) as unknown) : null;
    },
  };
}

/** Deletes an earlier demo person the way a person deletes their own account. */
async function deleteExistingDemoPerson(api: ReturnType<typeof createClient>, email: string): Promise<void> {
  const cookie = await api.signIn(email);
  if (!cookie) return;
  await api.call("POST", "/api/auth/delete-user", cookie, { password: DEMO_PASSPHRASE });
}
