// A seeded generator (core's mulberry32, seeded by a hash of the seed and a stream name): the same
// DURABILITY_SEED gives the same values, keys, retries and kill delays. Each person and the killer
// draw from their own stream, so how their requests interleave cannot shift another's draws.
import { createMulberry32, hashCyrb53 } from "@mutual/core";

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Printable characters for an Idempotency-Key. */
  token(length: number): string;
};

export function createRandom(seed: string, stream: string): Random {
  const next = createMulberry32(hashCyrb53(`${seed}\n${stream}`));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    token: (length) => {
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      let text = "";
      for (let index = 0; index < length; index += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      return text;
    },
  };
  return random;
}
