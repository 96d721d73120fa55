// Where a person goes after signing in or up. Kept apart from require-sign-in.tsx, which is in
// the first load, so only the lazily loaded sign-in, sign-up and consent pages carry this code.

/** The way from sign-in to sign-up and back, carrying the same `next` and hash along. */
export function otherAuthPagePath(page: "/sign-in" | "/sign-up", next: string | null, hash: string): string {
  return next === null ? page : `${page}?next=${encodeURIComponent(safeNextPath(next))}${hash}`;
}

/** Where to go after signing in or up: the safe `next` path, with the hash it came with. */
export function afterSignInPath(next: string | null, hash: string): string {
  const path = safeNextPath(next);
  return path.includes("#") ? path : `${path}${hash}`;
}

/**
 * Only same-site paths may follow sign-in, so a crafted link cannot send people elsewhere. No
 * whitespace or backslash either, as on the server (server/src/auth/sign-up-link.ts): browsers
 * drop or rewrite them, so "/\t/evil.example" could become "//evil.example".
 */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !/[\s\\]/.test(next) ? next : "/";
}
