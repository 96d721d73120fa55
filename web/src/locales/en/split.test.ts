import { describe, expect, it } from "vitest";
import { enFirstLoad } from "./first-load";
import { en } from "./index";
import { enLater } from "./later";

describe("English catalogue split", () => {
  it("first-load and later text together are exactly the whole catalogue", () => {
    expect({ ...enFirstLoad, ...enLater }).toEqual(en);
    const overlap = Object.keys(enLater).filter((key) => key in enFirstLoad);
    expect(overlap).toEqual([]);
  });
});
