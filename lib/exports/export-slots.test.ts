import { describe, expect, it } from "vitest";
import { acquireExportSlot, exportsRunning, releasingWhenDone } from "./export-slots";

describe("export slots", () => {
  it("allow a few exports per client and overall, and free a slot once", () => {
    const limits = { perClient: 2, total: 3 };
    const a1 = acquireExportSlot("user:a", limits)!;
    const a2 = acquireExportSlot("user:a", limits)!;
    expect(acquireExportSlot("user:a", limits)).toBeNull();
    const b1 = acquireExportSlot("user:b", limits)!;
    expect(acquireExportSlot("user:c", limits)).toBeNull(); // overall limit
    a1();
    a1(); // twice is once
    expect(exportsRunning()).toBe(2);
    const c1 = acquireExportSlot("user:c", limits)!;
    expect(c1).not.toBeNull();
    for (const r of [a2, b1, c1]) r();
    expect(exportsRunning()).toBe(0);
  });

  it("hold the slot until the body is read to the end, or cancelled", async () => {
    let released = 0;
    const body = () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2])), c.close()) });
    const read = releasingWhenDone(body(), () => released++);
    expect(released).toBe(0);
    expect(new Uint8Array(await new Response(read).arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    expect(released).toBe(1);
    await releasingWhenDone(body(), () => released++).cancel();
    expect(released).toBe(2);
  });
});
