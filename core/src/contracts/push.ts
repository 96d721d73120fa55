// Web Push (issue 17, decision 060): a device's subscription, as the browser's PushManager gives
// it, and the server's public VAPID key the browser needs to make one. Nothing here says whose
// device it is or what a notice will say.
import { z } from "zod";

const base64UrlPattern = /^[A-Za-z0-9_-]+={0,2}$/;

/** Decoded length of a base64url text, or -1 when it is not base64url. */
function decodedLength(value: string): number {
  if (!base64UrlPattern.test(value)) return -1;
  const unpadded = value.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return -1;
  return Math.floor((unpadded.length * 3) / 4);
}

/** An https URL of at most 2,048 characters, with no user name or password in it. */
export const pushEndpointSchema = z
  .url({ protocol: /^https$/, error: "must be an https URL" })
  .max(2048, { error: "must be at most 2048 characters" })
  .refine((value) => !/^https:\/\/[^/?#]*@/i.test(value), { error: "must not hold a user name or password" });

/** PushSubscription.toJSON() as a browser sends it: the endpoint and the two keys of RFC 8291. */
export const pushSubscriptionSchema = z
  .object({
    endpoint: pushEndpointSchema,
    /** Some browsers send it, always null in practice; not kept. */
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        /** The device's P-256 public key, uncompressed (65 bytes), base64url. */
        p256dh: z.string().refine((value) => decodedLength(value) === 65, { error: "must be a 65-byte P-256 public key in base64url" }),
        /** The 16-byte authentication secret, base64url. */
        auth: z.string().refine((value) => decodedLength(value) === 16, { error: "must be 16 bytes in base64url" }),
      })
      .strict(),
  })
  .strict();
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** POST /api/push/unsubscribe: this device's endpoint. */
export const pushUnsubscribeSchema = z.object({ endpoint: pushEndpointSchema }).strict();

/** GET /api/push/public-key: the server's VAPID public key (base64url), for PushManager.subscribe. */
export const pushPublicKeyResponseSchema = z.object({ publicKey: z.string() });

/** The answer to subscribing and unsubscribing: how many devices now get the person's push reminders. */
export const pushDevicesResponseSchema = z.object({ devices: z.int().min(0) });

/** At most this many devices per person; subscribing one more forgets the one subscribed longest ago. */
export const MAX_PUSH_DEVICES = 10;
