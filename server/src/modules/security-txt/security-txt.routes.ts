import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyPluginAsync } from "fastify";
import type { Clock } from "../../platform/clock.js";
import { securityTxt } from "./security-txt.js";

/** The project's SECURITY.md at the repository root, from src/ and dist/ alike (both sit four levels down). */
export const defaultSecurityPolicyFile = fileURLToPath(new URL("../../../../SECURITY.md", import.meta.url));

const policyPath = "/security-policy.txt";

export type SecurityTxtRoutesOptions = {
  contacts: readonly string[];
  publicUrl: string;
  clock: Clock;
  /** The policy to serve; defaults to the SECURITY.md that ships with this version. */
  policyFile?: string;
};

/**
 * /.well-known/security.txt for researchers who find a problem in this deployment, and the
 * policy it points to: the SECURITY.md of the version running here, so the policy a reporter
 * reads matches the code they tested. An install without the file serves no policy link.
 */
export const securityTxtRoutes: FastifyPluginAsync<SecurityTxtRoutesOptions> = async (app, options) => {
  const policyFile = options.policyFile ?? defaultSecurityPolicyFile;
  const policy = fs.existsSync(policyFile) ? fs.readFileSync(policyFile, "utf8") : null;

  app.get("/.well-known/security.txt", { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) => {
    const body = securityTxt({
      contacts: options.contacts,
      publicUrl: options.publicUrl,
      policyPath: policy === null ? null : policyPath,
      now: options.clock.now(),
    });
    // A day's caching is plenty: Expires is months away.
    return reply.type("text/plain; charset=utf-8").header("cache-control", "public, max-age=86400").send(body);
  });

  if (policy !== null) {
    app.get(policyPath, { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/plain; charset=utf-8").header("cache-control", "public, max-age=86400").send(policy),
    );
  }
};
