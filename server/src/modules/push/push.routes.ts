import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pushDevicesResponseSchema, pushPublicKeyResponseSchema, pushSubscriptionSchema, pushUnsubscribeSchema } from "@mutual/core";
import { actorOf } from "../../http/route-access.js";
import { subscribeDevice, unsubscribeDevice, type PushDeps } from "./push.service.js";

export type PushRoutesOptions = PushDeps & { publicKey: string };

/** The server's public VAPID key, and the caller's own devices for push: subscribe this one, unsubscribe it. */
export const pushRoutes: FastifyPluginAsyncZod<PushRoutesOptions> = async (app, { db, kek, clock, allowPrivateEndpoints, publicKey }) => {
  const deps = { db, kek, clock, allowPrivateEndpoints };
  const devices = { 200: pushDevicesResponseSchema };
  app.get("/api/push/public-key", { config: { access: "signed-in" }, schema: { response: { 200: pushPublicKeyResponseSchema } } }, async () => ({
    publicKey,
  }));
  app.post("/api/push/subscriptions", { config: { access: "signed-in" }, schema: { body: pushSubscriptionSchema, response: devices } }, async (request) => ({
    devices: await subscribeDevice(deps, actorOf(request).userId, request.body),
  }));
  app.post("/api/push/unsubscribe", { config: { access: "signed-in" }, schema: { body: pushUnsubscribeSchema, response: devices } }, async (request) => ({
    devices: await unsubscribeDevice(deps, actorOf(request).userId, request.body.endpoint),
  }));
};
