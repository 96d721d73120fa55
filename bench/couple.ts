// Couple figures (issue 5): the couple report read under load. Each answer carries the
// partner's data, so each one also commits its audit rows ("who viewed my data") in the
// read's transaction: the report is a read and a durable write, and is measured as such.
import { call, completeAssessment, type Api } from "./partner-journey.js";
import { load, paced, type LoadResult } from "./support.js";
import { signUpByOutbox } from "../scripts/support/sign-up-by-outbox.js";

type Server = { baseUrl: string; origin: string; dataDir: string };

async function signUp({ baseUrl, origin, dataDir }: Server, name: string): Promise<Api> {
  const details = { name, email: `${name.toLowerCase()}-${Date.now()}@example.test`, password: "benchmark passphrase long enough" };
  const cookie = await signUpByOutbox({ baseUrl, dataDir, headers: { origin }, details });
  return { baseUrl, origin, cookie };
}

export type CoupleResults = { report: LoadResult; reportHalf: LoadResult };

/**
 * Two new people, each with a profile, linked and sharing their pattern and scores;
 * then GET /api/couple/report as one of them, flat out and at half that rate.
 */
export async function measureCoupleReport(server: Server, seconds: number, connections: number): Promise<CoupleResults> {
  const { baseUrl } = server;
  const first = await signUp(server, "Ari");
  const second = await signUp(server, "Bo");
  await completeAssessment(first);
  await completeAssessment(second);
  const { invite } = (await call(first, "POST", "/api/couple/invite", {})) as { invite: { code: string } };
  await call(second, "POST", "/api/couple/accept", { code: invite.code });
  await call(first, "PUT", "/api/couple/shares", { scopes: ["overview", "dimensions"] });
  await call(second, "PUT", "/api/couple/shares", { scopes: ["overview", "dimensions"] });
  const headers = { cookie: first.cookie };
  const report = await load(`${baseUrl}/api/couple/report`, { seconds, connections, headers });
  const reportHalf = await paced(`${baseUrl}/api/couple/report`, { seconds, headers, rate: Math.max(1, Math.floor(report.requestsPerSecond / 2)) });
  return { report, reportHalf };
}
