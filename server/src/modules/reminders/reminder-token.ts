// The token in a reminder email's one-click unsubscribe link (RFC 8058): it works without signing
// in, so it is signed (HMAC-SHA-256 with a key derived from the auth secret) and names only the
// person whose reminders it turns off. It does nothing else, so it needs no expiry.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

const version = "r1";

export type ReminderTokens = { sign(userId: string): string; verify(token: string): string | undefined };

export function createReminderTokens(authSecret: string): ReminderTokens {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "mutual", "mutual/reminder-unsubscribe/v1", 32));
  const macOf = (userId: string) => createHmac("sha256", key).update(`${version}:${userId}`).digest();
  return {
    sign: (userId) => `${version}.${Buffer.from(userId, "utf8").toString("base64url")}.${macOf(userId).toString("base64url")}`,
    verify(token) {
      const [tokenVersion, encodedId, encodedMac, ...rest] = token.split(".");
      if (tokenVersion !== version || encodedId === undefined || encodedMac === undefined || rest.length > 0) return undefined;
      const userId = Buffer.from(encodedId, "base64url").toString("utf8");
      const given = Buffer.from(encodedMac, "base64url");
      const expected = macOf(userId);
      return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
    },
  };
}
