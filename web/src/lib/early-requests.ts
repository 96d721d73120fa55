// The first page of a visit asks for its data as soon as the app knows who is signed in, beside
// the download of the page's code, instead of after that code has loaded and rendered (issue 17:
// on a slow phone network the answers came a round trip and a render later than they could).
// Each early answer is handed once to the page's own identical request, and only while fresh.

import { getLanguage, type Language } from "./language";

type EarlyRequest = { startedAt: number; language: Language; response: Promise<Response> };

/** An early answer older than this is not used: the page asks again, as it would have. */
const FRESH_FOR_MS = 10_000;

const started = new Map<string, EarlyRequest>();

/** Starts GET requests for these paths (same origin, the session cookie), unless already started. */
export function startEarlyRequests(paths: readonly string[]): void {
  for (const path of paths) {
    if (started.has(path)) continue;
    // The body is read at once: an answer whose body nobody reads holds its connection open (a
    // browser opens six per site), and a page that never asks for it would wait behind it.
    const language = getLanguage();
    const response = fetch(path, { credentials: "same-origin", headers: { accept: "application/json", "accept-language": language } }).then(async (answer) => {
      const body = await answer.text();
      return new Response(body === "" ? null : body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    });
    // A failure is met again, and handled, by the request that takes this answer; one never taken is dropped.
    response.catch(() => undefined);
    started.set(path, { startedAt: Date.now(), language, response });
  }
}

/** The early answer for this path, once, if asked in the same language: later requests for it go to the server as usual. */
export function takeEarlyResponse(path: string, language: Language): Promise<Response> | undefined {
  const early = started.get(path);
  if (!early) return undefined;
  started.delete(path);
  return Date.now() - early.startedAt <= FRESH_FOR_MS && early.language === language ? early.response : undefined;
}

/** Forgets every early answer not yet taken (sign-out: they belong to the person who left). */
export function forgetEarlyRequests(): void {
  started.clear();
}
