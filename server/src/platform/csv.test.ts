import { describe, expect, it } from "vitest";
import { csvField, neutraliseCell, toCsv } from "./csv.js";

describe("CSV files", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(neutraliseCell("Mei Ling")).toBe("Mei Ling");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });

  it("neutralises a formula behind leading whitespace of any kind, and leaves other leading spaces alone", () => {
    for (const space of [" ", "   ", "\n", " \t", "\u00a0", "\u3000", "\u2003", "\ufeff"]) {
      for (const start of ["=", "+", "-", "@"])
        expect(neutraliseCell(`${space}${start}HYPERLINK("x")`), JSON.stringify(space + start)).toBe(`'${space}${start}HYPERLINK("x")`);
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
