// The people the fuzzer sends requests as: a person with data (a profile, a check-in with a note,
// an exercise with a reflection, a partner who shares everything), a counsellor with two-step
// sign-in and a practice, and that counsellor's client; plus the real ids their routes take.
import type { FastifyInstance } from "fastify";
import { INTERDEPENDENCE_PROFILE_V1, SHARE_SCOPES } from "@mutual/core";
import { linkCouple, setShares } from "../couple-helpers.js";
import { acceptClientInvite, inviteClient } from "../counselling-helpers.js";
import { createPractice, enrolTwoFactor, getAs } from "../practice-helpers.js";
import { newCalmPerson, newOwner, newPerson, soloExerciseId, type Owner, type Person } from "../privacy/privacy-scenarios.js";
import type { ActorName, KnownIds } from "./fuzz-requests.js";

export type FuzzActors = {
  people: Record<Exclude<ActorName, "anonymous">, Person | Owner>;
  known: KnownIds;
};

export async function setUpActors(app: FastifyInstance): Promise<FuzzActors> {
  const person = await newOwner(app, "Person");
  const partner = await newCalmPerson(app, "Partner");
  await linkCouple(app, person, partner);
  await setShares(app, person, SHARE_SCOPES);
  await setShares(app, partner, SHARE_SCOPES);

  const counsellor = await newPerson(app, "Counsellor");
  const practiceId = await createPractice(app, counsellor);
  await enrolTwoFactor(app, counsellor);
  const client = await newCalmPerson(app, "Client");
  const clientId = await acceptClientInvite(app, client, await inviteClient(app, counsellor, practiceId), ["profile", "check-ins"]);
  // A pending invite, so DELETE .../client-invites/:inviteId has a real id to aim at.
  await inviteClient(app, counsellor, practiceId, "couple");
  const invites = await getAs(app, counsellor, `/api/practices/${practiceId}/client-invites`);
  const inviteIds = invites.json<{ invites: Array<{ id: string }> }>().invites.map((invite) => invite.id);
  if (inviteIds.length === 0) throw new Error(`no pending client invite: ${invites.statusCode} ${invites.body}`);

  return {
    people: { person, counsellor, client },
    known: {
      id: [person.assessmentId],
      itemId: [INTERDEPENDENCE_PROFILE_V1.items[0]!.id],
      exerciseId: [soloExerciseId],
      practiceId: [practiceId],
      clientId: [clientId],
      inviteId: inviteIds,
    },
  };
}
