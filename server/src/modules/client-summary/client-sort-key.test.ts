import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientSortKey } from "./client-sort-key.js";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const byBytes = (a: string, b: string) => {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return Math.sign(Buffer.compare(x, y));
};

// Characters people's names are made of, with the ones the collator reads specially.
const alphabet = [..."abcxyzABCXYZéÉèüÜöñçåÅøØæÆßłđœ0123456789 -'.&,_()"];
const name = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((characters) => characters.join(""));

describe("a client's sort key", () => {
  it("orders any two names as the dashboard's collator does, byte by byte", () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(byBytes(clientSortKey(a), clientSortKey(b))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it("orders the names a counsellor meets as the collator does", () => {
    const names = [
      "Zoë Adams",
      "zoe adams",
      "Ødegaard",
      "Anne-Marie",
      "Anne Marie",
      "O'Brien",
      "Obrien",
      "Client 9",
      "Client 10",
      "Client 010",
      "Ærø",
      "Ängel & Bo",
      "ángel",
      "Émile",
      "Eve",
    ];
    const byCollator = [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    const byKey = [...names].sort((a, b) => byBytes(clientSortKey(a), clientSortKey(b)) || (a < b ? -1 : a > b ? 1 : 0));
    expect(byKey).toEqual(byCollator);
  });
});
