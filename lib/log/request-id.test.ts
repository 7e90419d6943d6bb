import { describe, expect, it } from "vitest";
import { acceptOrCreateRequestId, isSaneRequestId } from "./request-id";

describe("request ids", () => {
  it("keeps a load balancer's id when it is sane", () => {
    expect(acceptOrCreateRequestId("Root=1-67891233-abcdef012345678912345678")).toBe("Root=1-67891233-abcdef012345678912345678");
    expect(acceptOrCreateRequestId("5f1c2b9e-1d2a-4c7b-9a55-3f0e2d1c4b6a")).toBe("5f1c2b9e-1d2a-4c7b-9a55-3f0e2d1c4b6a");
  });

  it("replaces a missing, empty, oversized or unprintable one with a new uuid", () => {
    for (const bad of [null, undefined, "", "x".repeat(129), "has space", "new\nline", "<script>", "ünïcode"]) {
      expect(isSaneRequestId(bad)).toBe(false);
      expect(acceptOrCreateRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("makes a different id each time", () => {
    expect(acceptOrCreateRequestId(null)).not.toBe(acceptOrCreateRequestId(null));
  });
});
