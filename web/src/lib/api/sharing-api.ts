import type { SharingNow } from "@mutual/core";
import { useCounselling } from "./counselling-api";
import { useCouple } from "./couple-api";

export type SharingState = { status: "pending" } | { status: "error" } | { status: "ready"; sharing: SharingNow };

/**
 * What the signed-in person shares right now, with their partner and with each counsellor, read from
 * the same two answers the partner and counselling pages use (so a change there is seen here at once:
 * their mutations refresh these queries). Every "who can see this" sentence is worked out from it.
 */
export function useSharingNow(): SharingState {
  const couple = useCouple();
  const counselling = useCounselling();
  if (couple.isError || counselling.isError) return { status: "error" };
  if (!couple.data || !counselling.data) return { status: "pending" };
  const linked = couple.data.couple;
  return {
    status: "ready",
    sharing: {
      partner: linked ? { name: linked.partner.name, scopes: linked.myScopes } : null,
      counsellors: counselling.data.relations.map((relation) => ({
        name: relation.counsellor.name,
        practice: relation.practice.name,
        scopes: relation.scopes,
      })),
    },
  };
}
