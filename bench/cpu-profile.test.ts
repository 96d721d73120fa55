import { describe, expect, it } from "vitest";
import { summarizeCpuProfile, type CpuProfile } from "./cpu-profile.js";

const frame = (functionName: string, line = 0) => ({ functionName, url: "file:///srv/mutual/server/dist/app.js", lineNumber: line });

// (root) → handle → query, and handle → handle (recursion) → query.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2] },
    { id: 2, callFrame: frame("handle", 9), children: [3, 4] },
    { id: 3, callFrame: frame("query", 19) },
    { id: 4, callFrame: frame("handle", 9), children: [5] },
    { id: 5, callFrame: frame("query", 19) },
  ],
  samples: [3, 3, 5, 2],
  timeDeltas: [10, 20, 30, 40],
};

describe("summarizeCpuProfile", () => {
  it("gives each function its own samples' share of all sampled time", () => {
    const { self } = summarizeCpuProfile(profile);
    expect(self).toEqual([
      { name: "query server/app.js:20", share: 0.6 },
      { name: "handle server/app.js:10", share: 0.4 },
    ]);
  });

  it("counts a recursive function once per sample in its inclusive time", () => {
    const { inclusive } = summarizeCpuProfile(profile);
    expect(inclusive.find((row) => row.name.startsWith("handle"))?.share).toBe(1);
    expect(inclusive.find((row) => row.name.startsWith("(root)"))?.share).toBe(1);
  });

  it("keeps only the top functions asked for", () => {
    expect(summarizeCpuProfile(profile, 1).self).toHaveLength(1);
  });
});
