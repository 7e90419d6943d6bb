import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./sign-in.validation";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/projects?stage=OPERATION#top")).toBe("/projects?stage=OPERATION#top");
    expect(safeReturnPath("/projects/kinsevere-copper-expansion")).toBe("/projects/kinsevere-copper-expansion");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("refuses every way off-site, including the ones browsers make by stripping tabs and newlines", () => {
    for (const next of [
      "//evil.example/phish",
      "/\t/evil.example/phish",
      "/%09/evil.example/phish".replace("%09", "\t"),
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "/\\\\evil.example",
      "/ /evil.example",
      "https://evil.example",
      "evil.example",
      "javascript:alert(1)",
      "/\u0000/evil.example",
      "/\u200B/evil.example",
    ])
      expect(safeReturnPath(next), JSON.stringify(next)).toBe("/");
  });
});
