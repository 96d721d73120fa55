import { describe, expect, it } from "vitest";
import { groupSecret, isSixDigits, normalizeCode, secretOf } from "./otpauth";

describe("otpauth helpers", () => {
  it("reads the secret from an otpauth URI and groups it by four", () => {
    const uri = "otpauth://totp/Mutual:ana%40example.test?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Mutual&algorithm=SHA1&digits=6&period=30";
    expect(secretOf(uri)).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(groupSecret("JBSWY3DPEHPK3PXPJB")).toBe("JBSW Y3DP EHPK 3PXP JB");
    expect(secretOf("not a uri")).toBe("");
  });

  it("accepts a six-digit code typed with spaces or a dash", () => {
    expect(normalizeCode(" 123 456 ")).toBe("123456");
    expect(normalizeCode("123-456")).toBe("123456");
    expect(isSixDigits("123456")).toBe(true);
    expect(isSixDigits("12345")).toBe(false);
    expect(isSixDigits("12345a")).toBe(false);
  });
});
