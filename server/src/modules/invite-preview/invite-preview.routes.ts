import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { invitePreviewBodySchema, invitePreviewResponseSchema } from "@mutual/core";
import { resolveClientIp } from "../../http/client-ip.js";
import { previewInvite, type InvitePreviewDeps } from "./invite-preview.service.js";

export type InvitePreviewRoutesOptions = InvitePreviewDeps & { clientIpHeader: string | undefined };

/**
 * POST /api/invites/preview: an invite link's landing page, for someone not signed in yet, asks
 * who invites them (decision 058). Public; the code travels in the body, never in a URL.
 */
export const invitePreviewRoutes: FastifyPluginAsyncZod<InvitePreviewRoutesOptions> = async (app, options) => {
  app.post(
    "/api/invites/preview",
    { config: { access: "public" }, schema: { body: invitePreviewBodySchema, response: { 200: invitePreviewResponseSchema } } },
    async (request) => previewInvite(options, resolveClientIp(request.headers, request.socket.remoteAddress, options.clientIpHeader), request.body),
  );
};
