import { describe, expect, it } from "vitest";
import { csvField, csvLine, guardFormula } from "./csv";

describe("csv", () => {
  it("quotes per RFC 4180", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
  it("keeps Chinese text as is", () => {
    expect(csvField("拉斯邦巴斯铜矿")).toBe("拉斯邦巴斯铜矿");
  });
  it("guards cells a spreadsheet would run as a formula", () => {
    for (const v of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(guardFormula(v)).toBe(`'${v}`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // numbers are data, not text: a negative number stays a number
    expect(csvField(-5)).toBe("-5");
  });
});
