import { describe, expect, it } from "vitest";
import { isLastUseDue, lastUseStepMs, sessionEndsAt } from "./session-policy.js";

const minute = 60_000;
const limits = { idleMs: 7 * 24 * 60 * minute, practiceIdleMs: 30 * minute, lifetimeMs: 30 * 24 * 60 * minute };

describe("session limits", () => {
  it("ends a session after its idle time from the last use, shorter for a practice member", () => {
    const session = { createdAtMs: 0, lastUseMs: 10 * minute };
    expect(sessionEndsAt(session, false, limits)).toBe(10 * minute + limits.idleMs);
    expect(sessionEndsAt(session, true, limits)).toBe(40 * minute);
  });

  it("never past its lifetime from the start, however recent the last use", () => {
    expect(sessionEndsAt({ createdAtMs: 0, lastUseMs: limits.lifetimeMs - minute }, false, limits)).toBe(limits.lifetimeMs);
  });

  it("records a use at most once a minute", () => {
    expect(isLastUseDue(0, lastUseStepMs - 1)).toBe(false);
    expect(isLastUseDue(0, lastUseStepMs)).toBe(true);
  });
});
