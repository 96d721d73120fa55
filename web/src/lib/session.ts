import { useEffect, useSyncExternalStore } from "react";
import type { MeResponse, Preferences, PracticesResponse } from "@mutual/core";
import { ApiRequestError, requestJson } from "./api-client";
import { forgetEarlyRequests } from "./early-requests";

// Who is signed in, and their settings Quick exit needs, for the frame of every page without
// TanStack Query (decision 043): plain requests into a small store. The query cache, which loads
// with the first lazy page, is kept in step both ways (app/page-providers.tsx), so a sign-in on a
// page shows in the frame at once, and a sign-out from the frame empties the cache.

export type Me = MeResponse["user"];

/** The answer to "who is signed in?" as the frame reads it (the shape of a query's result). */
export type SessionState =
  | { isPending: true; isError: false; data: undefined }
  | { isPending: false; isError: true; data: undefined }
  | { isPending: false; isError: false; data: Me | null };

const pending: SessionState = { isPending: true, isError: false, data: undefined };
const failed: SessionState = { isPending: false, isError: true, data: undefined };

let me: SessionState = pending;
let preferences: Preferences | undefined;
let practices: PracticesResponse | undefined;
let meRequest: Promise<void> | undefined;
let preferencesRequest: Promise<void> | undefined;
let practicesRequest: Promise<void> | undefined;
const listeners = new Set<() => void>();
const signOutListeners = new Set<() => void>();

const notify = () => {
  for (const listener of listeners) listener();
};

/** Asks the server who is signed in: the person, or null when nobody is. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return (await requestJson<MeResponse>("/api/me")).user;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getSession = (): SessionState => me;
export const getShellPreferences = (): Preferences | undefined => preferences;

/** Who is signed in now, as learnt elsewhere (a sign-in, the query cache); a different person's settings are forgotten. */
export function setSessionPerson(person: Me | null): void {
  if (me.data !== undefined && me.data?.id !== person?.id) {
    forgetEarlyRequests();
    preferences = undefined;
    preferencesRequest = undefined;
    practices = undefined;
    practicesRequest = undefined;
  }
  me = { isPending: false, isError: false, data: person };
  notify();
}

export function setShellPreferences(value: Preferences | undefined): void {
  preferences = value;
  notify();
}

/** The practices the person belongs to, as learnt elsewhere (the pages' query cache). */
export function setShellPractices(value: PracticesResponse | undefined): void {
  practices = value;
  notify();
}

export const getShellPractices = (): PracticesResponse | undefined => practices;

/** Asks the server who is signed in, once (the same question useSession asks), and resolves when it has answered. */
export function checkSession(): Promise<void> {
  return requestMe();
}

function requestMe(): Promise<void> {
  meRequest ??= fetchMe().then(setSessionPerson, () => {
    meRequest = undefined;
    me = failed;
    notify();
  });
  return meRequest;
}

/** Asks again who is signed in after the question could not be answered (no connection). */
export function retrySession(): void {
  if (!me.isError) return;
  me = pending;
  notify();
  void requestMe();
}

/** The signed-in person for the frame: asked once, then kept in step with the pages' cache; asked again when the connection returns. */
export function useSession(): SessionState {
  const state = useSyncExternalStore(subscribeSession, getSession);
  useEffect(() => {
    void requestMe();
    window.addEventListener("online", retrySession);
    return () => window.removeEventListener("online", retrySession);
  }, []);
  return state;
}

/** The person's settings while someone is signed in (undefined until they arrive, or if they cannot). */
export function useShellPreferences(isSignedIn: boolean): Preferences | undefined {
  const value = useSyncExternalStore(subscribeSession, getShellPreferences);
  useEffect(() => {
    if (!isSignedIn) return;
    preferencesRequest ??= requestJson<Preferences>("/api/preferences").then(setShellPreferences, () => {
      preferencesRequest = undefined;
    });
  }, [isSignedIn]);
  return isSignedIn ? value : undefined;
}

/**
 * The counselling practices the signed-in person belongs to (undefined until known): the frame
 * shows "Clients" to practice members and sends them to their clients after signing in.
 */
export function useShellPractices(isSignedIn: boolean): PracticesResponse | undefined {
  const value = useSyncExternalStore(subscribeSession, getShellPractices);
  useEffect(() => {
    if (!isSignedIn) return;
    practicesRequest ??= requestJson<PracticesResponse>("/api/practices").then(setShellPractices, () => {
      practicesRequest = undefined;
    });
  }, [isSignedIn]);
  return isSignedIn ? value : undefined;
}

/** Runs after a sign-out from the frame: the pages' cache forgets the person. */
export function onSignOut(listener: () => void): () => void {
  signOutListeners.add(listener);
  return () => signOutListeners.delete(listener);
}

/** Signs this device out, then asks the server who is signed in now (nobody, unless it cannot say). */
export async function signOut(): Promise<void> {
  try {
    // This device stops getting the person's push reminders (decision 060); loaded only now.
    await import("./push-device").then((push) => push.turnPushOffHere()).catch(() => undefined);
    await requestJson("/api/auth/sign-out", { method: "POST", body: {} });
  } finally {
    // Nobody, until the server says otherwise; and nobody if it cannot be asked.
    forgetEarlyRequests();
    setSessionPerson(null);
    for (const listener of signOutListeners) listener();
    meRequest = fetchMe().then(setSessionPerson, () => undefined);
    await meRequest;
  }
}

/** Forgets everything (tests start each case afresh). */
export function resetSession(): void {
  forgetEarlyRequests();
  me = pending;
  preferences = undefined;
  practices = undefined;
  meRequest = undefined;
  preferencesRequest = undefined;
  practicesRequest = undefined;
  listeners.clear();
  signOutListeners.clear();
}
