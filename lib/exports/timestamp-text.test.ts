import { describe, expect, it } from "vitest";
import { csvValue, timestampText } from "./export-columns";

describe("timestamps in CSV exports", () => {
  it("are written in the portfolio's time zone, with the zone, not as a raw ISO string", () => {
    const at = new Date("2026-11-25T22:03:59.123Z");
    expect(timestampText(at)).toBe("2026-11-26 06:03 GMT+8");
    expect(csvValue({ kind: "timestamp", value: at })).toBe("2026-11-26 06:03 GMT+8");
  });
});
