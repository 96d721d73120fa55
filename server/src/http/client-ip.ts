import { isIP } from "node:net";

/** The header through which the app hands the resolved client address to Better Auth. */
export const resolvedClientIpHeader = "x-mutual-client-ip";

/**
 * The client's address: from the operator's trusted header when one is configured (the
 * right-most valid entry, the one the operator's own proxy appended), else the socket.
 * Without a configured header, client-supplied forwarding headers are ignored, so an
 * attacker cannot pick the address that rate limits count against.
 */
export function resolveClientIp(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  trustedHeader: string | undefined,
): string {
  if (trustedHeader) {
    const raw = headers[trustedHeader];
    const value = Array.isArray(raw) ? raw.join(",") : raw;
    const candidates = (value ?? "")
      .split(",")
      .map((part) => stripPort(part.trim()))
      .filter((part) => isIP(part) !== 0);
    const last = candidates.at(-1);
    if (last) return last;
  }
  return normalize(socketAddress ?? "0.0.0.0");
}

function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4WithPort?.[1] ?? address;
}

function normalize(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
