import { describe, expect, it } from "vitest";
import { carriedScopes, csvField, exportContentOf, neutraliseCell, toCsv } from "./client-exports.policy.js";

describe("client exports policy", () => {
  it("each scope carries only its own content", () => {
    expect(exportContentOf([])).toEqual({ profile: false, safety: false, checkIns: false, notes: false });
    expect(exportContentOf(["profile", "check-ins"])).toEqual({ profile: true, safety: false, checkIns: true, notes: false });
    expect(exportContentOf(["safety", "notes"])).toEqual({ profile: false, safety: true, checkIns: false, notes: true });
  });

  it("audits only the scopes an export carries", () => {
    const all = exportContentOf(["profile", "safety", "check-ins", "notes"]);
    expect(carriedScopes(all, { profiles: true, checkIns: false, notes: false })).toEqual(["profile", "safety"]);
    expect(carriedScopes(all, { profiles: true, checkIns: true, notes: true })).toEqual(["profile", "safety", "check-ins", "notes"]);
    expect(carriedScopes(exportContentOf(["check-ins"]), { profiles: true, checkIns: false, notes: false })).toEqual([]);
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(neutraliseCell("Mei Ling")).toBe("Mei Ling");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });

  it("neutralises a formula behind leading whitespace of any kind, and leaves other leading spaces alone", () => {
    for (const space of [" ", "   ", "\n", " \t", "\u00a0", "\u3000", "\u2003", "\ufeff"]) {
      for (const start of ["=", "+", "-", "@"]) expect(neutraliseCell(`${space}${start}HYPERLINK("x")`), JSON.stringify(space + start)).toBe(`'${space}${start}HYPERLINK("x")`);
    }
    expect(neutraliseCell("  Mei Ling")).toBe("  Mei Ling");
    expect(neutraliseCell(" a = b")).toBe(" a = b");
    expect(csvField(" =1+1")).toBe(`"' =1+1"`);
  });

  it("quotes every field, doubles quotes, keeps numbers as numbers, ends records with CRLF", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(-3.5)).toBe('"-3.5"');
    expect(csvField(null)).toBe('""');
    expect(toCsv(["a", "b"], [["x,y", "line\nbreak"]])).toBe('\uFEFF"a","b"\r\n"x,y","line\nbreak"\r\n');
  });
});
