import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";
import type { FastifyInstance } from "fastify";

/**
 * Security headers on every response, as helmet computes them. The CSP allows scripts
 * and styles only from our own origin: the SPA ships no inline script or style, so no
 * 'unsafe-inline' anywhere. API responses are never cached: they carry personal data.
 */
/** Every powerful feature turned off for every frame (the app uses none of them). */
export const permissionsPolicy = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export function computeSecurityHeaders(options: { isHttps: boolean }): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    crossOriginEmbedderPolicy: false,
    // HSTS only means something over https; on a plain-http laptop install it is noise.
    strictTransportSecurity: options.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // The headers do not depend on the request, so helmet runs once against a recorder
  // and every response gets the recorded set (running helmet per request costs ~10%).
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  // Mutual uses no camera, microphone, location, payment, sensors or device access: no page of
  // ours, and no script that got in, may ask for them (helmet does not set this header).
  headers["permissions-policy"] = permissionsPolicy;
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, options: { isHttps: boolean }): void {
  const headers = computeSecurityHeaders(options);
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(headers);
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    done();
  });
}
