import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERDEPENDENCE_PROFILE_V1 as PROFILE } from "../instrument/profile-v1.js";
import { orderItemSections, orderItemsForRespondent } from "./item-order.js";
import { createMulberry32, hashCyrb53, shuffleWith } from "./seeded-random.js";

const safeIds = new Set(PROFILE.items.filter((entry) => entry.dimension === "SAFE").map((entry) => entry.id));

describe("seeded item order", () => {
  it("is the same for the same respondent and version", () => {
    expect(orderItemsForRespondent(PROFILE, "respondent-a")).toEqual(orderItemsForRespondent(PROFILE, "respondent-a"));
  });

  it("is a permutation of all item ids", () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const order = orderItemsForRespondent(PROFILE, id);
        expect([...order].sort()).toEqual(PROFILE.items.map((entry) => entry.id).sort());
      }),
    );
  });

  it("never starts with a SAFE item", () => {
    fc.assert(
      fc.property(fc.string(), (id) => !safeIds.has(orderItemsForRespondent(PROFILE, id)[0] ?? "")),
      { numRuns: 2000 },
    );
  });

  it("puts every SAFE item, and only those, in a final private section", () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const sections = orderItemSections(PROFILE, id);
        expect(sections.map((section) => [section.id, section.isPrivate])).toEqual([
          ["profile", false],
          ["safety-check", true],
        ]);
        expect([...(sections[1]?.itemIds ?? [])].sort()).toEqual([...safeIds].sort());
        expect(sections[0]?.itemIds.some((itemId) => safeIds.has(itemId))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("shuffles inside the SAFE section too", () => {
    const orders = new Set(Array.from({ length: 50 }, (_, index) => orderItemSections(PROFILE, `r${index}`)[1]?.itemIds.join(",")));
    expect(orders.size).toBeGreaterThan(5);
  });

  it("gives two partners different orders", () => {
    expect(orderItemsForRespondent(PROFILE, "partner-1")).not.toEqual(orderItemsForRespondent(PROFILE, "partner-2"));
  });

  it("reshuffles when the instrument version changes", () => {
    const next = { ...PROFILE, version: "1.1.0" };
    expect(orderItemsForRespondent(next, "partner-1")).not.toEqual(orderItemsForRespondent(PROFILE, "partner-1"));
  });

  it("spreads first positions across many respondents (not a fixed order)", () => {
    const firsts = new Set(Array.from({ length: 300 }, (_, index) => orderItemsForRespondent(PROFILE, `r${index}`)[0]));
    expect(firsts.size).toBeGreaterThan(15);
  });
});

describe("hash and PRNG", () => {
  it("cyrb53 is deterministic, seed-sensitive and a safe integer", () => {
    expect(hashCyrb53("a")).toBe(hashCyrb53("a"));
    expect(hashCyrb53("a")).not.toBe(hashCyrb53("b"));
    expect(hashCyrb53("a", 1)).not.toBe(hashCyrb53("a", 2));
    expect(Number.isSafeInteger(hashCyrb53("anything"))).toBe(true);
  });

  it("mulberry32 yields floats in [0, 1) and repeats for a seed", () => {
    const a = createMulberry32(42);
    const b = createMulberry32(42);
    for (let index = 0; index < 1000; index += 1) {
      const value = a();
      expect(value).toBe(b());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("shuffle leaves its input alone", () => {
    const input = [1, 2, 3, 4, 5];
    shuffleWith(input, createMulberry32(1));
    expect(input).toEqual([1, 2, 3, 4, 5]);
  });
});
