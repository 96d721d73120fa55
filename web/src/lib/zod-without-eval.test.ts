import "./zod-without-eval";
import { z } from "zod";
import { describe, expect, it } from "vitest";

describe("Zod under the app's CSP", () => {
  it("builds object schemas without eval, so the browser reports no CSP violation", () => {
    // If a Zod upgrade moves its settings, this fails before the e2e CSP check does.
    expect(z.config().jitless).toBe(true);
    expect(z.object({ name: z.string() }).parse({ name: "Ana" })).toEqual({ name: "Ana" });
  });
});
