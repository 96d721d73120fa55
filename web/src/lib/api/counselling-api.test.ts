import { describe, expect, it } from "vitest";
// Imported in this test only: the app itself must not pull the zod-based contract module in.
import { COUNSELLING_SCOPES, DEFAULT_COUNSELLING_SCOPES } from "@mutual/core";
import { COUNSELLING_SCOPE_LIST, DEFAULT_SCOPES } from "./counselling-api";

describe("counselling api", () => {
  it("lists exactly the contract's counselling scopes and defaults, in its order", () => {
    expect([...COUNSELLING_SCOPE_LIST]).toEqual([...COUNSELLING_SCOPES]);
    expect([...DEFAULT_SCOPES]).toEqual([...DEFAULT_COUNSELLING_SCOPES]);
  });
});
