// Reads a V8 .cpuprofile (node --cpu-prof) into the two lists that say where a server's time
// went: self time per function (what to optimise) and inclusive time (which caller it is
// under). Used by bench/profile-route.ts; decision 024's shares come from these lists.

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
export type FunctionShare = { name: string; share: number };

/** "function file:line", with dependency and build folders shortened so the lists stay readable. */
function frameName(frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*?\/(server|core|web)\/dist\//, "$1/");
  return `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
}

function topShares(times: Map<string, number>, total: number, top: number): FunctionShare[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, time]) => ({ name, share: total === 0 ? 0 : time / total }));
}

/**
 * Each sample's time goes to its function (self) and once to every distinct function on its
 * stack (inclusive), so recursion is not counted twice. Shares are of all sampled time,
 * idle and garbage collection included.
 */
export function summarizeCpuProfile(profile: CpuProfile, top = 25): { self: FunctionShare[]; inclusive: FunctionShare[] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const timeByNode = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    timeByNode.set(nodeId, (timeByNode.get(nodeId) ?? 0) + delta);
    total += delta;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [nodeId, time] of timeByNode) {
    const leaf = nodes.get(nodeId);
    if (!leaf) continue;
    const leafName = frameName(leaf.callFrame);
    self.set(leafName, (self.get(leafName) ?? 0) + time);
    const onStack = new Set<string>();
    for (let current: number | undefined = nodeId; current !== undefined; current = parents.get(current)) {
      const node = nodes.get(current);
      if (!node) break;
      onStack.add(frameName(node.callFrame));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
  return { self: topShares(self, total, top), inclusive: topShares(inclusive, total, top) };
}
