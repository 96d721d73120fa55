import { startEarlyRequests } from "../lib/early-requests";
import { checkSession, getSession } from "../lib/session";
import { readBrowserTimeZone } from "../lib/time-zone";

// What the first page of a visit will ask the server for, so it can be asked while the page's code
// downloads (lib/early-requests.ts). Each path is exactly the one the page's own request uses; a
// path that is never asked for again is simply not used. Only the person's own data, and only once
// the server has said someone is signed in.

const zone = () => encodeURIComponent(readBrowserTimeZone());

const PAGE_DATA: Readonly<Record<string, () => string[]>> = {
  "/": () => [
    "/api/consent",
    "/api/assessments/current",
    "/api/profile",
    "/api/requests",
    `/api/check-ins/current?timeZone=${zone()}`,
    "/api/check-ins",
    `/api/reminders?timeZone=${zone()}`,
    "/api/exercises",
  ],
  "/profile": () => ["/api/profile", "/api/assessments/current", "/api/couple", "/api/counselling"],
  "/check-in": () => [`/api/check-ins/current?timeZone=${zone()}`, "/api/consent", "/api/couple", "/api/counselling"],
  "/trends": () => ["/api/couple", "/api/counselling", "/api/check-ins"],
  "/practices": () => ["/api/exercises"],
  "/account": () => [`/api/reminders?timeZone=${zone()}`, "/api/auth/list-sessions", "/api/auth/get-session"],
};

/**
 * The paths the page at this address asks for first; none for an address not listed. (The frame's
 * own questions are not here: it asks them the moment it learns who is signed in, just as early.)
 */
export function firstPageDataPaths(pathname: string): string[] {
  const page = PAGE_DATA[pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname];
  return page ? page() : [];
}

/** Asks who is signed in now, before anything renders, and then, if someone is, for the first page's data. */
export function startFirstPageData(pathname: string): void {
  const paths = firstPageDataPaths(pathname);
  void checkSession().then(() => {
    if (paths.length > 0 && getSession().data) startEarlyRequests(paths);
  });
}
