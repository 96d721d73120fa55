import type { Kysely } from "kysely";
import type { InvitePreviewBody, InvitePreviewResponse } from "@mutual/core";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../platform/clock.js";
import type { InviteCodeHasher } from "../../platform/invite-codes.js";
import { previewClientInvite } from "../counselling/index.js";
import { previewPartnerInvite } from "../couple/index.js";
import { previewColleagueInvitation } from "../practice/index.js";
import { inviteNotValid, nextPreviewCount, requirePreviewAllowed } from "./invite-preview.policy.js";
import { presentPreview } from "./invite-preview.presenter.js";
import { findPreviewCount, savePreviewCount } from "./invite-preview.repository.js";

export type InvitePreviewDeps = { db: Kysely<DB>; clock: Clock; hashPartnerCode: InviteCodeHasher; hashClientCode: InviteCodeHasher };

/** Who invites, for an invite link opened signed out: counted per address first, then looked up without changing anything. */
export async function previewInvite(deps: InvitePreviewDeps, clientIp: string, body: InvitePreviewBody): Promise<InvitePreviewResponse> {
  const now = deps.clock.now().getTime();
  const key = `invite-preview:${clientIp}`;
  const previous = await findPreviewCount(deps.db, key);
  const count = nextPreviewCount(previous, now);
  await savePreviewCount(deps.db, key, count, now, previous === undefined);
  requirePreviewAllowed(count);

  if (body.kind === "partner") {
    const found = await previewPartnerInvite({ db: deps.db, clock: deps.clock, hashCode: deps.hashPartnerCode }, body.code);
    if (found) return presentPreview("partner", found.inviterName, null);
  } else if (body.kind === "client") {
    const found = await previewClientInvite({ db: deps.db, clock: deps.clock, hashCode: deps.hashClientCode }, body.code);
    if (found) return presentPreview("client", found.counsellorName, found.practiceName);
  } else {
    const found = await previewColleagueInvitation({ db: deps.db, clock: deps.clock }, body.code);
    if (found) return presentPreview("colleague", found.inviterName, found.practiceName);
  }
  throw inviteNotValid();
}
