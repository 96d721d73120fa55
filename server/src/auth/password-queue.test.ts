import { afterEach, describe, expect, it } from "vitest";
import { inPasswordQueue, setPasswordHashesAtOnce } from "./password-queue.js";

// The queue in front of scrypt (decision 041): never more at once than set, and a burst is served
// in the order it came, so an early sign-in is not overtaken by later ones.
describe("password queue", () => {
  afterEach(() => setPasswordHashesAtOnce(1));

  async function burst(size: number): Promise<{ mostAtOnce: number; started: number[] }> {
    let running = 0;
    let mostAtOnce = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: size }, (_, index) =>
        inPasswordQueue(async () => {
          started.push(index);
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running -= 1;
          return index;
        }),
      ),
    );
    return { mostAtOnce, started };
  }

  it.each([1, 2, 4])("runs at most %i at once, first come first served", async (atOnce) => {
    setPasswordHashesAtOnce(atOnce);
    const { mostAtOnce, started } = await burst(12);
    expect(mostAtOnce).toBe(atOnce);
    expect(started).toEqual(Array.from({ length: 12 }, (_, index) => index));
  });

  it("keeps the figure within what Node's thread pool runs", async () => {
    setPasswordHashesAtOnce(9);
    expect((await burst(8)).mostAtOnce).toBe(4);
    setPasswordHashesAtOnce(0);
    expect((await burst(3)).mostAtOnce).toBe(1);
  });

  it("passes on a failure to its caller and goes on with the next", async () => {
    await expect(inPasswordQueue(() => Promise.reject(new Error("scrypt failed")))).rejects.toThrow("scrypt failed");
    await expect(inPasswordQueue(async () => "next")).resolves.toBe("next");
  });
});
