// Where a point's name goes on the We × Me map so that it never writes over a pattern's name,
// another point or another name (issue 19: a partner's name sat on top of "Interdependent").
// Text is measured roughly (an average glyph width for the font size), which is enough to keep
// clear of the few fixed things on this map; the order of the tries keeps a name beside its point.

export type Box = { left: number; top: number; right: number; bottom: number };
export type Anchor = "start" | "end" | "middle";
export type LabelPlace = { x: number; y: number; anchor: Anchor };

/** Rough width of a line of text: bold 13–14 px text averages under 0.62 em a glyph. */
export function textWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * 0.62;
}

/** The box a line of text covers, from its anchor point and baseline. */
export function textBox(x: number, baseline: number, text: string, anchor: Anchor, fontSize: number, lines = 1): Box {
  const width = textWidth(text, fontSize);
  const left = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  const lineHeight = fontSize * 1.25;
  return { left, right: left + width, top: baseline - fontSize, bottom: baseline + lineHeight * (lines - 1) + fontSize * 0.25 };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(box: Box, bounds: Box): boolean {
  return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
}

/**
 * The first place for `text` beside the point at (x, y) that stays inside `bounds` and clear of
 * everything in `avoid`: right, left, then below and above on either side, then centred below
 * and above. When nothing is clear, the first place inside the bounds (a name is never hidden).
 */
export function placeLabel(x: number, y: number, text: string, fontSize: number, avoid: readonly Box[], bounds: Box): LabelPlace {
  const gap = 12;
  const tries: LabelPlace[] = [
    { x: x + gap, y: y + 5, anchor: "start" },
    { x: x - gap, y: y + 5, anchor: "end" },
    { x: x + gap, y: y + 22, anchor: "start" },
    { x: x - gap, y: y + 22, anchor: "end" },
    { x: x + gap, y: y - 10, anchor: "start" },
    { x: x - gap, y: y - 10, anchor: "end" },
    { x, y: y + 26, anchor: "middle" },
    { x, y: y - 14, anchor: "middle" },
  ];
  const fitting = tries.filter((place) => inside(textBox(place.x, place.y, text, place.anchor, fontSize), bounds));
  const clear = fitting.find((place) => !avoid.some((box) => overlaps(textBox(place.x, place.y, text, place.anchor, fontSize), box)));
  return clear ?? fitting[0] ?? tries[0]!;
}
