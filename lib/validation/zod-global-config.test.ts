import { expect, test } from "vitest";
import { zodJitless } from "./zod-global-config";

// Before zod is imported in this file's module graph, as in the browser.
test("zod adopts the jitless switch set before it loads, and does not compile validators", async () => {
  zodJitless();
  const { z } = await import("zod");
  expect(z.config().jitless).toBe(true);
  // With jitless, zod never asks for `new Function` (which the CSP refuses).
  const original = globalThis.Function;
  let compiled = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      compiled++;
      return Reflect.construct(target, args);
    },
  });
  try {
    const schema = z.object({ a: z.string(), b: z.number() });
    expect(schema.parse({ a: "x", b: 1 })).toEqual({ a: "x", b: 1 });
    expect(schema.safeParse({ a: 1 }).success).toBe(false);
  } finally {
    globalThis.Function = original;
  }
  expect(compiled).toBe(0);
});
