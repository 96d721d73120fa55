import { describe, expect, it } from "vitest";
import { holdsNulCharacter, personFieldsProblem, personNameMaxLength } from "./request-fields.js";

describe("checks on Better Auth's request fields", () => {
  it("finds a NUL character in any string or key, at any depth, without recursion limits", () => {
    expect(holdsNulCharacter({ a: ["x", { b: "y\u0000" }] })).toBe(true);
    expect(holdsNulCharacter({ ["k\u0000"]: 1 })).toBe(true);
    let deep: unknown = "end\u0000";
    for (let level = 0; level < 50_000; level += 1) deep = [deep];
    expect(holdsNulCharacter(deep)).toBe(true);
    expect(holdsNulCharacter({ a: ["x", { b: "y" }], n: 1, z: null })).toBe(false);
    expect(holdsNulCharacter(undefined)).toBe(false);
  });

  it("takes a one-line name of 1 to 80 characters at sign-up and on update-user, and nothing else on update-user", () => {
    expect(personFieldsProblem("/sign-up/email", { name: " Ana ", email: "a@b.c", password: "p" })).toBeNull();
    expect(personFieldsProblem("/update-user", { name: "Ana" })).toBeNull();
    for (const name of [undefined, null, 5, true, {}, [], "", "   ", "x".repeat(personNameMaxLength + 1), "two\nlines"]) {
      expect(personFieldsProblem("/update-user", { name })).not.toBeNull();
      expect(personFieldsProblem("/sign-up/email", { name })).not.toBeNull();
    }
    expect(personFieldsProblem("/update-user", { name: "Ana", image: "x" })).not.toBeNull();
    expect(personFieldsProblem("/sign-in/email", { name: 5 })).toBeNull();
  });
});
