import { describe, expect, it } from "vitest";
import { matchAcceptLanguage, resolveLocale } from "./negotiate";

describe("matchAcceptLanguage", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["ZH-cn", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["en-GB", "en"],
    ["fr-FR,zh;q=0.5,en;q=0.4", "zh-CN"], // French is not offered: the next best that is
    ["en;q=0.5, zh-CN;q=0.8", "zh-CN"], // by quality, not by order
    ["de, fr", null],
    ["zh;q=0, en", "en"], // q=0 means "not acceptable"
    ["", null],
    ["*", null],
  ])("%s → %s", (header, expected) => {
    expect(matchAcceptLanguage(header)).toBe(expected);
  });
});

describe("resolveLocale", () => {
  it("prefers the signed-in user's setting, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ userLocale: "zh-CN", cookieLocale: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ userLocale: null, cookieLocale: "zh-CN", acceptLanguage: "en-US" })).toBe("zh-CN");
    expect(resolveLocale({ cookieLocale: "en", acceptLanguage: "zh-CN" })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "zh-CN,zh;q=0.9" })).toBe("zh-CN");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores values that are not our locales (a forged cookie, an old setting)", () => {
    expect(resolveLocale({ userLocale: "fr", cookieLocale: "xx<script>", acceptLanguage: "zh" })).toBe("zh-CN");
    expect(resolveLocale({ userLocale: "zh", cookieLocale: "zh-TW" })).toBe("en");
  });
});
