import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "./client-ip";
import { plainIp } from "./plain-ip";

describe("plainIp", () => {
  it("turns an IPv4-mapped IPv6 address into the IPv4 address", () => {
    expect(plainIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(plainIp("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(plainIp("::ffff:0:192.0.2.1")).toBe("192.0.2.1");
  });

  it("leaves plain IPv4, real IPv6 and nothing alone", () => {
    expect(plainIp("203.0.113.7")).toBe("203.0.113.7");
    expect(plainIp("2001:db8::1")).toBe("2001:db8::1");
    expect(plainIp("::1")).toBe("::1");
    expect(plainIp("::ffff:abcd")).toBe("::ffff:abcd");
    expect(plainIp(null)).toBeNull();
  });
});

describe("clientIpFromHeaders", () => {
  const headers = (forwarded: string) => new Headers({ "x-forwarded-for": forwarded });

  it("gives the plain IPv4 address a proxy saw as IPv4-mapped", () => {
    expect(clientIpFromHeaders(headers("::ffff:198.51.100.4"), 1)).toBe("198.51.100.4");
    expect(clientIpFromHeaders(headers("::ffff:198.51.100.4, ::ffff:10.0.0.2"), 2)).toBe("198.51.100.4");
    expect(clientIpFromHeaders(headers("2001:db8::5"), 1)).toBe("2001:db8::5");
  });
});
