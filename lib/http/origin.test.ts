import { describe, expect, it } from "vitest";
import { originRefusal, trustedOrigins } from "./origin";

const BASE = "http://localhost:3000";
const post = (headers: Record<string, string>, url = "http://localhost:3000/api/views") => new Request(url, { method: "POST", headers });

describe("the one origin rule", () => {
  it("trusts the public URL and its loopback twin", () => {
    expect(trustedOrigins(BASE)).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(trustedOrigins("https://lodestone.example.com")).toEqual(["https://lodestone.example.com"]);
  });

  it("allows the app's own origins and the host the browser reached", () => {
    expect(originRefusal(post({ origin: "http://localhost:3000" }), BASE)).toBeNull();
    expect(originRefusal(post({ origin: "http://127.0.0.1:3000" }), BASE)).toBeNull();
    // Behind a TLS-terminating proxy that keeps Host: the browser's origin is https://portfolio.internal.
    expect(
      originRefusal(post({ origin: "https://portfolio.internal", host: "portfolio.internal" }, "http://10.0.0.5:3000/x"), "https://lodestone.example.com"),
    ).toBeNull();
  });

  it("refuses a foreign Origin, and a missing one (one rule for every write, the visit mark included)", () => {
    expect(originRefusal(post({ origin: "https://elsewhere.example" }), BASE)).toMatch(/elsewhere\.example are not allowed/);
    expect(originRefusal(post({}), BASE)).toMatch(/Missing Origin/);
    expect(originRefusal(post({ origin: "http://localhost:3001" }), BASE)).not.toBeNull();
  });
});
