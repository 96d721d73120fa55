import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { CreateClientInviteResponse } from "@mutual/core";
import type { TestPerson } from "./auth-helpers.js";
import { postAs } from "./practice-helpers.js";

/** The counsellor makes a client invite in their practice; its code. */
export async function inviteClient(
  app: FastifyInstance,
  counsellor: TestPerson,
  practiceId: string,
  kind: "individual" | "couple" = "individual",
): Promise<string> {
  const response = await postAs(app, counsellor, `/api/practices/${practiceId}/client-invites`, { kind });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CreateClientInviteResponse>().code;
}

/** The person accepts a client invite with these scopes; the client id they now belong to. */
export async function acceptClientInvite(app: FastifyInstance, person: TestPerson, code: string, scopes: readonly string[]): Promise<string> {
  const response = await postAs(app, person, "/api/counselling/accept", { code, scopes });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ relations: Array<{ clientId: string }> }>().relations.at(-1)!.clientId;
}
