import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptText, encryptText, newDataKey, unwrapDataKey, wrapDataKey } from "./crypto.js";

const kek = { id: "k1", key: newDataKey() };

describe("envelope encryption", () => {
  it("round-trips any text, and the ciphertext does not contain it", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (text) => {
        const key = newDataKey();
        const sealed = encryptText(key, text, "note:u1:w1");
        expect(decryptText(key, sealed, "note:u1:w1")).toBe(text);
        if (text.length > 3) expect(sealed).not.toContain(text);
      }),
    );
  });

  it("uses a fresh IV each time, so equal notes do not look equal", () => {
    const key = newDataKey();
    expect(encryptText(key, "same", "b")).not.toBe(encryptText(key, "same", "b"));
  });

  it("refuses the wrong key, the wrong binding and tampered bytes", () => {
    const key = newDataKey();
    const sealed = encryptText(key, "private note", "note:u1:w1");
    expect(() => decryptText(newDataKey(), sealed, "note:u1:w1")).toThrow();
    expect(() => decryptText(key, sealed, "note:u2:w1")).toThrow();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptText(key, parts.join("."), "note:u1:w1")).toThrow();
  });

  it("wraps a data key for one owner only", () => {
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(kek, dataKey, "user-1");
    expect(unwrapDataKey(kek, wrapped, "user-1").equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(kek, wrapped, "user-2")).toThrow();
    expect(() => unwrapDataKey({ id: "k2", key: newDataKey() }, wrapped, "user-1")).toThrow();
  });
});
