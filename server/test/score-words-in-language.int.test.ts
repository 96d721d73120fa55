// The server's words about a person's scores come in the page's language (issue 18, decision 081):
// the profile, the couple report (each partner in their own page's language) and a counsellor's
// view of a client's check-ins. The expected words are read from the catalogues; the numbers must
// be the very ones an English page gets, and a switch of language between two requests changes
// only the words.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1, flagText, scoreText, type ClientDetailResponse, type DimensionCode, type Language } from "@mutual/core";
import { buildTestApp, type TestApp } from "./build-test-app.js";
import { sameOrigin, signUp, type TestPerson } from "./auth-helpers.js";
import { completeProfileVia, fullAnswers, giveConsentVia } from "./assessment-helpers.js";
import { linkCouple, setShares } from "./couple-helpers.js";
import { acceptClientInvite, inviteClient } from "./counselling-helpers.js";
import { createPractice, enrolTwoFactor } from "./practice-helpers.js";
import { dialects } from "./test-databases.js";

const dayMs = 24 * 60 * 60 * 1000;
const items = INTERDEPENDENCE_PROFILE_V1.items;
const translated = ["ta", "zh-Hans"] as const;

/** Answers placing every dimension at the given keyed level (1 = lowest, 7 = highest); SAFE calm unless given. */
function answersAt(levels: Partial<Record<DimensionCode, number>>, fallback = 5): Record<string, number> {
  return fullAnswers((itemId) => {
    const entry = items.find((item) => item.id === itemId)!;
    const keyed = levels[entry.dimension] ?? (entry.dimension === "SAFE" ? 1 : fallback);
    return entry.isReverse ? 8 - keyed : keyed;
  });
}

/** A catalogue text up to its first placeholder: what a sentence must start with whatever numbers fill it. */
const opening = (text: string | undefined) => text!.split("{{")[0]!;

/** Keys whose values are words; everything else (ids, codes, numbers, dates) is a fact. */
const WORD_KEYS = new Set(["title", "explanation", "missingMessage", "name", "summary", "text", "plain", "answerLabel"]);

/** The response with every word blanked: two languages must give the same facts. */
function factsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(factsOf);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, WORD_KEYS.has(key) && typeof entry === "string" ? "…" : factsOf(entry)]));
  }
  return value;
}

type FlagView = { id: string; title: string; explanation: string };

describe.each(dialects)("[%s] the server's words about scores, in the page's language", (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 8, 1, 12);
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: { now: () => new Date(now) } });
  });
  afterAll(async () => t.close());

  const getIn = (person: Pick<TestPerson, "cookie">, url: string, language?: Language): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: "GET", url, headers: { cookie: person.cookie, ...(language ? { "accept-language": language } : {}) } });
  const profileIn = async (person: TestPerson, language?: Language) => {
    const response = await getIn(person, "/api/profile", language);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("gives the profile's flag titles, flag and score explanations and pattern in Tamil and Chinese, with the same scores as in English", async () => {
    const person = await signUp(t.app);
    await completeProfileVia(t.app, person.cookie, answersAt({ VOICE: 1, RELY: 3 }, 6));
    const english = await profileIn(person);
    expect(await profileIn(person, "en")).toEqual(english);
    const voiceScore = english.profile.dimensions.find((entry: { code: string }) => entry.code === "VOICE").score as number;
    for (const language of translated) {
      const body = await profileIn(person, language);
      expect(factsOf(body)).toEqual(factsOf(english));
      const flag = body.profile.flags.find((entry: FlagView) => entry.id === "power-imbalance") as FlagView;
      expect(flag.title).toBe(flagText[language]!["title.power-imbalance"]);
      expect(flag.explanation.startsWith(flagText[language]!["explanation.power-imbalance"]!.replace("{{score}}", String(Math.round(voiceScore))))).toBe(true);
      expect(flag.explanation).toContain(opening(flagText[language]!.quote));
      const voice = body.profile.dimensions.find((entry: { code: string }) => entry.code === "VOICE");
      // Every answer behind the score is told in the language's own sentence.
      expect(voice.explanation).toContain(opening(scoreText[language]!["influence.lowered"]));
      expect(voice.explanation).not.toContain("you answered");
      const pattern = english.profile.pattern.code as string;
      expect(body.profile.pattern.explanation).toEqual(
        pattern === "between-patterns"
          ? expect.stringContaining(opening(scoreText[language]!["pattern.between"]))
          : scoreText[language]![`pattern.placed.${pattern}` as "pattern.between"],
      );
    }
  });

  it("says the safety flag's own words in the page's language, still without the private answers", async () => {
    const person = await signUp(t.app);
    await completeProfileVia(t.app, person.cookie, answersAt({ SAFE: 7 }));
    for (const language of translated) {
      const body = await profileIn(person, language);
      const safety = body.profile.flags.find((entry: FlagView) => entry.id === "safety") as FlagView;
      expect(safety).toMatchObject({ title: flagText[language]!["title.safety"], explanation: flagText[language]!["safety.own-view"] });
    }
  });

  it("a switch of language between two requests changes only the words, and back again gives the first words exactly", async () => {
    const person = await signUp(t.app);
    await completeProfileVia(t.app, person.cookie, answersAt({ CLOSE: 1, VOICE: 2 }, 4));
    const first = await profileIn(person, "ta");
    const between = await profileIn(person, "zh-Hans");
    const again = await profileIn(person, "ta");
    expect(again).toEqual(first);
    expect(factsOf(between)).toEqual(factsOf(first));
    const titles = (body: typeof first) => body.profile.flags.map((flag: FlagView) => flag.title);
    expect(titles(first)).toEqual(first.profile.flags.map((flag: FlagView) => flagText.ta![`title.${flag.id}` as "title.safety"]));
    expect(titles(between)).toEqual(between.profile.flags.map((flag: FlagView) => flagText["zh-Hans"]![`title.${flag.id}` as "title.safety"]));
    // English asked after both is English still: nothing of either language stayed behind.
    const english = await profileIn(person, "en");
    expect(titles(english)).toEqual(english.profile.flags.map((flag: FlagView) => flagText.en[`title.${flag.id}` as "title.safety"]));
  });

  it("gives each partner the couple report in their own page's language, with the same numbers", async () => {
    const ana = await signUp(t.app);
    const ben = await signUp(t.app);
    await completeProfileVia(t.app, ana.cookie, answersAt({ VOICE: 1, CLOSE: 2 }, 5));
    await completeProfileVia(t.app, ben.cookie, answersAt({ VOICE: 7, CLOSE: 2 }, 5));
    await linkCouple(t.app, ana, ben);
    expect((await setShares(t.app, ana, ["overview", "dimensions"])).statusCode).toBe(200);
    expect((await setShares(t.app, ben, ["overview", "dimensions"])).statusCode).toBe(200);
    const reportOf = async (person: TestPerson, language?: Language) => {
      const response = await getIn(person, "/api/couple/report", language);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const [anaEnglish, anaTamil, benChinese, benEnglish] = [
      await reportOf(ana),
      await reportOf(ana, "ta"),
      await reportOf(ben, "zh-Hans"),
      await reportOf(ben),
    ];
    expect(anaEnglish.flags.map((flag: FlagView) => flag.id)).toEqual(expect.arrayContaining(["couple-power-imbalance", "couple-low-intimacy"]));
    expect(factsOf(anaTamil)).toEqual(factsOf(anaEnglish));
    expect(factsOf(benChinese)).toEqual(factsOf(benEnglish));
    for (const [report, language] of [
      [anaTamil, "ta"],
      [benChinese, "zh-Hans"],
    ] as const) {
      const power = report.flags.find((flag: FlagView) => flag.id === "couple-power-imbalance") as FlagView;
      expect(power).toMatchObject({
        title: flagText[language]!["title.couple-power-imbalance"],
        explanation: flagText[language]!["explanation.couple-power-imbalance"],
      });
      const close = report.flags.find((flag: FlagView) => flag.id === "couple-low-intimacy") as FlagView;
      expect(close.explanation.startsWith(opening(flagText[language]!["explanation.couple-low-intimacy"]))).toBe(true);
      expect(report.dimensions.find((entry: { code: string }) => entry.code === "WE").name).toBe(scoreText[language]!["name.WE"]);
    }
    // Ben's English read after Ana's Tamil one is English: one partner's language never reaches the other.
    expect(benEnglish.flags.find((flag: FlagView) => flag.id === "couple-power-imbalance").title).toBe(flagText.en["title.couple-power-imbalance"]);
  });

  it("gives a counsellor a client's trend signals in the counsellor's page's language", async () => {
    const counsellor = await signUp(t.app);
    const practiceId = await createPractice(t.app, counsellor, "Harbour Counselling");
    await enrolTwoFactor(t.app, counsellor);
    const person = await signUp(t.app);
    await giveConsentVia(t.app, person.cookie);
    const clientId = await acceptClientInvite(t.app, person, await inviteClient(t.app, counsellor, practiceId), ["check-ins"]);
    const start = now;
    try {
      // A steady We pulse, then a slide: a sustained decline.
      for (const wePulse of [6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3]) {
        const answer = await t.app.inject({
          method: "PUT",
          url: "/api/check-ins/current",
          headers: { ...sameOrigin, cookie: person.cookie },
          payload: { timeZone: "UTC", answers: { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 4, wePulse, mePulse: 5 } },
        });
        expect(answer.statusCode, answer.body).toBe(200);
        now += 7 * dayMs;
      }
      now -= 7 * dayMs;
      const detailIn = async (language?: Language) => {
        const response = await getIn(counsellor, `/api/practices/${practiceId}/clients/${clientId}`, language);
        expect(response.statusCode, response.body).toBe(200);
        return response.json<ClientDetailResponse>();
      };
      const english = await detailIn();
      for (const language of translated) {
        const detail = await detailIn(language);
        expect(factsOf(detail.members[0]!.checkIns)).toEqual(factsOf(english.members[0]!.checkIns));
        const signal = detail.members[0]!.checkIns!.signals.find((entry) => entry.id === "sustained-decline")!;
        expect(signal.title).toBe(flagText[language]!["signal-title.sustained-decline"]);
        expect(signal.explanation.startsWith(opening(flagText[language]!["explanation.sustained-decline.other.wePulse"]))).toBe(true);
        // The person's own page in the same language words it for them.
        const own = (await getIn(person, "/api/check-ins?timeZone=UTC", language)).json<{ signals: FlagView[] }>();
        const mine = own.signals.find((entry) => entry.id === "sustained-decline")!;
        expect(mine.explanation.startsWith(opening(flagText[language]!["explanation.sustained-decline.self.wePulse"]))).toBe(true);
      }
    } finally {
      now = start;
    }
  });
});
