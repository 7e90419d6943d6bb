import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../env";
import { clientAddress, fromTrustedProxy, parseProxySpec, trustedProxyList, UNKNOWN_CLIENT } from "./client-ip";

const list = (...entries: string[]) => trustedProxyList(entries.map((e) => parseProxySpec(e)!));

describe("clientAddress", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("127.0.0.1", "10.9.9.9", null)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:192.0.2.4", "10.9.9.9, 10.8.8.8", null)).toBe("192.0.2.4");
    expect(clientAddress(undefined, "10.9.9.9", null)).toBe(UNKNOWN_CLIENT);
  });

  it("takes the right-most untrusted hop of X-Forwarded-For from a trusted proxy", () => {
    const trusted = list("10.0.0.0/8", "::1");
    expect(clientAddress("10.0.0.5", "198.51.100.7", trusted)).toBe("198.51.100.7");
    // a client-written first entry does not win over what the proxy appended
    expect(clientAddress("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9", trusted)).toBe("198.51.100.7");
    expect(clientAddress("::1", ["203.0.113.1"], trusted)).toBe("203.0.113.1");
    // not from a trusted proxy: the header is ignored
    expect(clientAddress("192.0.2.1", "198.51.100.7", trusted)).toBe("192.0.2.1");
    // garbage in the chain: the proxy's own address
    expect(clientAddress("10.0.0.5", "not-an-ip", trusted)).toBe("10.0.0.5");
    expect(fromTrustedProxy("::ffff:10.1.2.3", trusted)).toBe(true);
    expect(fromTrustedProxy("192.0.2.1", trusted)).toBe(false);
  });
});

describe("LODESTONE_TRUSTED_PROXIES", () => {
  it("parses addresses and networks, and refuses anything else in one line", () => {
    expect(parseEnv({}).LODESTONE_TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ LODESTONE_TRUSTED_PROXIES: "10.0.0.0/8, ::1 ,192.0.2.3" }).LODESTONE_TRUSTED_PROXIES).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
      { address: "192.0.2.3", prefix: 32, family: "ipv4" },
    ]);
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.1/x", "*", "10.0.0.0/8/1"])
      expect(() => parseEnv({ LODESTONE_TRUSTED_PROXIES: bad }), bad).toThrow(EnvError);
    expect(() => parseEnv({ LODESTONE_TRUSTED_PROXIES: "nope" })).toThrow(/LODESTONE_TRUSTED_PROXIES: "nope" is not an IP address/);
  });
});
