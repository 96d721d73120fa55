import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./client-ip.js";

describe("resolveClientIp", () => {
  it("uses the socket address when no header is trusted, ignoring forged forwarding headers", () => {
    expect(resolveClientIp({ "x-forwarded-for": "1.2.3.4" }, "198.51.100.1", undefined)).toBe("198.51.100.1");
  });

  it("unwraps IPv4-mapped IPv6 socket addresses", () => {
    expect(resolveClientIp({}, "::ffff:127.0.0.1", undefined)).toBe("127.0.0.1");
  });

  it("takes the right-most valid entry of the trusted header: the one the operator's proxy added", () => {
    expect(resolveClientIp({ "x-forwarded-for": "10.0.0.1, 203.0.113.5" }, "127.0.0.1", "x-forwarded-for")).toBe("203.0.113.5");
  });

  it("strips ports and brackets", () => {
    expect(resolveClientIp({ "x-real-ip": "203.0.113.5:4711" }, "127.0.0.1", "x-real-ip")).toBe("203.0.113.5");
    expect(resolveClientIp({ "x-real-ip": "[2001:db8::1]:443" }, "127.0.0.1", "x-real-ip")).toBe("2001:db8::1");
  });

  it("falls back to the socket when the trusted header is missing or holds garbage", () => {
    expect(resolveClientIp({}, "198.51.100.1", "x-real-ip")).toBe("198.51.100.1");
    expect(resolveClientIp({ "x-real-ip": "not-an-ip" }, "198.51.100.1", "x-real-ip")).toBe("198.51.100.1");
  });
});
