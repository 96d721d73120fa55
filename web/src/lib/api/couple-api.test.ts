import { describe, expect, it } from "vitest";
// Imported in this test only: the app itself must not pull the zod-based contract module in.
import { SHARE_SCOPES } from "@mutual/core";
import { SCOPES, partnerDataQueryOptions } from "./couple-api";

describe("couple api", () => {
  it("lists exactly the contract's share scopes, in its order", () => {
    expect([...SCOPES]).toEqual([...SHARE_SCOPES]);
  });

  it("reads partner data fresh, keeps none of it, and never again only because the window regained focus", () => {
    expect(partnerDataQueryOptions).toMatchObject({ staleTime: 0, gcTime: 0, refetchOnWindowFocus: false });
  });
});
