// Couple figures (issue 5): the couple report read under load. Each answer carries the
// partner's data, so each one also commits its audit rows ("who viewed my data") in the
// read's transaction: the report is a read and a durable write, and is measured as such.
import { call, completeAssessment, type Api } from "./partner-journey.js";
import { load, type LoadResult } from "./support.js";

async function signUp(baseUrl: string, origin: string, name: string): Promise<Api> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name, email: `${name.toLowerCase()}-${Date.now()}@example.test`, password: "benchmark passphrase long enough" }),
  });
  const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  if (!response.ok || !cookie) throw new Error(`sign-up for the couple bench failed: ${response.status}`);
  return { baseUrl, origin, cookie };
}

export type CoupleResults = { report: LoadResult; reportHalf: LoadResult };

/**
 * Two new people, each with a profile, linked and sharing their pattern and scores;
 * then GET /api/couple/report as one of them, flat out and at half that rate.
 */
export async function measureCoupleReport(baseUrl: string, origin: string, seconds: number, connections: number): Promise<CoupleResults> {
  const first = await signUp(baseUrl, origin, "Ari");
  const second = await signUp(baseUrl, origin, "Bo");
  await completeAssessment(first);
  await completeAssessment(second);
  const { invite } = (await call(first, "POST", "/api/couple/invite", {})) as { invite: { code: string } };
  await call(second, "POST", "/api/couple/accept", { code: invite.code });
  await call(first, "PUT", "/api/couple/shares", { scopes: ["overview", "dimensions"] });
  await call(second, "PUT", "/api/couple/shares", { scopes: ["overview", "dimensions"] });
  const headers = { cookie: first.cookie };
  const report = await load(`${baseUrl}/api/couple/report`, { seconds, connections, headers });
  const reportHalf = await load(`${baseUrl}/api/couple/report`, { seconds, connections: 10, headers, overallRate: Math.max(1, Math.floor(report.requestsPerSecond / 2)) });
  return { report, reportHalf };
}
