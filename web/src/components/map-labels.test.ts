import { describe, expect, it } from "vitest";
import { overlaps, placeLabel, textBox, type Box } from "./map-labels";

const bounds: Box = { left: 48, top: 10, right: 310, bottom: 272 };

describe("placing a point's name on the map", () => {
  it("puts the name to the right of its point when that is clear", () => {
    expect(placeLabel(100, 150, "Ana", 14, [], bounds)).toEqual({ x: 112, y: 155, anchor: "start" });
  });

  it("moves it off a pattern's name, and off a name already placed, keeping it inside the map", () => {
    const patternName = textBox(244, 28, "Interdependent", "middle", 13);
    const first = placeLabel(230, 26, "Kavitha Rajan", 14, [patternName], bounds);
    const firstBox = textBox(first.x, first.y, "Kavitha Rajan", first.anchor, 14);
    expect(overlaps(firstBox, patternName)).toBe(false);
    const second = placeLabel(236, 30, "You", 14, [patternName, firstBox], bounds);
    const secondBox = textBox(second.x, second.y, "You", second.anchor, 14);
    expect(overlaps(secondBox, patternName)).toBe(false);
    expect(overlaps(secondBox, firstBox)).toBe(false);
    for (const box of [firstBox, secondBox])
      expect(box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom).toBe(true);
  });

  it("never hides a name: with nothing clear it takes the first place inside the map", () => {
    const everything: Box = { left: 0, top: 0, right: 400, bottom: 400 };
    expect(placeLabel(100, 150, "Ana", 14, [everything], bounds)).toEqual({ x: 112, y: 155, anchor: "start" });
  });
});
