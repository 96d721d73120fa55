// A counsellor reads a member's latest profile as it was answered (decision 085): each statement in
// the language the member read it in and, when the counsellor's page is in another, in theirs beside
// it; never the safety check's statements; nothing at all without the profile scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1, labelScalePoint, localizeItem, type ClientDetailResponse } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { signUp, type TestPerson } from "../../../test/auth-helpers.js";
import { completeProfileVia, fullAnswers } from "../../../test/assessment-helpers.js";
import { createPractice, enrolTwoFactor } from "../../../test/practice-helpers.js";
import { acceptClientInvite, inviteClient } from "../../../test/counselling-helpers.js";
import { dialects } from "../../../test/test-databases.js";

const instrument = INTERDEPENDENCE_PROFILE_V1;
const answers = fullAnswers((itemId, isSafe) => (isSafe ? 1 : (itemId.length % 7) + 1));

describe.each(dialects)("[%s] a client's statements in their counsellor's language", (dialect) => {
  let t: TestApp;
  let counsellor: TestPerson;
  let practiceId: string;

  const detail = async (clientId: string, language: string) => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/practices/${practiceId}/clients/${clientId}`,
      headers: { cookie: counsellor.cookie, "accept-language": language },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ClientDetailResponse>();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    counsellor = await signUp(t.app);
    practiceId = await createPractice(t.app, counsellor, "Harbour Counselling");
    await enrolTwoFactor(t.app, counsellor);
  }, 60_000);
  afterAll(async () => t.close());

  it("shows a profile answered in Tamil as read, with the counsellor's English beside it, and no safety statement", async () => {
    const client = await signUp(t.app);
    await completeProfileVia(t.app, client.cookie, answers, { language: "ta" });
    const clientId = await acceptClientInvite(t.app, client, await inviteClient(t.app, counsellor, practiceId), ["profile", "safety"]);

    const inEnglish = (await detail(clientId, "en")).members[0]!.profile!.latestAnswers!;
    expect(inEnglish.answeredIn).toBe("ta");
    const scored = instrument.items.filter((entry) => entry.dimension !== "SAFE");
    expect(inEnglish.items.map((entry) => entry.itemId)).toEqual(scored.map((entry) => entry.id));
    const first = scored[0]!;
    expect(inEnglish.items[0]).toEqual({
      itemId: first.id,
      value: answers[first.id],
      answerLabel: labelScalePoint(instrument, answers[first.id]!, "en"),
      asGiven: { lang: "ta", text: localizeItem(instrument, first, "ta").text, status: "provisional" },
      inYourLanguage: { lang: "en", text: first.text, status: "source" },
    });

    // A Tamil-reading counsellor sees it once, as given.
    const inTamil = (await detail(clientId, "ta")).members[0]!.profile!.latestAnswers!;
    expect(inTamil.items[0]!.inYourLanguage).toBeNull();
    expect(inTamil.items[0]!.answerLabel).toBe(labelScalePoint(instrument, answers[first.id]!, "ta"));
  });

  it("shows nothing of the statements without the profile scope", async () => {
    const client = await signUp(t.app);
    await completeProfileVia(t.app, client.cookie, answers, { language: "ms" });
    const clientId = await acceptClientInvite(t.app, client, await inviteClient(t.app, counsellor, practiceId), ["check-ins"]);
    const body = await detail(clientId, "en");
    expect(body.members[0]!.profile).toBeNull();
    expect(JSON.stringify(body)).not.toContain(localizeItem(instrument, instrument.items[0]!, "ms").text);
  });
});
