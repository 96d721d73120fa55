import type { FastifyRequest } from "fastify";
import { resolveClientIp, resolvedClientIpHeader } from "../http/client-ip.js";

/** Headers for Better Auth: the client's own, minus any forged copy of our internal IP header. */
export function toFetchHeaders(request: FastifyRequest, clientIpHeader: string | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === resolvedClientIpHeader) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set(resolvedClientIpHeader, resolveClientIp(request.headers, request.socket.remoteAddress, clientIpHeader));
  return headers;
}
