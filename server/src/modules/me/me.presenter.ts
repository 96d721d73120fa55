import type { MeResponse } from "@mutual/core";
import type { Actor } from "../../domain/actor.js";

/** The allow-list of what /api/me returns: named field by field. */
export function presentMe(actor: Actor): MeResponse {
  return {
    user: {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      emailVerified: actor.emailVerified,
      twoFactorEnabled: actor.twoFactorEnabled,
      createdAt: actor.createdAt.toISOString(),
    },
  };
}
