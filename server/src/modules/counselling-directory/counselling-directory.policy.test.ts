import { describe, expect, it } from "vitest";
import { decideNewRequest, roleIn, statusOf, type NewRequestFacts } from "./counselling-directory.policy.js";

const fine: NewRequestFacts = {
  listing: { individual: true, couple: true },
  kind: "individual",
  partnerId: null,
  relations: [null],
  openPracticeIds: [],
  openCount: 0,
  todayCount: 0,
  practiceId: "p1",
};
const codeOf = (facts: Partial<NewRequestFacts>) => decideNewRequest({ ...fine, ...facts })?.code ?? null;

describe("who may ask a practice for counselling (decision 055)", () => {
  it("lets a person ask a listed practice for what it offers", () => {
    expect(codeOf({})).toBeNull();
    expect(codeOf({ kind: "couple", partnerId: "u2", relations: [null, null] })).toBeNull();
  });

  it("refuses, with the first reason that applies", () => {
    expect(codeOf({ listing: null })).toBe("NOT_FOUND");
    expect(codeOf({ listing: { individual: false, couple: true } })).toBe("KIND_NOT_OFFERED");
    expect(codeOf({ kind: "couple", listing: { individual: true, couple: false }, partnerId: "u2" })).toBe("KIND_NOT_OFFERED");
    expect(codeOf({ kind: "couple" })).toBe("NOT_LINKED");
    expect(codeOf({ relations: ["member"] })).toBe("OWN_PRACTICE");
    expect(codeOf({ kind: "couple", partnerId: "u2", relations: [null, "client"] })).toBe("ALREADY_CLIENT");
    expect(codeOf({ openPracticeIds: ["p1"] })).toBe("ALREADY_REQUESTED");
    expect(codeOf({ openCount: 3 })).toBe("TOO_MANY_OPEN_REQUESTS");
    expect(decideNewRequest({ ...fine, todayCount: 5 })?.statusCode).toBe(429);
  });

  it("counts an assignment whose counsellor is gone as back with the practice, and knows each person's part", () => {
    expect(statusOf({ status: "assigned", counsellorId: null })).toBe("sent");
    expect(statusOf({ status: "assigned", counsellorId: "c1" })).toBe("assigned");
    expect(roleIn({ requesterId: "a", partnerId: "b" }, "a")).toBe("requester");
    expect(roleIn({ requesterId: "a", partnerId: "b" }, "b")).toBe("partner");
    expect(roleIn({ requesterId: "a", partnerId: null }, "c")).toBeNull();
  });
});
