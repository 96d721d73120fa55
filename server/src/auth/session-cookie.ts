import { createHmac, timingSafeEqual } from "node:crypto";

// Better Auth's session cookie holds `token.signature`, URL-encoded, where the signature
// is base64 HMAC-SHA256 of the token under the auth secret (better-call's signed
// cookies). Reading it here lets every signed-in request resolve its session with one
// indexed query instead of a full Better Auth dispatch (docs/decisions/007).

/**
 * Every auth cookie's prefix. Over https, `__Host-`: the browser then takes the cookie only if it
 * is Secure, for the whole site and for this host alone (no Domain), so neither a sibling
 * subdomain nor a plain-http page can plant or overwrite one (decision 032).
 */
export function authCookiePrefix(isHttps: boolean): string {
  return `${isHttps ? "__Host-" : ""}better-auth`;
}

/** The session cookie's name. */
export function sessionCookieName(isHttps: boolean): string {
  return `${authCookiePrefix(isHttps)}.session_token`;
}

/** The value of one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** The session token inside a signed cookie value, or null when the signature does not match. */
export function verifySignedToken(cookieValue: string, secret: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(cookieValue);
  } catch {
    return null;
  }
  const dot = decoded.lastIndexOf(".");
  if (dot <= 0) return null;
  const token = decoded.slice(0, dot);
  const given = Buffer.from(decoded.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
