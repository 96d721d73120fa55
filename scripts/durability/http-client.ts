// Plain node:http, one connection per request (agent: false): a pooled or retrying client could
// resend a PUT on its own after the server died, and then we would not know which requests the
// server saw. Here a request either yields a whole response or a NetworkError, nothing in between.
import http from "node:http";

export type HttpResponse = { status: number; setCookies: string[]; body: string };

/** No complete response arrived: refused, reset, cut off mid-body or timed out. The write may or may not have committed. */
export class NetworkError extends Error {
  override name = "NetworkError";
}

const requestTimeoutMs = 15_000;

export function request(
  baseUrl: string,
  method: "GET" | "POST" | "PUT",
  path: string,
  options: { headers?: Record<string, string>; json?: unknown } = {},
): Promise<HttpResponse> {
  const url = new URL(path, baseUrl);
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method, headers, agent: false, timeout: requestTimeoutMs }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", (error) => reject(new NetworkError(error.message)));
      incoming.on("aborted", () => reject(new NetworkError("response cut off")));
      incoming.on("end", () => {
        if (!incoming.complete) return reject(new NetworkError("response cut off"));
        const setCookie = incoming.headers["set-cookie"] ?? [];
        resolve({ status: incoming.statusCode ?? 0, setCookies: setCookie, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${requestTimeoutMs} ms`)));
    outgoing.on("error", (error) => reject(new NetworkError(error.message)));
    outgoing.end(body);
  });
}
