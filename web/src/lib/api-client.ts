import { takeEarlyResponse } from "./early-requests";
import { getLanguage } from "./language";

/** An error answer from the server, with its status and the server's message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly fields: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Thrown when the server could not be reached at all. */
export class NetworkError extends Error {
  constructor() {
    super("network");
    this.name = "NetworkError";
  }
}

/**
 * The one way the web app talks to the server: same-origin JSON with the session cookie.
 * Our API answers errors as {error:{code,message}}; Better Auth as {code,message}.
 */
export async function requestJson<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let response: Response;
  // The first page's data may already be on its way (lib/early-requests.ts); a plain GET takes it.
  const early = (init.method ?? "GET") === "GET" && init.headers === undefined ? takeEarlyResponse(path, getLanguage()) : undefined;
  try {
    response = await (early ??
      fetch(path, {
        method: init.method ?? "GET",
        credentials: "same-origin",
        headers: {
          accept: "application/json",
          // The server's own words (flags, names, help) come in the page's language (decision 076).
          "accept-language": getLanguage(),
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }));
  } catch {
    throw new NetworkError();
  }
  const text = await response.text();
  const data: unknown = text ? safeParse(text) : null;
  if (!response.ok) {
    const payload = (data ?? {}) as {
      error?: { code?: string; message?: string; fields?: Array<{ path: string; message: string }> };
      code?: string;
      message?: string;
    };
    const error = payload.error ?? payload;
    throw new ApiRequestError(response.status, error.code, error.message ?? response.statusText, payload.error?.fields ?? []);
  }
  return data as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
