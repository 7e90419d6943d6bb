import type { Browser, BrowserContext, Page } from "@playwright/test";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import type { SeedProject } from "../lib/db/seed-types";
import { nameSortKey } from "../lib/projects/name-sort-key";
import { regionOfCountry } from "../lib/projects/regions";
import { expect, signInAs, test } from "./fixtures";
import { toggleOptions } from "./multi-select";

// The interface in English and Simplified Chinese, on the seeded Minmetals portfolio.
// playwright.config sets en-US (Accept-Language), so English is what a new visitor gets by default.

const LANGUAGES = {
  en: {
    group: "Language",
    dashboard: "Portfolio dashboard",
    projects: "Projects",
    search: "Search projects",
    region: "Region",
    africa: "Africa",
    count: /^\d+ projects?$/,
  },
  "zh-CN": { group: "语言", dashboard: "项目组合总览", projects: "项目", search: "搜索项目", region: "区域", africa: "非洲", count: /^共 \d+ 个项目$/ },
} as const;
type Lang = keyof typeof LANGUAGES;

const switcher = (page: Page, lang: Lang) => page.getByRole("group", { name: LANGUAGES[lang].group });
const table = (page: Page, lang: Lang) => page.getByRole("table", { name: lang === "en" ? /^Projects/ : /^项目列表/ });
const names = (page: Page, lang: Lang) => table(page, lang).getByRole("rowheader").getByRole("link");

const seeded = minmetalsPortfolio.projects;
const zhCollator = new Intl.Collator("zh-CN");
/** The names the list shows for these seeded projects, in its name order for the language. */
function shownNames(projects: SeedProject[], lang: Lang): string[] {
  if (lang === "en") return projects.map((p) => p.nameEn).sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));
  return projects.map((p) => p.nameZh ?? p.nameEn).sort(zhCollator.compare);
}

async function expectLanguage(page: Page, lang: Lang) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(switcher(page, lang).getByRole("button", { name: lang === "en" ? "English" : "中文" })).toHaveAttribute("aria-pressed", "true");
}

async function openList(page: Page, lang: Lang, url = "/projects") {
  await page.goto(url);
  await expect(page.getByLabel(LANGUAGES[lang].search)).toBeVisible();
  await expect(page.getByRole("button", { name: lang === "en" ? "Apply filters" : "应用筛选" })).toBeHidden(); // hydrated
}

/** A fresh visitor whose browser asks for a language (Accept-Language and navigator.language). */
async function visitor(browser: Browser, locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, timezoneId: "UTC" });
  return { context, page: await context.newPage() };
}

for (const lang of ["en", "zh-CN"] as const) {
  test.describe(`main flows in ${lang}`, () => {
    test.use({ locale: lang === "en" ? "en-US" : "zh-CN" });
    const L = LANGUAGES[lang];

    test("dashboard headline and navigation, with the language chosen from the browser", async ({ page }) => {
      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { level: 1, name: L.dashboard })).toBeVisible();
      await expectLanguage(page, lang);
      await expect(page).toHaveURL(/\/dashboard$/); // no locale in the address
      // Each language is offered in its own name and marked with its language.
      await expect(switcher(page, lang).getByRole("button", { name: "中文" })).toHaveAttribute("lang", "zh-CN");
      await expect(switcher(page, lang).getByRole("button", { name: "English" })).toHaveAttribute("lang", "en");
      await expect(page.getByRole("navigation", { name: lang === "en" ? "Main" : "主导航" }).getByRole("link", { name: L.projects })).toBeVisible();
    });

    test("table: filter by region and search by a partial Chinese name (铜矿)", async ({ page }) => {
      await openList(page, lang);
      await expect(page.getByRole("heading", { level: 1, name: L.projects })).toBeVisible();
      await page.getByLabel(L.search).fill("铜矿");
      await expect(page).toHaveURL(/[?&]q=%E9%93%9C%E7%9F%BF/);
      // Names containing 铜矿 first, then (铜矿 = copper mine) the other copper projects.
      const named = seeded.filter((p) => p.nameZh?.includes("铜矿"));
      const copper = [...named, ...seeded.filter((p) => !p.nameZh?.includes("铜矿") && p.commodities.includes("copper"))];
      await expect(names(page, lang)).toHaveText([...shownNames(named, lang), ...shownNames(copper.slice(named.length), lang)]);
      await toggleOptions(page, L.region, [L.africa]);
      await expect(page).toHaveURL(/[?&]region=AFRICA(&|$)/); // the same parameters in every language
      const african = copper.filter((p) => regionOfCountry(p.countryCode) === "AFRICA");
      expect(african.length).toBeGreaterThan(1);
      await expect(names(page, lang)).toHaveText(shownNames(african, lang));
      await expect(page.getByRole("status").filter({ hasText: L.count })).toHaveText(
        lang === "en" ? `${african.length} projects` : `共 ${african.length} 个项目`,
      );
    });

    test("project page: name in the interface language, the other one beside it", async ({ page }) => {
      await page.goto("/projects/las-bambas-copper-mine");
      const [main, other] = lang === "en" ? ["Las Bambas Copper Mine", "拉斯邦巴斯铜矿"] : ["拉斯邦巴斯铜矿", "Las Bambas Copper Mine"];
      await expect(page.getByRole("heading", { level: 1, name: main })).toBeVisible();
      await expect(page.getByText(other, { exact: true }).first()).toHaveAttribute("lang", lang === "en" ? "zh-CN" : "en");
      await expect(page.getByRole("heading", { name: lang === "en" ? "Key facts" : "关键信息" })).toBeVisible();
      await expect(page.getByText(lang === "en" ? "Operation" : "运营", { exact: true }).first()).toBeVisible();
      await expect(page.getByText(lang === "en" ? "Not assessed" : "未评估", { exact: true }).first()).toBeVisible();
      await expect(page).toHaveURL(/\/projects\/las-bambas-copper-mine$/);
    });
  });
}

test.describe("bilingual content", () => {
  test.use({ locale: "zh-CN" });

  test("a project without a Chinese name shows its English name, marked as English", async ({ page }) => {
    const english = seeded.find((p) => p.nameZh === undefined && p.slug.includes("xianglushan"))!;
    await openList(page, "zh-CN", `/projects?q=${encodeURIComponent(english.nameEn)}`);
    const row = table(page, "zh-CN").getByRole("rowheader");
    await expect(row.getByRole("link", { name: english.nameEn })).toHaveAttribute("lang", "en");
    await expect(row.getByText("英文", { exact: true })).toBeVisible();
    await page.goto(`/projects/${english.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(english.nameEn);
    await expect(page.getByRole("heading", { level: 1 }).getByText("暂无中文，显示英文原文")).toBeAttached(); // for screen readers
  });

  test("name sort follows pinyin in zh-CN", async ({ page }) => {
    await openList(page, "zh-CN", "/projects?sort=name&dir=asc&pageSize=100");
    const shown = await names(page, "zh-CN").allTextContents();
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual([...shown].sort(new Intl.Collator("zh-CN").compare));
  });
});

test.describe("choosing the language", () => {
  test("Accept-Language zh-CN picks Chinese for a new visitor; en-US picks English", async ({ browser }) => {
    for (const [locale, lang] of [
      ["zh-CN", "zh-CN"],
      ["zh", "zh-CN"],
      ["en-US", "en"],
    ] as const) {
      const { context, page } = await visitor(browser, locale);
      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { level: 1, name: LANGUAGES[lang].dashboard })).toBeVisible();
      await expectLanguage(page, lang);
      await context.close();
    }
  });

  test("the switcher changes the language at the same address and the choice survives a reload", async ({ page }) => {
    await openList(page, "en", "/projects?region=AFRICA");
    await switcher(page, "en").getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "项目" })).toBeVisible();
    await expect(page).toHaveURL(/\/projects\?region=AFRICA$/);
    await expectLanguage(page, "zh-CN");
    await page.reload();
    await expectLanguage(page, "zh-CN");
    const cookie = (await page.context().cookies()).find((c) => c.name === "NEXT_LOCALE");
    expect(cookie?.value).toBe("zh-CN");
    await switcher(page, "zh-CN").getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expectLanguage(page, "en");
  });

  test("a signed-in user's choice follows them to another browser; a choice made before signing in is kept", async ({ browser, makeUser }) => {
    test.slow(); // two browsers, three sign-ins and a language saved twice: over a minute beside a second worker
    // A user of the test's own: the saved language is the user's, and other specs read the demo users in English.
    const login = await makeUser("executive");
    // Browser A: choose Chinese on the sign-in page, then sign in through the form.
    const a = await visitor(browser, "en-US");
    try {
      await a.page.goto("/sign-in");
      await switcher(a.page, "en").getByRole("button", { name: "中文" }).click();
      await expect(a.page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
      await a.page.getByLabel("电子邮箱").fill(login.email);
      await a.page.getByLabel("密码").fill(login.password);
      await a.page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(a.page.getByRole("button", { name: "退出登录" })).toBeVisible();
      await expectLanguage(a.page, "zh-CN");

      // Browser B: English browser, no cookie; signing in brings the saved choice.
      const b = await visitor(browser, "en-US");
      await b.page.goto("/dashboard");
      await expectLanguage(b.page, "en");
      await signInAs(b.page, login);
      await b.page.goto("/dashboard");
      await expect(b.page.getByRole("heading", { level: 1, name: "项目组合总览" })).toBeVisible();
      await expectLanguage(b.page, "zh-CN");
      // Switching back while signed in is saved for the user too.
      await switcher(b.page, "zh-CN").getByRole("button", { name: "English" }).click();
      await expectLanguage(b.page, "en");
      await b.context.close();
      await a.page.reload();
      await expectLanguage(a.page, "en"); // the user's setting outranks this browser's cookie
    } finally {
      // Leave the demo user in English for the other specs, whatever happened above.
      await a.page.goto("/dashboard");
      const english = a.page.getByRole("button", { name: "English" });
      if ((await english.getAttribute("aria-pressed")) !== "true") await english.click();
      await a.context.close();
    }
  });
});

test.describe("zh-CN layout", () => {
  test.use({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });

  /** A full-page screenshot, kept as a file in the test's output folder and attached to the report. */
  async function attachScreenshot(page: Page, name: string) {
    const path = test.info().outputPath(name);
    await page.screenshot({ path, fullPage: true });
    await test.info().attach(name, { path, contentType: "image/png" });
  }

  /** Nothing wider than the window, and the given cells show all their text. */
  async function expectNoOverflow(page: Page, cells: string) {
    const doc = await page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      const beyond = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > client + 1)
        .map((el) => `${el.tagName} ${el.textContent?.trim().slice(0, 40)}`);
      return { scroll: document.documentElement.scrollWidth, client, beyond: beyond.slice(0, 5).join(" | ") };
    });
    expect(doc.scroll, `the page scrolls sideways: ${doc.beyond}`).toBeLessThanOrEqual(doc.client);
    const clipped = await page.locator(cells).evaluateAll((els) =>
      els
        // Screen-reader-only text is clipped to 1 px on purpose (the fallback tag's note, e.g. on a project with no Chinese name).
        .filter((el) => !el.classList.contains("sr-only"))
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.textContent?.trim()),
    );
    expect(clipped, "clipped cells").toEqual([]);
  }

  /** Han characters are drawn by a real font: two different ones look different (missing glyphs are identical boxes). */
  async function expectCjkGlyphs(page: Page, selector: string) {
    const result = await page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const family = getComputedStyle(el).fontFamily;
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 48;
        const ctx = canvas.getContext("2d")!;
        ctx.font = `32px ${family}`;
        const draw = (ch: string) => {
          ctx.clearRect(0, 0, 48, 48);
          ctx.fillText(ch, 4, 38);
          return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(",");
        };
        const copper = draw("铜");
        return {
          family,
          distinct: copper !== draw("锌"),
          notBox: copper !== draw("\u{10FFFD}"),
          inked: /[1-9]/.test(copper),
          width: ctx.measureText("铜").width,
        };
      });
    expect(result.family).toContain("Noto Sans CJK SC");
    expect(result, `glyphs drawn with ${result.family}`).toMatchObject({ distinct: true, notBox: true, inked: true });
    expect(result.width).toBeCloseTo(32, 0); // a full-width ideograph, 1em
  }

  test("dashboard: screenshot, no overflow, real CJK glyphs", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "项目组合总览" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    // Measured before the full-page screenshot, which resizes the page for a moment.
    await expectNoOverflow(page, "header a, header button, h1, h2, h3");
    await attachScreenshot(page, "dashboard-zh-CN.png");
    await expectCjkGlyphs(page, "h1");
  });

  test("table: screenshot, no overflow, real CJK glyphs", async ({ page }) => {
    await openList(page, "zh-CN", "/projects?pageSize=25");
    await expectNoOverflow(page, "thead th, tbody th a, tbody td span");
    await attachScreenshot(page, "projects-zh-CN.png");
    await expectCjkGlyphs(page, "tbody th a[lang='zh-CN']");
  });
});
