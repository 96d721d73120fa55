// A push service for tests (decision 060): an HTTPS server on 127.0.0.1 that takes Web Push POSTs
// as real ones do, and fake devices (each its own P-256 key pair and auth secret) whose pushes can
// be opened (RFC 8291 keys, RFC 8188 aes128gcm framing, written here with node:crypto) to check
// what a lock screen would show. Used by the push and the counsellors' requests tests.
import { createECDH, createDecipheriv, createHmac, randomBytes, randomUUID, type ECDH } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";

/** Words a notice must never carry: a lock screen can be seen by someone else. */
export const sensitiveWords = /partner|relationship|couple|counsel|score|safe|result|profile|mutual|practice/i;

/** A browser's side of one subscription: the keys only the device holds. */
export type FakeDevice = { id: string; ecdh: ECDH; auth: Buffer; subscription: { endpoint: string; keys: { p256dh: string; auth: string } } };
export type ReceivedPush = { deviceId: string; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** Opens an aes128gcm Web Push body (RFC 8188 framing, RFC 8291 keys) with the device's private key and auth secret. */
export function decryptPush(device: FakeDevice, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  expect(idLength).toBe(65);
  expect(ciphertext.length).toBeLessThanOrEqual(recordSize);
  const sharedSecret = device.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), device.ecdh.getPublicKey(), senderPublic, Buffer.from([1])]);
  const ikm = hmac(hmac(device.auth, sharedSecret), keyInfo);
  const prk = hmac(salt, ikm);
  const contentKey = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "latin1")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "latin1")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", contentKey, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last (only) record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString("utf8");
}

/** A self-signed certificate for 127.0.0.1 and localhost, so the push service in a test speaks HTTPS as real ones do. */
function selfSignedCertificate(): { key: string; cert: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-push-cert-"));
  try {
    const made = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        path.join(folder, "key.pem"),
        "-out",
        path.join(folder, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
      ],
      { encoding: "utf8" },
    );
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    return { key: fs.readFileSync(path.join(folder, "key.pem"), "utf8"), cert: fs.readFileSync(path.join(folder, "cert.pem"), "utf8") };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export type TestPushService = {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** https://localhost:<port>: the same service, by a name that resolves to a loopback address. */
  localhostOrigin: string;
  /** The certificate to trust (the sender's `ca`). */
  ca: string;
  /** Every push that came, in order, with what the service answered. */
  received: ReceivedPush[];
  /** What the service answers for a device id: 201 unless set (410 gone, 500 failing). */
  answers: Map<string, number>;
  newDevice(origin?: string): FakeDevice;
  /** Every push sent to one device, taken or not. */
  to(device: FakeDevice): ReceivedPush[];
  /** The pushes one device's push service took (answered 2xx). */
  accepted(device: FakeDevice): ReceivedPush[];
  close(): Promise<void>;
};

export async function startTestPushService(): Promise<TestPushService> {
  const certificate = selfSignedCertificate();
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const deviceId = (request.url ?? "").replace("/push/", "");
      const status = answers.get(deviceId) ?? 201;
      received.push({ deviceId, status, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    localhostOrigin: `https://localhost:${port}`,
    ca: certificate.cert,
    received,
    answers,
    newDevice(at = origin) {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      return {
        id,
        ecdh,
        auth,
        subscription: { endpoint: `${at}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } },
      };
    },
    to: (device) => received.filter((push) => push.deviceId === device.id),
    accepted: (device) => received.filter((push) => push.deviceId === device.id && push.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
