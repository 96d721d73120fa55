// Web Push through the `web-push` library (decision 060): the server's VAPID key pair, kept like
// the other secrets, and one function that sends an encrypted notice (RFC 8291, aes128gcm) to one
// device and says whether it arrived, or whether the push service says the device is gone.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpsAgent } from "request-filtering-agent";
import webPush from "web-push";
import { ensurePrivateDirectory, makeFilePrivate } from "./private-files.js";

export type VapidKeys = { publicKey: string; privateKey: string };

/** A device's subscription as the browser gave it. */
export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };

/** What became of one push: accepted by the push service, or the device is gone (404/410) and should be forgotten. */
export type PushOutcome = "delivered" | "gone";

export type PushSender = {
  publicKey: string;
  /** Sends one payload; rejects on anything else than delivered or gone (retried by the outbox). */
  send(target: PushTarget, payload: string): Promise<PushOutcome>;
};

export const vapidKeysFileName = "vapid-keys.json";

/** A fresh key pair as the environment variables that give it, for tests and scripts that start servers on PostgreSQL. */
export function vapidEnv(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const keys = generateVapidKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
}

/** A new VAPID key pair (P-256), base64url. */
export function generateVapidKeys(): VapidKeys {
  return webPush.generateVAPIDKeys();
}

function isKeyPair(value: unknown): value is VapidKeys {
  if (typeof value !== "object" || value === null) return false;
  const { publicKey, privateKey } = value as Record<string, unknown>;
  return (
    typeof publicKey === "string" &&
    typeof privateKey === "string" &&
    Buffer.from(publicKey, "base64url").length === 65 &&
    Buffer.from(privateKey, "base64url").length === 32
  );
}

/**
 * The configured VAPID keys, or the pair stored in <dataDir>/vapid-keys.json, created on first run
 * (the exclusive create means two instances starting together agree). `refuseToCreate` stops
 * start-up instead, as for the other secrets on PostgreSQL.
 */
export function loadOrCreateVapidKeys(options: {
  configured: VapidKeys | undefined;
  dataDir: string;
  logger: FastifyBaseLogger;
  refuseToCreate?: string;
}): VapidKeys {
  if (options.configured) return options.configured;
  const file = path.join(options.dataDir, vapidKeysFileName);
  if (options.refuseToCreate !== undefined && !fs.existsSync(file)) throw new Error(options.refuseToCreate);
  ensurePrivateDirectory(options.dataDir);
  try {
    fs.writeFileSync(file, `${JSON.stringify(generateVapidKeys())}\n`, { flag: "wx", mode: 0o600 });
    options.logger.warn(
      { file },
      "Generated Web Push keys because VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set. Back up this file with the database: without it, every device must turn push on again.",
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  makeFilePrivate(file);
  let stored: unknown;
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    stored = undefined;
  }
  if (!isKeyPair(stored))
    throw new Error(`${file} does not hold a VAPID key pair; delete it (devices will turn push on again) or set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.`);
  return stored;
}

/** How long a push service keeps a notice for a device that is off: a weekly reminder is stale after half a day. */
const timeToLiveSeconds = 12 * 60 * 60;

/**
 * Whether a push endpoint names this machine or a private network rather than a push service on the
 * internet (decision 072): `localhost` (and `*.localhost`), or an IP address that is not public
 * unicast (loopback, private, link-local, unique-local, carrier-grade NAT, reserved, multicast,
 * unspecified, or an IPv4 one of these written as IPv6). A name that resolves to such an address is
 * caught when sending, by the sender's agent.
 */
export function isPrivateEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return true;
  }
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (bare === "localhost" || bare.endsWith(".localhost") || bare === "localhost.") return true;
  if (net.isIP(bare) === 0) return false;
  const address = ipaddr.parse(bare);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) return (address as ipaddr.IPv6).toIPv4Address().range() !== "unicast";
  return address.range() !== "unicast";
}

/**
 * A sender signing with the server's VAPID keys. Its connections go only to public addresses: an
 * endpoint whose host is, or resolves to, a private or local address is refused before connecting
 * (decision 072), unless `allowPrivateEndpoints` (PUSH_ALLOW_PRIVATE_ENDPOINTS, for a push service on
 * the operator's own network, and for tests). `ca` lets tests trust their own push service's certificate.
 */
export function createPushSender(options: { keys: VapidKeys; subject: string; allowPrivateEndpoints: boolean; ca?: string }): PushSender {
  const vapidDetails = { subject: options.subject, publicKey: options.keys.publicKey, privateKey: options.keys.privateKey };
  const agent = new RequestFilteringHttpsAgent({
    allowPrivateIPAddress: options.allowPrivateEndpoints,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
  });
  return {
    publicKey: options.keys.publicKey,
    async send(target, payload) {
      try {
        await webPush.sendNotification(target, payload, {
          vapidDetails,
          TTL: timeToLiveSeconds,
          contentEncoding: "aes128gcm",
          urgency: "normal",
          timeout: 15_000,
          agent,
        });
        return "delivered";
      } catch (error) {
        const status = (error as { statusCode?: unknown }).statusCode;
        if (status === 404 || status === 410) return "gone";
        // The push service's answer may hold the endpoint; say only its status.
        // The cause stays out: its message and body may hold the device's endpoint.
        const refused = error instanceof Error && / is not allowed\. /.test(error.message);
        // eslint-disable-next-line preserve-caught-error
        throw new Error(
          typeof status === "number"
            ? `The push service answered ${status}`
            : refused
              ? "The device's push service is at a private address; not sent (PUSH_ALLOW_PRIVATE_ENDPOINTS)"
              : "The push service could not be reached",
        );
      }
    },
  };
}
