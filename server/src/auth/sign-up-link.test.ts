import { describe, expect, it } from "vitest";
import { readSignUpConfirmation, safeNextPath, signUpConfirmationUrl } from "./sign-up-link.js";

describe("the sign-up link", () => {
  it("carries the token, the page to continue to and the address in the fragment only, and reads back the same", () => {
    const token = "eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIn0.sig+/=";
    const url = signUpConfirmationUrl("https://mutual.example.org", token, "/partner/join#ABCDE-12345", "noor+x@example.test");
    const parsed = new URL(url);
    expect(parsed.pathname).toBe("/confirm-email");
    expect(parsed.search).toBe("");
    expect(readSignUpConfirmation(`Hello,\n\nopen this link:\n${url}\n\nThanks`)).toEqual({
      url,
      token,
      next: "/partner/join#ABCDE-12345",
      email: "noor+x@example.test",
    });
  });

  it("never continues to another site", () => {
    for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/path with space", "", null, undefined]) {
      expect(safeNextPath(next)).toBe("/");
      expect(readSignUpConfirmation(signUpConfirmationUrl("http://localhost:3000", "t", next))?.next).toBe("/");
    }
    expect(safeNextPath("/counselling/join#CODE")).toBe("/counselling/join#CODE");
  });

  it("finds no link in an email without one", () => {
    expect(readSignUpConfirmation("Someone tried to create an account. Sign in: http://localhost:3000/sign-in")).toBeNull();
  });
});
