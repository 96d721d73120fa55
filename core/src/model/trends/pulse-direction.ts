// Which way a pulse has gone over the person's last few check-ins, for one plain sentence on the
// home page and after a check-in. Deliberately modest: the mean of the latest two answers against
// the two before, and a change of a whole point on the 1–7 scale before it is called a rise or a
// fall; fewer than two answers say nothing about a trend at all.

export type PulseDirection = "too-few" | "rising" | "falling" | "steady";

/** The direction of a pulse from its answers, oldest first (nulls are weeks it was skipped). */
export function pulseDirection(values: ReadonlyArray<number | null>): PulseDirection {
  const answered = values.filter((value): value is number => value !== null).slice(-4);
  if (answered.length < 2) return "too-few";
  const split = answered.length - Math.min(2, Math.floor(answered.length / 2));
  const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
  const change = mean(answered.slice(split)) - mean(answered.slice(0, split));
  if (change >= 1) return "rising";
  if (change <= -1) return "falling";
  return "steady";
}
