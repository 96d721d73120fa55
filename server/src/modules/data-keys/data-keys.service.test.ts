import { describe, expect, it } from "vitest";
import { openText, sealText, type DataKey } from "./data-keys.service.js";

describe("data key errors", () => {
  it("never name the person (key ids carry the user id, and errors reach the logs)", () => {
    const mine: DataKey = { userId: "user-aaaa-1111", keyId: "k1:user-aaaa-1111", key: Buffer.alloc(32, 1) };
    const theirs: DataKey = { userId: "user-bbbb-2222", keyId: "k1:user-bbbb-2222", key: Buffer.alloc(32, 2) };
    const sealed = sealText(mine, "private", "binding");
    let message = "";
    try {
      openText(theirs, sealed.sealed, sealed.keyId, "binding");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe("");
    expect(message).not.toContain("user-aaaa-1111");
    expect(message).not.toContain("user-bbbb-2222");
  });
});
