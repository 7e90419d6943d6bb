import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ENUMERATION } from "./list-format";

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith(".tsx") ? [path] : [];
  });
}

describe("enumerations in the interface (issue 17.6)", () => {
  it("read as the locale writes them: 、 in Chinese, the same commas as before in English", () => {
    expect(new Intl.ListFormat("zh-CN", ENUMERATION).format(["Budget 2026", "Month-end 2026-10"])).toBe("Budget 2026、Month-end 2026-10");
    expect(new Intl.ListFormat("en-US", ENUMERATION).format(["Budget 2026", "Month-end 2026-10", "Q3"])).toBe("Budget 2026, Month-end 2026-10, Q3");
  });

  it("no component joins what it shows with an ASCII comma (format.list with ENUMERATION instead)", () => {
    const root = join(import.meta.dirname, "..", "..");
    const offenders = tsxFiles(join(root, "components")).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (/\.join\(\s*["'`], ["'`]\s*\)/.test(line) ? [`${relative(root, file)}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
